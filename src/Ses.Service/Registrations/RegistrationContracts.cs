using Ses.Service.Counterparties;
using Ses.Service.Submissions;

namespace Ses.Service.Registrations;

/// <summary>A code asked for the first contact's mobile.</summary>
public sealed record CodeRequest(string? Mobile);

/// <summary>The code was sent to the (masked) mobile and holds until <see cref="ExpiresAt"/>.</summary>
public sealed record CodeSent(string Mobile, DateTimeOffset ExpiresAt);

/// <summary>An account asked for: its ASCII name and the department it is bound to.</summary>
public sealed record RequestedAccount(string? UserName, string? Department);

/// <summary>
/// A registration as the registrant fills it in: the kind and identifier (实施办法第五条), the Chinese name and address, for a
/// foreign entity the bureau that approved its operations specifications (<see cref="ApprovingBureau"/>, a bureau code), two
/// contacts, the accounts, the SMS code sent to the first contact's mobile, and the scans.
/// </summary>
public sealed record RegistrationRequest(string? Kind, string? Name, string? IdScheme, string? IdValue, string? Address, string? ApprovingBureau,
    IReadOnlyList<ContactData>? Contacts, IReadOnlyList<RequestedAccount>? Accounts, string? Code, AttachmentInput? Licence, AttachmentInput? Letter);

/// <summary>The registrant's data for the pre-filled 确认函 (nothing is stored).</summary>
public sealed record LetterRequest(string? Kind, string? Name, string? IdScheme, string? IdValue, string? Address, IReadOnlyList<ContactData>? Contacts);

/// <summary>
/// An amendment after the office asked for more, with the token given at submission: the data as it should now be; a scan
/// left out keeps the one uploaded before. A new first-contact mobile needs a new code.
/// </summary>
public sealed record RegistrationAmendment(string? Token, RegistrationRequest? Registration);

/// <summary>The answer to a submission: the token (shown once) to follow and amend it, and the office that verifies it.</summary>
public sealed record RegistrationReceipt(Guid Id, string Token, string Bureau, string BureauName, string Office, RegistrationStatus Status);

/// <summary>Where a registration stands, as the registrant sees it.</summary>
public sealed record RegistrationStatus(Guid Id, string Name, string State, string StateLabel, string Office, string? Reason, DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A suggested account name.</summary>
public sealed record AccountNameSuggestion(string UserName);

/// <summary>One line of the office's queue.</summary>
public sealed record RegistrationSummary(Guid Id, string Kind, string Name, string IdScheme, string IdValue, string Office, string State, string StateLabel,
    DateTimeOffset SubmittedAt, DateOnly? OriginalReceivedOn);

public sealed record RegistrationFileView(Guid Id, string Kind, string KindLabel, string FileName, string ContentType, long FileSize, string FileSha256,
    DateTimeOffset UploadedAt, bool Current);

/// <summary>A registration as the office reviews it.</summary>
public sealed record RegistrationView(Guid Id, string Kind, string Name, string IdScheme, string IdSchemeLabel, string IdValue, string Address, string Bureau,
    string Office, IReadOnlyList<ContactData> Contacts, IReadOnlyList<RequestedAccount> Accounts, IReadOnlyList<RegistrationFileView> Files, string State,
    string StateLabel, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, DateOnly? OriginalReceivedOn, string? OriginalReceivedBy, string? DecidedBy,
    DateTimeOffset? DecidedAt, string? Reason, Guid? CounterpartyId);

/// <summary>The day the mailed originals reached the office.</summary>
public sealed record OriginalReceipt(DateOnly? ReceivedOn);

/// <summary>Approval: the date written on the signed 确认函, as the reviewer reads it off the letter.</summary>
public sealed record RegistrationApproval(DateOnly? LetterSignedOn);

/// <summary>A rejection, or a request for more, with its reason (sent to the contacts).</summary>
public sealed record RegistrationDecision(string? Reason);
