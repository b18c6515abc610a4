namespace Ses.Service.Cases;

/// <summary>The credit cases' log messages (source-generated).</summary>
internal static partial class CaseLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Case reminders failed; the next run retries")]
    public static partial void LogRemindersFailed(this ILogger logger, Exception exception);
}
