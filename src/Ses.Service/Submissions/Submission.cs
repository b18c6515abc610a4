namespace Ses.Service.Submissions;

/// <summary>
/// What a counterparty's account submitted online (电子提交): a statement and defence against a served notice
/// (实施办法第十三条) or a repair application (附件8, 实施办法第十八条), with the files stored by hash, and the receipt
/// (回执) the service signed for it. Never changed once received, except that the receipt is added.
/// </summary>
public sealed class Submission
{
    public Guid Id { get; init; }

    /// <summary><see cref="SubmissionKinds.Statement"/> or <see cref="SubmissionKinds.Repair"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The bureau it was submitted to (the notice's or the record's).</summary>
    public required string Bureau { get; init; }

    public Guid CounterpartyId { get; init; }

    public Guid AccountId { get; init; }

    /// <summary>The account's user name, as it signed in.</summary>
    public required string AccountName { get; init; }

    /// <summary>For a statement: the delivery of the notice and the notice itself.</summary>
    public Guid? DeliveryId { get; init; }

    public Guid? DocumentId { get; init; }

    /// <summary>For a repair application: the credit record and the application the officer received.</summary>
    public Guid? RecordId { get; init; }

    public Guid? RepairId { get; init; }

    /// <summary>The credit case it concerns, when there is one.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The statement's text, or the repair application's explanation.</summary>
    public required string Text { get; init; }

    /// <summary>SHA-256 (hex) of the text as UTF-8, as the receipt prints it.</summary>
    public required string TextSha256 { get; init; }

    /// <summary>Repair: whether the application brings new evidence (实施办法第十九条第三款).</summary>
    public bool? NewEvidence { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The Beijing date of <see cref="SubmittedAt"/>.</summary>
    public DateOnly SubmittedOn { get; init; }

    /// <summary>Statement: the period's last day (实施办法第十三条), when the notice's delivery date was known.</summary>
    public DateOnly? PeriodLastDay { get; init; }

    /// <summary>Working days after the period's last day (0: in time).</summary>
    public int LateWorkingDays { get; init; }

    /// <summary>Whether the case's statement step was recorded from it.</summary>
    public bool CaseStepRecorded { get; set; }

    /// <summary>SHA-256 of the signed receipt in the file store, once made.</summary>
    public string? ReceiptSha256 { get; set; }

    public DateTimeOffset? ReceiptAt { get; set; }
}
