namespace Ses.Service.Calendar;

/// <summary>A computed legal date, whether it is provisional (it reached a year with no schedule), and how it was found (in Chinese,
/// naming the calendar data used).</summary>
public sealed record LegalDate(DateOnly Date, bool Provisional, string Rule);

/// <summary>The periods that run from delivery and are computed here (docs/legal-basis.md).</summary>
public enum Period
{
    /// <summary>Statement and defence after a notice: at least 5 working days (实施办法第十三条).</summary>
    Defense,

    /// <summary>Administrative reconsideration: 60 days (行政复议法第二十条).</summary>
    Reconsideration,

    /// <summary>Administrative litigation: 6 months (行政诉讼法第四十六条).</summary>
    Litigation,
}

/// <summary>
/// Delivery and deadline dates. Every date is a calendar date in Asia/Shanghai; the day an event happens is never
/// counted in a period that starts from it (民事诉讼法第八十五条, 民法典第二百零一条).
/// </summary>
public static class LegalDates
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The Asia/Shanghai calendar date of an instant (China has kept UTC+8 without daylight saving since 1991).</summary>
    public static DateOnly BeijingDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Beijing).DateTime);

    /// <summary>Deemed delivery of an electronically served document: the 3rd working day after the sending date
    /// (确认函第二条第四项).</summary>
    public static LegalDate DeemedDelivery(DateTimeOffset sentAt, HolidayCalendar calendar)
    {
        var sent = BeijingDate(sentAt);
        var (date, provisional) = WorkingDaysAfter(sent, 3, calendar);
        return new LegalDate(date, provisional,
            $"发送日 {sent:yyyy-MM-dd}（北京时间）后第三个工作日视为送达（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）；工作日依据 {Sources(calendar)}");
    }

    /// <summary>The last day of a period that runs from the delivery date.</summary>
    public static LegalDate Deadline(Period period, DateOnly delivered, HolidayCalendar calendar)
    {
        switch (period)
        {
            case Period.Defense:
            {
                var (date, provisional) = WorkingDaysAfter(delivered, 5, calendar);
                return new LegalDate(date, provisional, $"自送达之日（{delivered:yyyy-MM-dd}）起第 5 个工作日（实施办法第十三条）；工作日依据 {Sources(calendar)}");
            }
            case Period.Reconsideration:
                return MovedOffRestDay(delivered.AddDays(60), calendar, $"自送达之日（{delivered:yyyy-MM-dd}）起 60 日（行政复议法第二十条）");
            default:
                // 民法典第二百零二条: a month without the corresponding day ends on its last day — what AddMonths does.
                return MovedOffRestDay(delivered.AddMonths(6), calendar, $"自送达之日（{delivered:yyyy-MM-dd}）起 6 个月（行政诉讼法第四十六条）");
        }
    }

    /// <summary>
    /// The date to print in a notice's "应当于____年__月__日前": the day after the defence period ends even if the
    /// notice is only deemed delivered — so the full 5 working days remain whether "前" is read to include that day
    /// or not (实施办法第十三条).
    /// </summary>
    public static LegalDate ProposedReplyDate(DateTimeOffset issuedAt, HolidayCalendar calendar)
    {
        var deemed = DeemedDelivery(issuedAt, calendar);
        var end = Deadline(Period.Defense, deemed.Date, calendar);
        var (after, provisional) = WorkingDaysAfter(end.Date, 1, calendar);
        return new LegalDate(after, deemed.Provisional || end.Provisional || provisional,
            $"最迟送达日 {deemed.Date:yyyy-MM-dd}（视为送达），陈述和申辩期限至 {end.Date:yyyy-MM-dd}，建议为其后第一个工作日");
    }

    /// <summary>
    /// The last day of a notice's statement and defence period: the date printed in the notice (「应当于…前」), never
    /// earlier than the 5th working day after delivery (实施办法第十三条). The one computation of it: the inbox, the
    /// delivery record, the certificate, the dashboard and the API all read it from here.
    /// </summary>
    public static LegalDate DefenceDeadline(DateOnly delivered, DateOnly? printed, HolidayCalendar calendar)
    {
        var minimum = Deadline(Period.Defense, delivered, calendar);
        if (printed is not { } date || date <= minimum.Date) return minimum;
        return new LegalDate(date, minimum.Provisional,
            $"告知书载明的日期 {date:yyyy-MM-dd}（「应当于…前」），不早于自送达之日（{delivered:yyyy-MM-dd}）起第 5 个工作日 {minimum.Date:yyyy-MM-dd}（实施办法第十三条）；工作日依据 {Sources(calendar)}");
    }

    /// <summary>
    /// The <paramref name="count"/>th working day after <paramref name="start"/> (the start day not counted), marked
    /// provisional when it reached a year with no schedule. <paramref name="rule"/> names the limit and its source; the
    /// calendar data used is appended.
    /// </summary>
    public static LegalDate WorkingDayLimit(DateOnly start, int count, HolidayCalendar calendar, string rule)
    {
        var (date, provisional) = WorkingDaysAfter(start, count, calendar);
        return new LegalDate(date, provisional, $"{rule}；工作日依据 {Sources(calendar)}");
    }

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months (a year is 12) from <paramref name="start"/>: the
    /// start day is not counted, the period ends on the corresponding day, or on the month's last day when the month
    /// has none (民法典第二百零一条、第二百零二条). It does not move off a rest day: a record's validity and a repair's
    /// waiting period are no act's deadline.
    /// </summary>
    public static DateOnly MonthsAfter(DateOnly start, int months) => start.AddMonths(months);

    /// <summary>
    /// The calendar data a computation used, as a reader is told: the shipped data by what it is (the State Council
    /// General Office's annual notices), an imported year by the name the administrator gave it — never the shipped file's name.
    /// </summary>
    public static string Sources(HolidayCalendar calendar) => string.Join("、", calendar.Sources.Select(source =>
        source == HolidayCalendar.DefaultSource ? ShippedCalendar : $"系统管理员导入的「{source}」"));

    /// <summary>How the shipped calendar data is cited to people.</summary>
    public const string ShippedCalendar = "国务院办公厅公布的2020年至2026年节假日安排";

    private static LegalDate MovedOffRestDay(DateOnly end, HolidayCalendar calendar, string rule)
    {
        // 民法典第二百零三条: a period whose last day is a rest day ends on the next working day.
        var provisional = false;
        var day = end;
        while (true)
        {
            var (working, p) = calendar.IsWorkingDay(day);
            provisional |= p;
            if (working) break;
            day = day.AddDays(1);
        }
        var moved = day == end ? "" : $"；{end:yyyy-MM-dd} 为休息日，顺延至其后第一个工作日（民法典第二百零三条）";
        return new LegalDate(day, provisional, $"{rule}{moved}；工作日依据 {Sources(calendar)}");
    }

    private static (DateOnly Date, bool Provisional) WorkingDaysAfter(DateOnly start, int count, HolidayCalendar calendar)
    {
        var day = start;
        var provisional = false;
        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            var (working, p) = calendar.IsWorkingDay(day);
            provisional |= p;
            if (working) found++;
        }
        return (day, provisional);
    }
}
