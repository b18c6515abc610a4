using System.Text.Json;

namespace Ses.Service.Issuing;

public sealed record DraftRequest(string FormId, JsonElement Data, Guid? Replaces = null, Guid? CounterpartyId = null);

/// <summary>
/// The step a draft is created for: a case's (<paramref name="CaseId"/>) or an evaluation's, and the step's latest draft
/// the caller saw when it decided to create one (<paramref name="Seen"/>: null when it saw none). Which attempt at the
/// step's document the draft is (<see cref="Draft.StepAttempt"/>) is derived from that by <see cref="DraftService.CreateAsync"/>.
/// </summary>
public sealed record StepLink(Guid? CaseId, Guid? EvaluationId, string Step, Guid? Seen);

public sealed record DraftUpdate(JsonElement Data, int Version, Guid? CounterpartyId = null);

public sealed record DraftResponse(Guid Id, string FormId, string Bureau, JsonElement Data, Guid? Replaces, Guid? CounterpartyId, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid? IssuedDocumentId, int Version)
{
    public static DraftResponse From(Draft d) => new(d.Id, d.FormId, d.Bureau, JsonDocument.Parse(d.DataJson).RootElement.Clone(), d.Replaces, d.CounterpartyId,
        d.CreatedBy, d.CreatedAt.ToOffset(Calendar.LegalDates.Beijing), d.UpdatedAt.ToOffset(Calendar.LegalDates.Beijing), d.IssuedDocumentId, d.Version);
}

public sealed record VoidRequest(string Reason);

/// <summary>A document as the register shows it; times in Beijing time with their offset.</summary>
public sealed record DocumentResponse(Guid Id, string Number, string FormId, string Party, string Officer, DateTimeOffset IssuedAt,
    string Status, string? VoidReason, DateTimeOffset? VoidedAt, string PdfSha256, Guid? Replaces, Guid? CounterpartyId)
{
    public static DocumentResponse From(IssuedDocument d) => new(d.Id, d.Number, d.FormId, d.Party, d.Officer, d.IssuedAt.ToOffset(Calendar.LegalDates.Beijing),
        d.VoidedAt is null ? "issued" : "voided", d.VoidReason, d.VoidedAt?.ToOffset(Calendar.LegalDates.Beijing), d.PdfSha256, d.Replaces, d.CounterpartyId);
}
