namespace Ses.Service.Cases;

/// <summary>
/// A notification of the recognition and the warning interview (实施办法第十六条): to whom, why, the text, and when and
/// how it was sent. Opened as a task, done when sent.
/// </summary>
public sealed class CaseNotification
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>One of <see cref="NotificationRecipients"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The body notified, e.g. 民航华东地区管理局.</summary>
    public required string Recipient { get; init; }

    public required string Text { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateOnly? SentOn { get; set; }

    /// <summary>How it was sent (公文、函件、电子邮件…).</summary>
    public string? Method { get; set; }

    public string? SentBy { get; set; }

    public int Version { get; set; }
}
