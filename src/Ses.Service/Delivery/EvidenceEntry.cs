namespace Ses.Service.Delivery;

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

/// <summary>Event names. ETSI EN 319 522-1 §4 where one fits; the rest are ours and say so by not being there.</summary>
public static class EvidenceEvents
{
    /// <summary>Issued: the sender's submission accepted by the system.</summary>
    public const string SubmissionAcceptance = "SubmissionAcceptance";

    /// <summary>Served: the content made available in the recipient's accounts.</summary>
    public const string ContentConsignment = "ContentConsignment";

    /// <summary>A notification (SMS, email) sent to the recipient.</summary>
    public const string ConsignmentNotification = "ConsignmentNotification";

    public const string ConsignmentNotificationFailure = "ConsignmentNotificationFailure";

    /// <summary>Ours: a notification only recorded in the outbox (no SMS provider configured), not sent.</summary>
    public const string NotificationRecorded = "NotificationRecorded";

    /// <summary>Ours: a year of the holiday calendar imported (or replaced), with how many dates it moved; not about a
    /// document: its <see cref="EvidenceEntry.PdfSha256"/> holds the imported file's SHA-256.</summary>
    public const string CalendarImported = "CalendarImported";

    /// <summary>The recipient opened the document.</summary>
    public const string ContentAccessTracking = "ContentAccessTracking";

    /// <summary>The recipient downloaded the document.</summary>
    public const string ContentHandover = "ContentHandover";

    /// <summary>The recipient confirmed receipt (确认收讫).</summary>
    public const string ConsignmentAcceptance = "ConsignmentAcceptance";

    /// <summary>Nobody confirmed by the deemed date: deemed delivered.</summary>
    public const string AcceptanceRejectionExpiry = "AcceptanceRejectionExpiry";

    /// <summary>Ours: the paper delivery recorded with its evidence.</summary>
    public const string PaperDelivery = "PaperDelivery";

    /// <summary>Ours: the document voided.</summary>
    public const string DocumentVoided = "DocumentVoided";

    /// <summary>Ours: a provisional deemed date recomputed after its year's schedule was imported.</summary>
    public const string DeemedDateRecomputed = "DeemedDateRecomputed";
}
