namespace Ses.Service.Documents;

internal static partial class DocumentsLog
{
    /// <summary>A font file a bureau profile names could not be used; that role is set in the shipped fonts.</summary>
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Font fallback: {Message}")]
    public static partial void LogFontFallback(this ILogger logger, string message);
}
