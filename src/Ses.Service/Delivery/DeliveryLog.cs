namespace Ses.Service.Delivery;

/// <summary>The delivery job's log messages (source-generated: no formatting unless the level is enabled).</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Delivery job: {Recomputed} deemed dates recomputed, {Deemed} deemed delivered, {Reminded} reminders")]
    public static partial void LogJobRun(this ILogger logger, int recomputed, int deemed, int reminded);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Delivery job run failed")]
    public static partial void LogJobFailed(this ILogger logger, Exception exception);
}
