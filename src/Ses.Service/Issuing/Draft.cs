namespace Ses.Service.Issuing;

/// <summary>A form being prepared by an officer: editable until issued, then frozen and linked to the issued document.</summary>
public sealed class Draft
{
    public Guid Id { get; init; }

    public required string Bureau { get; init; }

    public required string FormId { get; init; }

    /// <summary>The field values as JSON (without a number: issuing assigns it).</summary>
    public required string DataJson { get; set; }

    public Guid? Replaces { get; set; }

    /// <summary>The registered counterparty the document will be served on.</summary>
    public Guid? CounterpartyId { get; set; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? IssuedDocumentId { get; set; }

    public int Version { get; set; }

    /// <summary>The credit case whose step produces this draft from the case's data, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>That step (Cases/CaseSteps), or the evaluation's notice (Evaluations/EvaluationDocuments).</summary>
    public string? CaseStep { get; set; }

    /// <summary>The general-aviation evaluation whose notice this draft is, if any.</summary>
    public Guid? EvaluationId { get; set; }

    /// <summary>
    /// Which draft of its step this is (1, then 2 once the first one's document was voided, …): unique per case or
    /// evaluation and step, so of two requests racing to issue a step's document only one creates its draft.
    /// </summary>
    public int? StepAttempt { get; set; }
}
