namespace Ses.Service.Repairs;

/// <summary>
/// An application to repair a credit record (实施办法第十八条, 附件8) and how it was handled (第十九条): received with its
/// materials, put to the meeting within 3 working days of the complete materials, then the transfer slip and the removal
/// (approved) or the refusal decision (refused) within 2; a repeated application without new evidence is not accepted
/// (不予受理决定书). The whole within 20 working days of the complete materials. Each step is also in the case's timeline.
/// </summary>
public sealed class RepairApplication
{
    public Guid Id { get; init; }

    public required string Bureau { get; init; }

    /// <summary>The record to be repaired: an organisation's or an individual's own, never a linked person's.</summary>
    public Guid RecordId { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>1 for the first application on the record, then one more for each.</summary>
    public int Sequence { get; init; }

    /// <summary>The day the bureau received it.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>The date the application is signed (申请书落款日期).</summary>
    public DateOnly ApplicationDate { get; init; }

    /// <summary>The day the materials were complete: the 3- and 20-working-day limits count from it.</summary>
    public DateOnly CompleteOn { get; init; }

    /// <summary>The applicant brings new evidence (required after a refusal: 实施办法第十九条第三款).</summary>
    public bool NewEvidence { get; init; }

    public required string Explanation { get; init; }

    public required string FileSha256 { get; init; }

    public required string FileName { get; init; }

    /// <summary>One of <see cref="RepairState"/>.</summary>
    public required string State { get; set; }

    public DateOnly? MeetingOn { get; set; }

    public bool? Approved { get; set; }

    /// <summary>Why the meeting refused, as the refusal decision states it.</summary>
    public string? Reasons { get; set; }

    /// <summary>The refusal or rejection decision issued.</summary>
    public Guid? DocumentId { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}
