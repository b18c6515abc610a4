namespace Ses.Service.Submissions;

/// <summary>A file attached to a submission: its name (the extension says its type) and its content as base64.</summary>
public sealed record AttachmentInput(string? Name, string? Base64);

/// <summary>A statement and defence against a served notice: the text and the files (实施办法第十三条).</summary>
public sealed record StatementSubmission(string? Text, IReadOnlyList<AttachmentInput?>? Attachments);

/// <summary>A repair application (附件8): the record, the explanation of the repair, whether it brings new evidence, the materials.</summary>
public sealed record RepairSubmission(Guid? RecordId, string? Explanation, bool? NewEvidence, IReadOnlyList<AttachmentInput?>? Attachments);

/// <summary>A file of a submission as people read it.</summary>
public sealed record SubmissionFileView(int Number, string Name, long Size, string ContentType, string Sha256);

/// <summary>
/// A submission as the counterparty and the officers see it: what, by which account, about which notice or record, when
/// (Beijing time), the period's last day and how many working days late it came, whether the case's statement step
/// was recorded from it, its files, and where its receipt is downloaded.
/// </summary>
public sealed record SubmissionView(
    Guid Id, string Kind, string KindLabel, string CounterpartyName, string AccountName, Guid? DeliveryId, Guid? DocumentId, string? DocumentNumber,
    Guid? RecordId, Guid? RepairId, Guid? CaseId, string Text, string TextSha256, bool? NewEvidence, DateTimeOffset SubmittedAt, DateOnly SubmittedOn,
    DateOnly? PeriodLastDay, bool Late, int LateWorkingDays, bool CaseStepRecorded, IReadOnlyList<SubmissionFileView> Files, bool ReceiptReady,
    string? ReceiptSha256, string ReceiptUrl);

/// <summary>
/// The statement and defence period of a served notice as the counterparty's form states it: its last day (unknown while
/// the delivery date is not fixed), how it was computed, and whether a statement today would be late and by how many
/// working days.
/// </summary>
public sealed record StatementPeriod(DateOnly? LastDay, bool Provisional, string Rule, bool Late, int LateWorkingDays);

/// <summary>
/// One of the counterparty's credit records in force: what, when entered, the first day a repair may be applied for
/// (实施办法第十八条), and whether one may be applied for today — with the reason when not.
/// </summary>
public sealed record MyRecordView(
    Guid Id, string PartyName, string PartyKind, string? PersonRole, string Act, string DecisionNumber, DateOnly EnteredOn, DateOnly ValidUntil,
    DateOnly RepairEligibleFrom, bool Linked, bool CanApply, string? NotApplicable);
