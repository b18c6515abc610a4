using System.Text.Json;

namespace Ses.Service.Evidence;

/// <summary>
/// The one place that builds entries, from plain values: evidence about a document (appended to the hash-chained log
/// with <see cref="EvidenceChain.AppendAsync"/>) and operational audit entries (added to <c>AuditEntries</c>). A
/// feature states what happened; how it is stored and hashed stays here.
/// </summary>
public static class EvidenceEntries
{
    /// <summary>
    /// Evidence about a document: its number (the subject), the SHA-256 of its signed PDF, its id, and its delivery
    /// when there is one. Facts without a value are left out.
    /// </summary>
    public static EvidenceFacts ForDocument(string number, string pdfSha256, Guid documentId, Guid? deliveryId, string @event, string action,
        string actor, DateTimeOffset at, Dictionary<string, string?>? detail = null) =>
        new(@event, action, number, pdfSha256, actor, at, documentId, deliveryId,
            detail?.Where(d => d.Value is not null).ToDictionary() ?? []);

    /// <summary>
    /// Evidence about a file that is not a document (e.g. an imported holiday calendar): its SHA-256 stands where a
    /// document's PDF hash would. The facts are recorded as given, a fact without a value as null.
    /// </summary>
    public static EvidenceFacts ForFile(string subject, string fileSha256, string @event, string action, string actor, DateTimeOffset at,
        Dictionary<string, string?> detail) =>
        new(@event, action, subject, fileSha256, actor, at, Detail: detail);

    /// <summary>One operational audit entry: who did what to which subject, when and from where (client address, <c>cli</c>, <c>job</c>).</summary>
    public static AuditEntry Audit(DateTimeOffset at, string actor, string action, string subject, string source, string? detail = null) =>
        new() { At = at, Actor = actor, Action = action, Subject = subject, Source = source, Detail = detail };

    /// <summary>The facts an evidence entry records (its <see cref="EvidenceEntry.Detail"/>, a JSON object of strings).</summary>
    public static Dictionary<string, string?> Facts(string detail) =>
        string.IsNullOrEmpty(detail) ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(detail) ?? [];
}
