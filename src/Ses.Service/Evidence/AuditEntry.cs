namespace Ses.Service.Evidence;

/// <summary>One state change: who, what, when, from where. Append-only: the code never updates or deletes it.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary>A stable action name, e.g. <c>document.issued</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it acted on, e.g. the document id or number.</summary>
    public required string Subject { get; init; }

    /// <summary>Client address, or <c>cli</c>/<c>job</c>.</summary>
    public required string Source { get; init; }

    public string? Detail { get; init; }
}
