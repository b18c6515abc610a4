using System.Globalization;
using System.Text.Json;
using Ses.Documents.Templates;
using Ses.Service.Calendar;

namespace Ses.Service.Delivery;

/// <summary>A period that runs from the delivery date, as both sides see it.</summary>
/// <param name="Period">Its machine code: <c>defense</c>, <c>reconsideration</c>, <c>litigation</c>, <c>validity</c>, <c>repair</c>.</param>
/// <param name="Name">The period's name in Chinese, as the pages and the certificate show it.</param>
/// <param name="LastDay">The last day of the period; for <c>repair</c>, the first day an application is accepted (the day
/// after the waiting period's last day).</param>
/// <param name="Provisional">Whether a year the computation reached had no imported holiday schedule (weekends only).</param>
/// <param name="Rule">How the last day was computed, in Chinese, with the calendar data used.</param>
/// <param name="Basis">The rule in Chinese, as the certificate and the pages state it.</param>
public sealed record DeadlineView(string Period, string Name, DateOnly LastDay, bool Provisional, string Rule, string Basis);

/// <summary>
/// The periods that run from the delivery of a document, as its form declares them (templates/forms/*.json,
/// <c>"opens"</c>; docs/legal-basis.md): the statement and defence period after a notice; reconsideration and
/// litigation after a decision; and after a decision to record, the record's validity and the earliest repair
/// application, from the case chosen in the form's <c>"validityCase"</c> field (一年/三个月, or 三年/六个月 under
/// 实施办法第八条第一款第（三）项).
/// </summary>
public static class Deadlines
{
    /// <summary>The <c>"validityCase"</c> value of the long case: 实施办法第八条第一款第（三）项.</summary>
    public const string LongValidityCase = "art8-1-3";

    /// <summary>The periods the delivery on <paramref name="delivered"/> of a document of <paramref name="form"/> opens
    /// (none for a form the templates no longer hold).</summary>
    public static IReadOnlyList<DeadlineView> For(FormTemplate? form, string dataJson, DateOnly delivered, HolidayCalendar calendar)
    {
        var list = new List<DeadlineView>();
        if (form is null) return list;
        if (form.OpensPeriod(OpenedPeriod.Defense))
        {
            // 实施办法第十三条: the date printed in the notice, never earlier than the 5th working day after delivery.
            var printed = form.Fields.FirstOrDefault(f => f.Proposal == "reply-date") is { } field ? DateField(dataJson, field.Name) : null;
            var end = LegalDates.DefenceDeadline(delivered, printed, calendar);
            var basis = printed is { } p && p == end.Date
                ? $"告知书载明「应当于{DateValue.FormatChinese(p)}前」提交陈述和申辩意见，不早于自送达之日（{delivered:yyyy-MM-dd}）起第 5 个工作日（实施办法第十三条）"
                : $"自送达之日（{delivered:yyyy-MM-dd}）起第 5 个工作日（实施办法第十三条）";
            list.Add(View("defense", "陈述和申辩期限", end, basis, calendar));
        }
        if (form.OpensPeriod(OpenedPeriod.Reconsideration))
        {
            list.Add(View("reconsideration", "申请行政复议期限", LegalDates.Deadline(Period.Reconsideration, delivered, calendar),
                $"自送达之日（{delivered:yyyy-MM-dd}）起 60 日（行政复议法第二十条）；末日为休息日的，顺延至其后第一个工作日（民法典第二百零三条）", calendar));
        }
        if (form.OpensPeriod(OpenedPeriod.Litigation))
        {
            list.Add(View("litigation", "提起行政诉讼期限", LegalDates.Deadline(Period.Litigation, delivered, calendar),
                $"自送达之日（{delivered:yyyy-MM-dd}）起 6 个月（行政诉讼法第四十六条）；末日为休息日的，顺延至其后第一个工作日（民法典第二百零三条）", calendar));
        }
        if (form.ValidityCaseField is { } caseField)
        {
            var longCase = Text(dataJson, caseField) == LongValidityCase;
            var (years, months) = longCase ? (3, 6) : (1, 3);
            var basis = longCase ? "实施办法第八条第一款第（三）项" : "其他情形";
            // A record expires and a repair becomes possible on a day: neither is an act's deadline, so neither moves
            // off a rest day. The record is entered on delivery of the decision, so both run from the delivery date.
            if (form.OpensPeriod(OpenedPeriod.Validity))
            {
                var validity = $"自决定书送达之日（{delivered:yyyy-MM-dd}）起 {years} 年（{basis}；实施办法第十七条）";
                list.Add(new DeadlineView("validity", "失信记录有效期届满", LegalDates.MonthsAfter(delivered, 12 * years), false, validity, validity));
            }
            if (form.OpensPeriod(OpenedPeriod.Repair))
            {
                // 实施办法第十八条: 记入满 3（6）个月 — the waiting period ends on the corresponding day (民法典第二百零二条), and an
                // application is accepted from the day after it.
                var waiting = LegalDates.MonthsAfter(delivered, months);
                var repair = $"记入（送达之日 {delivered:yyyy-MM-dd}）满 {months} 个月，即 {waiting:yyyy-MM-dd} 届满后，"
                    + $"自次日起可以申请（{basis}；实施办法第十八条；民法典第二百零一条、第二百零二条）";
                list.Add(new DeadlineView("repair", "最早可申请信用修复", waiting.AddDays(1), false, repair, repair));
            }
        }
        return list;
    }

    private static DeadlineView View(string period, string name, LegalDate d, string basis, HolidayCalendar calendar) =>
        new(period, name, d.Date, d.Provisional, d.Rule, $"{basis}；工作日依据 {LegalDates.Sources(calendar)}");

    private static DateOnly? DateField(string dataJson, string name) =>
        Text(dataJson, name) is { } text
        && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static string? Text(string dataJson, string name)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(dataJson) ? "{}" : dataJson);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
    }
}
