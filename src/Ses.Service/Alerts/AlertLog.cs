namespace Ses.Service.Alerts;

/// <summary>The administrator alerts' log messages (source-generated: no formatting unless the level is enabled).</summary>
internal static partial class AlertLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Administrator alert raised: {AlertKey}")]
    public static partial void LogAlertRaised(this ILogger logger, string alertKey);
}
