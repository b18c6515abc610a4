namespace Ses.Service.Calendar;

/// <summary>A day of an imported year's schedule (off-day or adjusted working day), with where it came from.</summary>
public sealed class CalendarDay
{
    public required DateOnly Date { get; init; }

    public required bool IsOffDay { get; init; }

    public required string Name { get; init; }

    /// <summary>The imported file's name, cited in computations that use it.</summary>
    public required string Source { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }

    public required string ImportedBy { get; init; }
}
