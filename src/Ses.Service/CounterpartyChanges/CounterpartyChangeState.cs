namespace Ses.Service.CounterpartyChanges;

/// <summary>Where a change stands.</summary>
public static class CounterpartyChangeState
{
    public const string Applied = "applied";

    public const string Pending = "pending";

    public const string Approved = "approved";

    public const string Rejected = "rejected";

    public static string Label(string state) => state switch
    {
        Applied => "已生效",
        Pending => "待监管局审核",
        Approved => "已批准",
        Rejected => "未批准",
        _ => state,
    };
}
