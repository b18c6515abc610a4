using Ses.Documents.Validation;

namespace Ses.Service.Calendar;

/// <summary>
/// What importing a calendar file did: the years, or the problems of the file; the dates of existing deliveries it
/// moves; and whether it was imported (a file that moves dates is imported only when confirmed).
/// </summary>
public sealed record CalendarImportResult(IReadOnlyList<int> Years, IReadOnlyList<Problem> Problems, IReadOnlyList<CalendarMove> Moves, bool Imported);
