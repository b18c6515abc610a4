using Ses.Service.Calendar;

namespace Ses.Service.Cases;

/// <summary>
/// The time limits of a credit case (实施办法第三章) and the periods of the record it ends in, with the one computation
/// of their dates: the internal limits are the Nth working day after the day they count from (provisional when the
/// calendar has no schedule for a year reached); the record's validity and the repair's waiting period end on the
/// corresponding day and do not move off a rest day.
/// </summary>
public static class CaseTimeLimits
{
    private const string Severe = "实施办法第八条第一款第（三）项";

    /// <summary>Every limit, in the order of the procedure.</summary>
    public static IReadOnlyList<CaseTimeLimit> All { get; } =
    [
        // 实施办法第十二条第一款
        WorkingDays("collection-department", 10, "填写采集单（管理局职能部门采集）", "违法行为作出处理决定或者性质认定之日", "实施办法第十二条第一款"),
        // 实施办法第十二条第二款
        WorkingDays("collection-office", 5, "填写采集单并报送管理局职能部门（监管局采集）", "违法行为作出处理决定或者性质认定之日", "实施办法第十二条第二款"),
        WorkingDays("office-review", 7, "完成对监管局报送的信用信息的审核", "收到监管局报送之日", "实施办法第十二条第二款"),
        // 实施办法第十三条第二款
        WorkingDays("statement-review", 7, "复核陈述和申辩", "听取或者收到陈述申辩材料之日", "实施办法第十三条第二款"),
        // 实施办法第十四条
        WorkingDays("decision", 7, "发出认定决定书", "局务会或者授权会议决定之日", "实施办法第十四条第一款"),
        WorkingDays("transfer", 3, "填写移送单并移送管理局法制部门", "决定书生效之日", "实施办法第十四条第二款"),
        WorkingDays("entry", 3, "将严重失信行为信息记入 SES", "法制部门收到移送单及相关材料之日", "实施办法第十四条第二款"),
        // 实施办法第十五条
        WorkingDays("interview-report", 5, "将警示约谈情况报送管理局法制部门", "警示约谈之日", "实施办法第十五条"),
        WorkingDays("interview-entry", 3, "将警示约谈情况录入 SES", "法制部门收到相关材料之日", "实施办法第十五条"),
        // 实施办法第十九条
        WorkingDays("repair-meeting", 3, "将信用修复处理意见提请会议审议", "收到全部申请材料之日", "实施办法第十九条第一款"),
        WorkingDays("repair-transfer", 2, "填写移送单并报送管理局法制部门（同意修复）", "会议审议同意修复之日", "实施办法第十九条第二款"),
        WorkingDays("repair-refusal", 2, "出具不予修复决定书（不同意修复）", "会议审议不同意修复之日", "实施办法第十九条第二款"),
        WorkingDays("repair-whole", 20, "完成修复或者不予修复", "收到全部申请材料之日", "实施办法第十九条第四款"),
        // 实施办法第二十四条
        WorkingDays("correction", 3, "将更正信息报分管局领导审批并填写移送单", "发现信用信息错误或者变更之日", "实施办法第二十四条"),
        WorkingDays("correction-entry", 2, "调整 SES 信用记录", "法制部门收到更正通知之日", "实施办法第二十四条"),
        WorkingDays("withdrawal", 3, "撤销公布、撤回原通报", "调整信用记录之日", "实施办法第二十四条"),
        // 实施办法第十七条: from the decision's delivery; the last day the record is in force.
        new("validity-general", "信用记录有效期最后一日（一般情形）", "决定书送达之日", 1, TimeLimitUnit.Years, "实施办法第十七条"),
        new("validity-severe", "信用记录有效期最后一日", "决定书送达之日", 3, TimeLimitUnit.Years, $"实施办法第十七条、{Severe}"),
        // 实施办法第十八条: from the entry; the last day of the waiting period, an application is accepted from the next.
        new("repair-eligible-general", "信用修复等待期最后一日（一般情形）", "记入信用记录之日", 3, TimeLimitUnit.Months, "实施办法第十八条"),
        new("repair-eligible-severe", "信用修复等待期最后一日", "记入信用记录之日", 6, TimeLimitUnit.Months, $"实施办法第十八条、{Severe}"),
    ];

    /// <summary>The limit of that kind, or null.</summary>
    public static CaseTimeLimit? Find(string kind) => All.FirstOrDefault(l => l.Kind == kind);

    /// <summary>The date of <paramref name="limit"/> counted from <paramref name="from"/>, with how it was found, in Chinese.</summary>
    public static LegalDate Due(CaseTimeLimit limit, DateOnly from, HolidayCalendar calendar)
    {
        if (limit.Unit == TimeLimitUnit.WorkingDays)
        {
            return LegalDates.WorkingDayLimit(from, limit.Count, calendar,
                $"{limit.Name}：自{limit.From}（{from:yyyy-MM-dd}）起 {limit.Count} 个工作日内，起算日不计入（{limit.Basis}）");
        }
        var (months, length) = limit.Unit == TimeLimitUnit.Years ? (12 * limit.Count, $"{limit.Count} 年") : (limit.Count, $"{limit.Count} 个月");
        var end = LegalDates.MonthsAfter(from, months);
        // 实施办法第十八条: 记入满 3（6）个月 — the waiting period is over at the end of its last day.
        var next = limit.Kind.StartsWith("repair-eligible", StringComparison.Ordinal) ? $"，自 {end.AddDays(1):yyyy-MM-dd} 起可以申请信用修复" : "";
        return new LegalDate(end, false,
            $"{limit.Name}：自{limit.From}（{from:yyyy-MM-dd}）起 {length}{next}（{limit.Basis}）；"
            + "起算日不计入，期间至对应日届满，当月无对应日的为月末日，不因休息日顺延（民法典第二百零一条、第二百零二条）");
    }

    private static CaseTimeLimit WorkingDays(string kind, int days, string name, string from, string basis) =>
        new(kind, name, from, days, TimeLimitUnit.WorkingDays, basis);
}
