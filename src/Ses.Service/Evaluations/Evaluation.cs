namespace Ses.Service.Evaluations;

/// <summary>
/// One enterprise in a round: its type, the pre-evaluation and its notice, the result of the review it applied for (its
/// applications are submissions against the notice),
/// and the final score and grade (暂行办法第八条、第九条、第十四条、第十五条).
/// </summary>
public sealed class Evaluation
{
    public Guid Id { get; init; }

    public Guid RoundId { get; init; }

    public required string Bureau { get; init; }

    /// <summary>The enterprise: a counterparty the bureau supervises.</summary>
    public Guid CounterpartyId { get; init; }

    /// <summary>The enterprise's name when it was added (the documents take the registered name when issued).</summary>
    public required string Enterprise { get; set; }

    /// <summary>The enterprise type's Chinese name (暂行办法附表注1).</summary>
    public required string Type { get; set; }

    public decimal? PreScore { get; set; }

    public string? PreGrade { get; set; }

    /// <summary>The pre-evaluation result notice (预评价结果告知书), once issued.</summary>
    public Guid? PreDocumentId { get; set; }

    public DateOnly? ReviewDecidedOn { get; set; }

    /// <summary><c>upheld</c> (维持) or <c>changed</c> (变更), from the scores before and after the review.</summary>
    public string? ReviewResult { get; set; }

    public string? ReviewReasons { get; set; }

    public decimal? ReviewScore { get; set; }

    public string? ReviewGrade { get; set; }

    /// <summary>The review result notice (复核结果通知书), once issued.</summary>
    public Guid? ReviewDocumentId { get; set; }

    public decimal? FinalScore { get; set; }

    public string? FinalGrade { get; set; }

    public required string AddedBy { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    public int Version { get; set; }
}
