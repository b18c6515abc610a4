namespace Ses.Service.Notifications;

/// <summary>Sends one notification email.</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/> (recipient, name, subject, body). A failure to retry may throw.</summary>
    Task<SendResult> SendAsync(NotificationMessage message, CancellationToken ct);

    /// <summary>For the start-up log, e.g. <c>smtp.example.gov.cn:587 (StartTls)</c> or <c>off</c>.</summary>
    string Description { get; }
}
