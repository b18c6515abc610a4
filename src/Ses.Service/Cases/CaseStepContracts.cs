namespace Ses.Service.Cases;

/// <summary>
/// The collection form's facts beyond the case (实施办法第八条第三款): for an organisation its legal representative
/// (required by the form), principal and other directly responsible persons; the day it was filled in (today when empty).
/// </summary>
public sealed record CollectionRequest(
    DateOnly? CollectedOn, PersonInput? LegalRepresentative, PersonInput? Principal, IReadOnlyList<PersonInput>? Persons, string? Remarks);

/// <summary>A person as the collection form lists them; <c>IdScheme</c> <c>id</c> (resident identity card) or <c>passport</c>.</summary>
public sealed record PersonInput(string? Name, string? IdScheme, string? IdValue, string? Position, string? Phone);

/// <summary>A step done on a day (today when empty), with an optional note.</summary>
public sealed record StepRequest(DateOnly? On, string? Note);

/// <summary>The leader's approval: approve, or return with a note.</summary>
public sealed record ApprovalRequest(bool? Approve, string? Note);

/// <summary>
/// The notice: the last day for a statement (proposed when empty: 实施办法第十三条), the contact printed on it, and how it
/// is served (electronic, paper or both).
/// </summary>
public sealed record NoticeRequest(DateOnly? ReplyDeadline, string? Contact, string? ContactPhone, string? Mode);

/// <summary>A statement and defence received (in writing, as a file, or heard and summarised in the text).</summary>
public sealed record StatementRequest(DateOnly? ReceivedOn, string? Text, byte[]? File, string? FileName);

/// <summary>The review of the statement: adopted or not, with the reasons (实施办法第十三条第二款).</summary>
public sealed record ReviewRequest(bool? Adopted, string? Reason, DateOnly? On);

/// <summary>The meeting that decided (局务会 or an authorised meeting), with its minutes (实施办法第十四条第一款).</summary>
public sealed record MeetingRequest(DateOnly? HeldOn, string? Kind, byte[]? Minutes, string? MinutesName);

/// <summary>The decision: the contact printed on it and how it is served (an important document: both ways).</summary>
public sealed record DecisionRequest(string? Contact, string? ContactPhone, string? Mode);

/// <summary>A step of the case's timeline as people read it; the due date with its rule and how late it was.</summary>
public sealed record CaseStepRecordView(
    string Step, string StepLabel, DateOnly DoneOn, string DoneBy, DateTimeOffset RecordedAt, DateOnly? DueDate, string? DueRule,
    int LateWorkingDays, string? Result, string? ResultLabel, string? Note, Guid? DocumentId, string? DocumentNumber, string? FileName);

/// <summary>A person recorded with the organisation.</summary>
public sealed record CasePersonView(string Role, string RoleLabel, string Name, string IdScheme, string IdValue, string? Position);

/// <summary>A case waiting for the leader: what is to be approved.</summary>
public sealed record ApprovalView(Guid CaseId, string CounterpartyName, string Act, string State, string StateLabel, string Rule);

/// <summary>A notification task (实施办法第十六条): to which kind of body, its name, the text to send.</summary>
public sealed record NotificationRequest(string? Kind, string? Recipient, string? Text);

/// <summary>A notification sent: the day and how (公文、函件、电子邮件…).</summary>
public sealed record SentRequest(DateOnly? On, string? Method);

/// <summary>A notification task as people read it.</summary>
public sealed record CaseNotificationView(Guid Id, string Kind, string KindLabel, string Recipient, string Text, DateOnly? SentOn, string? Method,
    string? SentBy);
