namespace Ses.Service.Notifications;

/// <summary>
/// One SMS or email to one recipient, and what became of it. Written in the same transaction as the record it
/// belongs to (the outbox), sent afterwards by <see cref="NotificationDispatcher"/>; the row is the exact record of
/// what was (or would have been) sent.
/// </summary>
public sealed class NotificationMessage
{
    public long Id { get; init; }

    /// <summary>The service record (delivery) this message belongs to, if any.</summary>
    public Guid? DeliveryId { get; init; }

    /// <summary>One of <see cref="NotificationKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>One of <see cref="NotificationChannel"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>A mobile number (sms) or an email address (email).</summary>
    public required string Recipient { get; init; }

    public string RecipientName { get; init; } = "";

    /// <summary>Email only; empty for SMS.</summary>
    public string Subject { get; init; } = "";

    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Send attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this time (back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Given up: a permanent refusal, or <see cref="NotificationOptions.MaxAttempts"/> attempts failed.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The gateway's or SMTP server's reply to the successful attempt (e.g. <c>recorded:42</c>, <c>OK queued as …</c>).</summary>
    public string? ProviderAnswer { get; set; }

    /// <summary>The dispatcher that claimed the message last (host, process and claim).</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>The claim's lease: no other dispatcher takes the message before this time.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}
