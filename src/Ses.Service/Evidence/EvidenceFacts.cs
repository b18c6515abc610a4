namespace Ses.Service.Evidence;

/// <summary>What happened, before it is placed in the chain.</summary>
public sealed record EvidenceFacts(string Event, string Action, string Subject, string PdfSha256, string Actor, DateTimeOffset At,
    Guid? DocumentId = null, Guid? DeliveryId = null, IReadOnlyDictionary<string, string?>? Detail = null);
