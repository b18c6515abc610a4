namespace Ses.Service.Notifications;

/// <summary>What notifications log: message ids, channels and masked recipients, never a body, a name or a whole
/// number or address.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Notification {Kind} added to the outbox (stored with the caller's transaction): {Channel} to {Recipient}")]
    public static partial void LogQueued(this ILogger logger, string kind, string channel, string recipient);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Notification {Id} sent: {Channel} to {Recipient}, attempt {Attempt}")]
    public static partial void LogSent(this ILogger logger, long id, string channel, string recipient, int attempt);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Notification {Id} not sent: {Channel} to {Recipient}, attempt {Attempt} ({Error}); next attempt at {NextAttemptAt:O}")]
    public static partial void LogRetry(
        this ILogger logger, long id, string channel, string recipient, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Notification {Id} given up: {Channel} to {Recipient} after {Attempt} attempts ({Error})")]
    public static partial void LogGivenUp(this ILogger logger, long id, string channel, string recipient, int attempt, string error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "SMS {Id} recorded in the outbox for {Recipient} (no SMS provider configured)")]
    public static partial void LogRecorded(this ILogger logger, long id, string recipient);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Email notifications are off: Notifications:Smtp:Host is empty, so no email is queued")]
    public static partial void LogEmailOff(this ILogger logger);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Notifications — SMS: {Sms}; email: {Email}; dispatcher: {Dispatcher}")]
    public static partial void LogNotificationSetup(this ILogger logger, string sms, string email, string dispatcher);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Error, Message = "Notification {Id}: its claim was lost before the result was stored")]
    public static partial void LogClaimLost(this ILogger logger, long id);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Notification {Id}: the attempt observer failed ({Error})")]
    public static partial void LogObserverFailed(this ILogger logger, long id, string error);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Notification dispatch round failed ({Error}); trying again at the next poll")]
    public static partial void LogRoundFailed(this ILogger logger, string error);
}
