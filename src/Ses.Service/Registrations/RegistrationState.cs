namespace Ses.Service.Registrations;

/// <summary>Where a registration stands in the bureau's review (注册通知第二条第（四）项).</summary>
public static class RegistrationState
{
    /// <summary>Submitted (or amended) and waiting for the office.</summary>
    public const string Submitted = "submitted";

    /// <summary>The office asked for more; the registrant amends it with the token given at submission.</summary>
    public const string MoreRequested = "more-requested";

    /// <summary>Approved: the counterparty, its accounts and its letter are registered.</summary>
    public const string Approved = "approved";

    public const string Rejected = "rejected";

    public static readonly string[] All = [Submitted, MoreRequested, Approved, Rejected];

    /// <summary>Still before the office: an identifier cannot be registered twice meanwhile.</summary>
    public static bool IsPending(string state) => state is Submitted or MoreRequested;

    public static string Label(string state) => state switch
    {
        Submitted => "待审核",
        MoreRequested => "待补充材料",
        Approved => "已审核入库",
        Rejected => "未通过审核",
        _ => state,
    };
}
