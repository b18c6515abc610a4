namespace Ses.Service.Corrections;

/// <summary>Where a correction stands (实施办法第二十四条).</summary>
public static class CorrectionState
{
    /// <summary>Prepared: the leader approves it (within the 3 working days from discovery).</summary>
    public const string Approval = "approval";

    /// <summary>Approved: the department sends the transfer slip (within the same 3 working days).</summary>
    public const string Transfer = "transfer";

    /// <summary>Transferred: legal staff adjust the record within 2 working days of receiving it.</summary>
    public const string Adjustment = "adjustment";

    /// <summary>Adjusted, the record had been published or notified: withdrawn within 3 working days.</summary>
    public const string Withdrawal = "withdrawal";

    public const string Done = "done";

    public const string Returned = "returned";

    public static readonly string[] Open = [Approval, Transfer, Adjustment, Withdrawal];

    public static readonly string[] All = [Approval, Transfer, Adjustment, Withdrawal, Done, Returned];

    public static string Label(string state) => state switch
    {
        Approval => "待分管局领导审批",
        Transfer => "待填写移送单",
        Adjustment => "待法制部门调整信用记录",
        Withdrawal => "待撤销公布、撤回原通报",
        Done => "已更正",
        Returned => "分管局领导退回",
        _ => state,
    };
}
