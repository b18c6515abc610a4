namespace Ses.Service.Evaluations;

/// <summary>
/// One event of an enterprise's year as the bureau recorded it: the item and what it needs (as in <see cref="EvaluationEvent"/>),
/// its evidence, and where it came from — a credit record (item 10, 暂行办法附表第10项) or entered by an officer. An entry is
/// never deleted: one taken back keeps who did it and why.
/// </summary>
public sealed class EvaluationEntry
{
    public Guid Id { get; init; }

    public Guid EvaluationId { get; init; }

    public int Item { get; init; }

    public DateOnly Date { get; init; }

    public string? Cause { get; init; }

    public bool? Corrected { get; init; }

    public decimal? Fine { get; init; }

    public decimal? Points { get; init; }

    public bool Excluded { get; init; }

    public int? Casualties { get; init; }

    /// <summary>The evidence: what happened and the document that proves it (e.g. the decision's number).</summary>
    public required string Evidence { get; init; }

    public string? FileSha256 { get; init; }

    public string? FileName { get; init; }

    /// <summary>The credit record item 10 was taken from, when it was.</summary>
    public Guid? RecordId { get; init; }

    public required string EnteredBy { get; init; }

    public DateTimeOffset EnteredAt { get; init; }

    public DateTimeOffset? RemovedAt { get; set; }

    public string? RemovedBy { get; set; }

    public string? RemovedReason { get; set; }

    /// <summary>The event the scorer reads.</summary>
    public EvaluationEvent ToEvent() => new(Item, Date, Cause)
    {
        Corrected = Corrected, Fine = Fine, Points = Points, Excluded = Excluded, Casualties = Casualties,
    };
}
