namespace Ses.Service.Repairs;

/// <summary>Where a repair application stands (实施办法第十九条).</summary>
public static class RepairState
{
    /// <summary>To the meeting within 3 working days of the complete materials.</summary>
    public const string Meeting = "meeting";

    /// <summary>Refused by the meeting: the refusal decision (不予修复决定书) within 2 working days.</summary>
    public const string Refusal = "refusal";

    /// <summary>Approved: the transfer slip to the legal department within 2 working days.</summary>
    public const string Transfer = "transfer";

    /// <summary>Transferred: the legal department removes the record.</summary>
    public const string Removal = "removal";

    /// <summary>Repeated without new evidence: the rejection decision (不予受理决定书).</summary>
    public const string Rejection = "rejection";

    public const string Repaired = "repaired";
    public const string Refused = "refused";
    public const string Rejected = "rejected";

    public static readonly string[] Open = [Meeting, Refusal, Transfer, Removal, Rejection];

    public static string Label(string state) => state switch
    {
        Meeting => "待提请会议审议",
        Refusal => "待出具不予修复决定书",
        Transfer => "待填写移送单",
        Removal => "待法制部门移除信用记录",
        Rejection => "待出具不予受理决定书",
        Repaired => "已修复（信用记录已移除）",
        Refused => "不予修复",
        Rejected => "不予受理",
        _ => state,
    };
}
