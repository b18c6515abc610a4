using Microsoft.Extensions.Logging;

namespace Ses.Service.Tests.Notifications;

/// <summary>One captured log entry: its level, category, event id and structured values (without the message template).</summary>
public sealed record CapturedLogEntry(LogLevel Level, string Category, EventId EventId, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>The value of a structured field, or null when the entry has none by that name.</summary>
    public object? this[string name] => Values.GetValueOrDefault(name);
}
