namespace Ses.Service.Notifications;

/// <summary>Sends one text message. Chosen by <c>Notifications:Sms:Provider</c>.</summary>
public interface ISmsGateway
{
    /// <summary>Sends <paramref name="text"/> to <paramref name="mobile"/>. <paramref name="messageId"/> is the
    /// notification's id, for a provider that takes a client reference (and so can drop a repeat after a crash).
    /// Throws or returns a failed result when not sent; exceptions count as a failure to retry.</summary>
    Task<SendResult> SendAsync(long messageId, string mobile, string text, CancellationToken ct);

    /// <summary>For the start-up log, e.g. <c>outbox (recorded, not sent)</c>.</summary>
    string Description { get; }
}
