using Ses.Service.Cases;

namespace Ses.Service.Repairs;

/// <summary>
/// A repair application as received (附件8): the record, when received and signed, when the materials were complete
/// (the day received when empty), whether it brings new evidence, the applicant's explanation and the application with
/// its materials as one file (base64).
/// </summary>
public sealed record RepairRequest(
    Guid? RecordId, DateOnly? ReceivedOn, DateOnly? ApplicationDate, DateOnly? CompleteOn, bool? NewEvidence, string? Explanation, byte[]? File,
    string? FileName);

/// <summary>The meeting on a repair: when, approved or not, the reasons of a refusal, the minutes (base64).</summary>
public sealed record RepairMeetingRequest(DateOnly? HeldOn, bool? Approved, string? Reasons, byte[]? Minutes, string? MinutesName);

/// <summary>A decision of the repair (refusal or rejection): the contact printed on it and how it is served.</summary>
public sealed record RepairDecisionRequest(string? Contact, string? ContactPhone, string? Mode);

/// <summary>A repair application as people read it, with its next step and due date and the whole limit.</summary>
public sealed record RepairView(
    Guid Id, Guid RecordId, Guid CaseId, int Sequence, DateOnly ReceivedOn, DateOnly ApplicationDate, DateOnly CompleteOn, bool NewEvidence,
    string State, string StateLabel, CaseStepView? Next, DateOnly WholeDue, string WholeRule, DateOnly? MeetingOn, bool? Approved, string? Reasons,
    Guid? DocumentId, string? DocumentNumber, DateOnly? ClosedOn, string RecordState);
