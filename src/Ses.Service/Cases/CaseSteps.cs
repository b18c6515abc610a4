namespace Ses.Service.Cases;

/// <summary>The steps of a credit case as the timeline records them, with their results.</summary>
public static class CaseSteps
{
    public const string Opened = "opened";
    public const string Amended = "amended";
    public const string Collection = "collection";
    public const string OfficeReview = "office-review";
    public const string NoticeApproval = "notice-approval";
    public const string Notice = "notice";
    public const string Statement = "statement";
    public const string NoStatement = "no-statement";
    public const string StatementReview = "statement-review";
    public const string CloseApproval = "close-approval";
    public const string Meeting = "meeting";
    public const string Decision = "decision";
    public const string Transfer = "transfer";
    public const string Entry = "entry";
    public const string Interview = "interview";
    public const string InterviewReport = "interview-report";
    public const string InterviewEntry = "interview-entry";
    public const string NotificationSent = "notification-sent";
    public const string RepairApplication = "repair-application";
    public const string RepairMeeting = "repair-meeting";
    public const string RepairRefusal = "repair-refusal";
    public const string RepairRejection = "repair-rejection";
    public const string RepairTransfer = "repair-transfer";
    public const string RepairRemoval = "repair-removal";
    public const string Correction = "correction";
    public const string CorrectionApproval = "correction-approval";
    public const string CorrectionTransfer = "correction-transfer";
    public const string CorrectionEntry = "correction-entry";
    public const string CorrectionWithdrawal = "correction-withdrawal";

    public const string Approved = "approved";
    public const string Returned = "returned";
    public const string Adopted = "adopted";
    public const string NotAdopted = "not-adopted";

    /// <summary>The Chinese name people read.</summary>
    public static string Label(string step) => step switch
    {
        Opened => "立案",
        Amended => "修改案件信息",
        Collection => "填报采集单",
        OfficeReview => "职能部门审核监管局报送的信息",
        NoticeApproval => "分管局领导审批告知",
        Notice => "发出告知书并送达",
        Statement => "收到陈述和申辩",
        NoStatement => "期限届满未陈述和申辩",
        StatementReview => "复核陈述和申辩",
        CloseApproval => "分管局领导审批不予记入",
        Meeting => "局务会或者授权会议审议",
        Decision => "发出认定决定书并送达",
        Transfer => "填写移送单并移送法制部门",
        Entry => "法制部门记入信用记录",
        Interview => "警示约谈",
        InterviewReport => "将警示约谈情况报送法制部门",
        InterviewEntry => "法制部门录入警示约谈情况",
        NotificationSent => "通报认定及警示约谈情况",
        RepairApplication => "收到信用修复申请",
        RepairMeeting => "信用修复会议审议",
        RepairRefusal => "出具不予修复决定书并送达",
        RepairRejection => "出具修复不予受理决定书并送达",
        RepairTransfer => "填写移送单（修复）并移送法制部门",
        RepairRemoval => "法制部门移除信用记录（修复）",
        Correction => "发现信用信息错误或者变更，拟定更正信息",
        CorrectionApproval => "分管局领导审批更正信息",
        CorrectionTransfer => "填写移送单（变更）并移送法制部门",
        CorrectionEntry => "法制部门调整信用记录（更正）",
        CorrectionWithdrawal => "撤销公布、撤回原通报",
        _ => step,
    };

    /// <summary>The Chinese name of a result.</summary>
    public static string ResultLabel(string? result) => result switch
    {
        Approved => "同意",
        Returned => "退回",
        Adopted => "采纳",
        NotAdopted => "不予采纳",
        null => "",
        _ => result,
    };
}
