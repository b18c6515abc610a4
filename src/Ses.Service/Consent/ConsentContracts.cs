using Ses.Service.Calendar;
using Ses.Service.Submissions;

namespace Ses.Service.Consent;

/// <summary>A verified confirmation letter as an administrator records it: the date on the letter and its scan.</summary>
public sealed record ConsentLetterRequest(DateOnly? SignedOn, AttachmentInput? File);

/// <summary>Withdrawing the letter in force (the counterparty revoked its consent, or the letter was found defective).</summary>
public sealed record ConsentWithdrawal(string? Reason);

/// <summary>A letter with who verified it and, once it no longer holds, when and why it ended.</summary>
public sealed record ConsentLetterResponse(Guid Id, DateOnly SignedOn, string FileName, long FileSize, string FileSha256, string VerifiedBy,
    DateTimeOffset VerifiedAt, bool InForce, DateTimeOffset? EndedAt, string? EndReason)
{
    public static ConsentLetterResponse From(ConsentLetter l) =>
        new(l.Id, l.SignedOn, l.FileName, l.FileSize, l.FileSha256, l.VerifiedBy, l.VerifiedAt.ToOffset(LegalDates.Beijing), l.EndedAt is null,
            l.EndedAt?.ToOffset(LegalDates.Beijing), l.EndReason);
}

/// <summary>Whether the counterparty can be served electronically, and why not when it cannot (<see cref="Code"/>: the refusal's
/// code, <c>serve.no-account</c> or <c>serve.no-consent</c>).</summary>
public sealed record ElectronicService(bool Possible, string? Code, string Reason, ConsentLetterResponse? Letter);
