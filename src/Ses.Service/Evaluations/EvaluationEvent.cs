namespace Ses.Service.Evaluations;

/// <summary>
/// One event of the year: an item of the table (1–12; 7 is derived, never given), its Beijing date, an optional
/// cause (事由) and what its item needs: <see cref="Corrected"/> for 3, <see cref="Fine"/> in yuan for 4,
/// <see cref="Points"/> for 6, <see cref="Excluded"/> for 8 and <see cref="Casualties"/> for 9.
/// </summary>
/// <param name="Item">The item of the table (暂行办法附表).</param>
/// <param name="Date">The Beijing date of the event; missing is invalid.</param>
/// <param name="Cause">The cause: events of one cause count once (附表注2); events without one are each their own.</param>
public sealed record EvaluationEvent(int Item, DateOnly? Date, string? Cause = null)
{
    /// <summary>Item 3: corrected within the time set (3 points) or not (10).</summary>
    public bool? Corrected { get; init; }

    /// <summary>Item 4: the fine in yuan.</summary>
    public decimal? Fine { get; init; }

    /// <summary>Item 6: the points actually deducted for information reporting.</summary>
    public decimal? Points { get; init; }

    /// <summary>Item 8: the complaint is one of the seven kinds outside the complaints counted.</summary>
    public bool Excluded { get; init; }

    /// <summary>Item 9: the number of people dead or seriously injured.</summary>
    public int? Casualties { get; init; }

    /// <summary>The cause, trimmed; null when there is none (an empty cause is none).</summary>
    public string? CauseKey => string.IsNullOrWhiteSpace(Cause) ? null : Cause.Trim();
}
