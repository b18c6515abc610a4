namespace Ses.Service.Alerts;

/// <summary>
/// Something administrators must act on, raised once per <see cref="Key"/>: e.g. a date computed into a year with no
/// holiday schedule (<c>calendar.missing-year:2027</c>), which stays provisional until that year is imported.
/// </summary>
public sealed class AdminAlert
{
    public long Id { get; init; }

    public required string Key { get; init; }

    public required string Message { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }
}
