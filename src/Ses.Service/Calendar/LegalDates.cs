namespace Ses.Service.Calendar;

/// <summary>A computed legal date, whether it is provisional (it reached a year with no schedule), and how it was found.</summary>
public sealed record LegalDate(DateOnly Date, bool Provisional, string Rule);

/// <summary>The periods that run from delivery (rules.md, Periods that run from delivery).</summary>
public enum Period
{
    /// <summary>Statement and defence after a notice: 5 working days (seed 001 art. 13).</summary>
    Defense,

    /// <summary>Administrative reconsideration: 60 days (Administrative Reconsideration Law art. 20).</summary>
    Reconsideration,

    /// <summary>Administrative litigation: 6 months (Administrative Litigation Law art. 46).</summary>
    Litigation,
}

/// <summary>
/// Delivery and deadline dates. Every date is a calendar date in Asia/Shanghai; the day an event happens is never
/// counted in a period that starts from it (Civil Procedure Law art. 85, Civil Code art. 201).
/// </summary>
public static class LegalDates
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The Asia/Shanghai calendar date of an instant (China has kept UTC+8 without daylight saving since 1991).</summary>
    public static DateOnly BeijingDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Beijing).DateTime);

    /// <summary>Deemed delivery of an electronically served document: the 3rd working day after the sending date
    /// (seed 000, 确认函 §II.4).</summary>
    public static LegalDate DeemedDelivery(DateTimeOffset sentAt, HolidayCalendar calendar)
    {
        var sent = BeijingDate(sentAt);
        var (date, provisional) = WorkingDaysAfter(sent, 3, calendar);
        return new LegalDate(date, provisional,
            $"sent {sent:yyyy-MM-dd} (Beijing time); deemed delivered on the 3rd working day after it (seed 000 确认函 §II.4); calendar {string.Join(" + ", calendar.Sources)}");
    }

    /// <summary>The last day of a period that runs from the delivery date.</summary>
    public static LegalDate Deadline(Period period, DateOnly delivered, HolidayCalendar calendar)
    {
        switch (period)
        {
            case Period.Defense:
            {
                var (date, provisional) = WorkingDaysAfter(delivered, 5, calendar);
                return new LegalDate(date, provisional, $"5th working day after delivery on {delivered:yyyy-MM-dd} (seed 001 art. 13); calendar {string.Join(" + ", calendar.Sources)}");
            }
            case Period.Reconsideration:
                return MovedOffRestDay(delivered.AddDays(60), calendar, $"60 days after delivery on {delivered:yyyy-MM-dd} (Administrative Reconsideration Law art. 20)");
            default:
                // Civil Code art. 202: a month without the corresponding day ends on its last day — what AddMonths does.
                return MovedOffRestDay(delivered.AddMonths(6), calendar, $"6 months after delivery on {delivered:yyyy-MM-dd} (Administrative Litigation Law art. 46)");
        }
    }

    /// <summary>
    /// The date to print in a notice's "应当于____年__月__日前": the day after the defence period ends even if the
    /// notice is only deemed delivered — so the full 5 working days remain whether "前" is read to include that day
    /// or not (rules.md, Periods).
    /// </summary>
    public static LegalDate ProposedReplyDate(DateTimeOffset issuedAt, HolidayCalendar calendar)
    {
        var deemed = DeemedDelivery(issuedAt, calendar);
        var end = Deadline(Period.Defense, deemed.Date, calendar);
        var (after, provisional) = WorkingDaysAfter(end.Date, 1, calendar);
        return new LegalDate(after, deemed.Provisional || end.Provisional || provisional,
            $"latest delivery {deemed.Date:yyyy-MM-dd} (deemed); defence period ends {end.Date:yyyy-MM-dd}; proposed the next working day");
    }

    private static LegalDate MovedOffRestDay(DateOnly end, HolidayCalendar calendar, string rule)
    {
        // Civil Code art. 203: a period whose last day is a rest day ends on the next working day.
        var provisional = false;
        var day = end;
        while (true)
        {
            var (working, p) = calendar.IsWorkingDay(day);
            provisional |= p;
            if (working) break;
            day = day.AddDays(1);
        }
        var moved = day == end ? "" : $"; {end:yyyy-MM-dd} is a rest day, so the next working day (Civil Code art. 203)";
        return new LegalDate(day, provisional, $"{rule}{moved}; calendar {string.Join(" + ", calendar.Sources)}");
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
