namespace Ses.Service.Evaluations;

/// <summary>
/// The deduction of one cause (附表注2: a cause counts once, at its highest value): its events, the highest of them,
/// and item 7 when the enterprise was punished (items 2, 4, 5) two or more times for it in the year.
/// </summary>
/// <param name="Cause">The cause as given, or null for an event without one (its own cause).</param>
/// <param name="Events">The counted events of the cause, in input order.</param>
/// <param name="Highest">The event whose value counts (the first of the highest).</param>
/// <param name="Punishments">How many of its events are punishments (items 2, 4, 5).</param>
public sealed record CauseDeduction(string? Cause, IReadOnlyList<EventValue> Events, EventValue Highest, int Punishments)
{
    /// <summary>Item 7 applies (暂行办法附表第7项): two or more punishments for the same cause.</summary>
    public bool Repeated => Cause is not null && Punishments >= 2;

    /// <summary>Item 7's value, when it applies.</summary>
    public decimal RepeatedValue => Repeated ? EvaluationTable.RepeatedPunishment : 0;

    /// <summary>What the cause deducts: its highest value, and item 7's when it applies.</summary>
    public decimal Total => Highest.Value + RepeatedValue;

    /// <summary>The cause's name for people: 「事由 c1」, or 「第 3 个事件（无事由）」.</summary>
    public string Label => Cause is null ? $"第 {Highest.Number} 个事件（无事由）" : $"事由 {Cause}";

    /// <summary>Item 7's row, in Chinese, when it applies.</summary>
    public string? RepeatedBasis => Repeated
        ? $"附表第7项：评价周期内因同一事由被处罚 {Punishments} 次（第2、4、5项），扣50分"
        : null;
}
