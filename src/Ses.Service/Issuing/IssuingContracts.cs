using System.Text.Json;

namespace Ses.Service.Issuing;

public sealed record DraftRequest(string FormId, JsonElement Data, Guid? Replaces = null, Guid? CounterpartyId = null);

public sealed record DraftUpdate(JsonElement Data, int Version, Guid? CounterpartyId = null);

public sealed record DraftResponse(Guid Id, string FormId, string Bureau, JsonElement Data, Guid? Replaces, Guid? CounterpartyId, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid? IssuedDocumentId, int Version)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DraftResponse From(Draft d) => new(d.Id, d.FormId, d.Bureau, JsonDocument.Parse(d.DataJson).RootElement.Clone(), d.Replaces, d.CounterpartyId,
        d.CreatedBy, d.CreatedAt.ToOffset(Beijing), d.UpdatedAt.ToOffset(Beijing), d.IssuedDocumentId, d.Version);
}

public sealed record VoidRequest(string Reason);

/// <summary>A document as the register shows it; times in Beijing time with their offset.</summary>
public sealed record DocumentResponse(Guid Id, string Number, string FormId, string Party, string Officer, DateTimeOffset IssuedAt,
    string Status, string? VoidReason, DateTimeOffset? VoidedAt, string PdfSha256, Guid? Replaces, Guid? CounterpartyId)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static DocumentResponse From(IssuedDocument d) => new(d.Id, d.Number, d.FormId, d.Party, d.Officer, d.IssuedAt.ToOffset(Beijing),
        d.VoidedAt is null ? "issued" : "voided", d.VoidReason, d.VoidedAt?.ToOffset(Beijing), d.PdfSha256, d.Replaces, d.CounterpartyId);
}
