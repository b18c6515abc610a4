namespace Ses.Service.Notifications;

/// <summary>
/// The default SMS gateway: sends nothing. The notification row already holds the exact text and number, so
/// "sending" is recording that it was handed over; the answer is <c>recorded:&lt;id&gt;</c>.
/// </summary>
public sealed class OutboxSmsGateway(ILogger<OutboxSmsGateway> logger) : ISmsGateway
{
    public string Description => "outbox (recorded in notification_messages, not sent)";

    public Task<SendResult> SendAsync(long messageId, string mobile, string text, CancellationToken ct)
    {
        logger.LogRecorded(messageId, RecipientMask.Mobile(mobile));
        return Task.FromResult(SendResult.Success($"recorded:{messageId}"));
    }
}
