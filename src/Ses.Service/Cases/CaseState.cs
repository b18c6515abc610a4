namespace Ses.Service.Cases;

/// <summary>Where a credit case stands: each state names the step waiting to be done (实施办法第十二条至第十四条).</summary>
public static class CaseState
{
    /// <summary>Opened; the collection form (采集单) is to be filled in (实施办法第十二条).</summary>
    public const string Collecting = "collecting";

    /// <summary>Collected by a supervision office; the department reviews it (实施办法第十二条第二款).</summary>
    public const string OfficeReview = "office-review";

    /// <summary>The leader approves sending the notice (实施办法第十三条).</summary>
    public const string NoticeApproval = "notice-approval";

    /// <summary>Approved; the notice (告知书) is to be issued and served.</summary>
    public const string Notice = "notice";

    /// <summary>The notice is served; the period for a statement and defence runs to the date it states (实施办法第十三条).</summary>
    public const string Statement = "statement";

    /// <summary>A statement was received; it is reviewed (实施办法第十三条第二款).</summary>
    public const string StatementReview = "statement-review";

    /// <summary>The statement was adopted; the leader approves not recording (实施办法第十三条第二款).</summary>
    public const string CloseApproval = "close-approval";

    /// <summary>To the bureau meeting or an authorised meeting (实施办法第十四条第一款).</summary>
    public const string Meeting = "meeting";

    /// <summary>Decided at the meeting; the decision (决定书) is to be issued and served (实施办法第十四条第一款).</summary>
    public const string Decision = "decision";

    /// <summary>The decision is served; once delivered, the transfer slip (移送单) follows (实施办法第十四条第二款).</summary>
    public const string Transfer = "transfer";

    /// <summary>Transferred; legal staff enter the record in SES (实施办法第十四条第二款).</summary>
    public const string Entry = "entry";

    /// <summary>Recorded: the record is kept, expires or is repaired (实施办法第十七条至第十九条).</summary>
    public const string Recorded = "recorded";

    /// <summary>Closed without a record: the statement was adopted (实施办法第十三条第二款).</summary>
    public const string NotRecorded = "not-recorded";

    /// <summary>The states of a case still being worked on.</summary>
    public static readonly string[] Open =
        [Collecting, OfficeReview, NoticeApproval, Notice, Statement, StatementReview, CloseApproval, Meeting, Decision, Transfer, Entry];

    /// <summary>The states waiting for the leader's approval.</summary>
    public static readonly string[] AwaitingApproval = [NoticeApproval, CloseApproval];

    /// <summary>The Chinese name people read.</summary>
    public static string Label(string state) => state switch
    {
        Collecting => "信息采集",
        OfficeReview => "职能部门审核",
        NoticeApproval => "告知审批",
        Notice => "告知",
        Statement => "陈述和申辩期间",
        StatementReview => "陈述申辩复核",
        CloseApproval => "不予记入审批",
        Meeting => "会议审议",
        Decision => "作出认定决定",
        Transfer => "决定书送达与移送",
        Entry => "法制部门记入",
        Recorded => "已记入信用记录",
        NotRecorded => "不予记入（已结案）",
        _ => state,
    };
}
