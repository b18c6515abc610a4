namespace Ses.Service.Cases;

/// <summary>What a case time limit counts.</summary>
public enum TimeLimitUnit
{
    /// <summary>Working days on the calendar, the start day not counted.</summary>
    WorkingDays,

    /// <summary>Months, ending on the corresponding day (民法典第二百零二条).</summary>
    Months,

    /// <summary>Years, ending on the corresponding day (民法典第二百零二条).</summary>
    Years,
}
