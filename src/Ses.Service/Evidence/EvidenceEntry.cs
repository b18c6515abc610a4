namespace Ses.Service.Evidence;

/// <summary>
/// One event in the evidence log, append-only and hash-chained: <see cref="Hash"/> covers every field and the
/// previous entry's hash, so changing, removing or inserting an entry breaks the chain from there on
/// (<c>ses audit verify</c>). Event names follow ETSI EN 319 522-1 where one fits (<see cref="EvidenceEvents"/>).
/// </summary>
public sealed class EvidenceEntry
{
    /// <summary>1, 2, 3, … with no gaps: the position in the chain.</summary>
    public long Sequence { get; init; }

    /// <summary>The ETSI EN 319 522 event (or ours where none fits).</summary>
    public required string Event { get; init; }

    /// <summary>Our stable action name: issued, served, notified, opened, downloaded, confirmed, deemed, …</summary>
    public required string Action { get; init; }

    public Guid? DocumentId { get; init; }

    public Guid? DeliveryId { get; init; }

    /// <summary>The document number.</summary>
    public required string Subject { get; init; }

    /// <summary>SHA-256 of the signed PDF the event concerns.</summary>
    public required string PdfSha256 { get; init; }

    /// <summary>Who: staff user name, <c>account:&lt;name&gt;</c>, <c>job</c>, or the notification channel.</summary>
    public required string Actor { get; init; }

    /// <summary>The instant, for queries; the hashed forms are <see cref="AtUtc"/> and <see cref="AtBeijing"/>.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>e.g. <c>2026-02-13T15:30:00.000Z</c>.</summary>
    public required string AtUtc { get; init; }

    /// <summary>e.g. <c>2026-02-13T23:30:00.000+08:00</c> (Asia/Shanghai).</summary>
    public required string AtBeijing { get; init; }

    /// <summary>Facts of the event as JSON (channel, provider answer, account, rule, …).</summary>
    public required string Detail { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
