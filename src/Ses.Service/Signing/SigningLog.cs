namespace Ses.Service.Signing;

internal static partial class SigningLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Signing with {What}")]
    public static partial void LogSigning(this ILogger logger, string what);
}
