namespace Ses.Service.Records;

/// <summary>The records feature's log messages (source-generated: no formatting unless the level is enabled).</summary>
internal static partial class RecordsLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Record expiry: {Removed} records expired")]
    public static partial void LogExpired(this ILogger logger, int removed);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Record expiry run failed")]
    public static partial void LogExpiryFailed(this ILogger logger, Exception exception);
}
