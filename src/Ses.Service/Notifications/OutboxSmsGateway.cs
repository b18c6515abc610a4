using System.Globalization;

namespace Ses.Service.Notifications;

/// <summary>
/// The default SMS gateway: sends nothing. The notification row already holds the exact text and number, so
/// "sending" is recording that it was handed over; the answer is <c>recorded:&lt;id&gt;</c>. Such a message is shown
/// everywhere as recorded, never as sent (<see cref="IsRecordedOnly"/>).
/// </summary>
public sealed class OutboxSmsGateway(ILogger<OutboxSmsGateway> logger) : ISmsGateway
{
    /// <summary>The start of this gateway's answer.</summary>
    public const string AnswerPrefix = "recorded:";

    /// <summary>How people read the state of such a message.</summary>
    public const string RecordedLabel = "短信已记录（未发送）";

    public string Description => "outbox (recorded in notification_messages, not sent)";

    /// <summary>Whether an attempt's answer says the SMS was only recorded in the outbox, not handed to a provider.</summary>
    public static bool IsRecordedOnly(string? channel, string? answer) =>
        channel == NotificationChannel.Sms && answer is not null && answer.StartsWith(AnswerPrefix, StringComparison.Ordinal);

    public Task<SendResult> SendAsync(long messageId, string mobile, string text, CancellationToken ct)
    {
        if (logger.IsEnabled(LogLevel.Information)) logger.LogRecorded(messageId, RecipientMask.Mobile(mobile));
        return Task.FromResult(SendResult.Success(AnswerPrefix + messageId.ToString(CultureInfo.InvariantCulture)));
    }
}
