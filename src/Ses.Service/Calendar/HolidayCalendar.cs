using System.Globalization;
using Ses.Documents.Validation;

namespace Ses.Service.Calendar;

/// <summary>
/// China's working-day calendar: statutory off-days and adjusted working days (调休上班) from the State Council's
/// annual notices (国务院办公厅节假日安排通知). A listed date marked off is a rest day, a listed date marked not
/// off is a working day, an unlisted weekend is a rest day and an unlisted weekday a working day. A year with no
/// entries has no schedule: a day in it is judged by the weekday alone and marked provisional — never a silent guess.
/// </summary>
public sealed class HolidayCalendar
{
    public const string DefaultSource = "cn-holidays-2020-2026.csv";

    private readonly Dictionary<DateOnly, (bool Off, string Name)> _days;
    private readonly HashSet<int> _years;

    private HolidayCalendar(Dictionary<DateOnly, (bool, string)> days, IEnumerable<string> sources)
    {
        _days = days;
        _years = [.. days.Keys.Select(d => d.Year)];
        Sources = [.. sources];
    }

    /// <summary>Where the data came from (file names), for what the computation cites.</summary>
    public IReadOnlyList<string> Sources { get; }

    public IReadOnlyCollection<int> ScheduledYears => _years;

    /// <summary>The listed days: off-days and adjusted working days.</summary>
    public IEnumerable<(DateOnly Date, bool Off, string Name)> Entries => _days.Select(d => (d.Key, d.Value.Off, d.Value.Name));

    public bool HasSchedule(int year) => _years.Contains(year);

    /// <summary>Whether the day is a working day, and whether that is only provisional (its year has no schedule).</summary>
    public (bool Working, bool Provisional) IsWorkingDay(DateOnly day)
    {
        if (_days.TryGetValue(day, out var listed)) return (!listed.Off, false);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return (!weekend, !HasSchedule(day.Year));
    }

    /// <summary>The calendar shipped with the product (2020–2026).</summary>
    public static HolidayCalendar Default { get; } = LoadDefault();

    private static HolidayCalendar LoadDefault()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream(DefaultSource)
            ?? throw new InvalidOperationException($"embedded {DefaultSource} is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), DefaultSource, out var problems) ?? throw new InvalidDataException(string.Join("; ", problems.Select(p => p.Message)));
    }

    /// <summary>
    /// Reads <c>date,is_off_day,name</c> lines; returns null with every problem when any line is wrong. Each problem
    /// has a stable code (<c>calendar.line-format</c>, <c>calendar.date-twice</c>, <c>calendar.empty</c>), the field
    /// <c>csv</c> and a Chinese message naming the file and the line.
    /// </summary>
    public static HolidayCalendar? Parse(string csv, string source, out List<Problem> problems)
    {
        problems = [];
        var days = new Dictionary<DateOnly, (bool, string)>();
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || (i == 0 && line.StartsWith("date", StringComparison.Ordinal))) continue;
            var cells = line.Split(',');
            if (cells.Length < 2 || !DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || cells[1] is not ("true" or "false"))
            {
                problems.Add(new("csv", ErrorCodes.CalendarLineFormat,
                    $"{source} 第 {i + 1} 行：应为「日期（YYYY-MM-DD）,是否休息日（true 或 false）,名称」，如 2027-01-01,true,元旦"));
                continue;
            }
            if (!days.TryAdd(date, (cells[1] == "true", cells.Length > 2 ? cells[2] : "")))
            {
                problems.Add(new("csv", ErrorCodes.CalendarDateTwice, $"{source} 第 {i + 1} 行：{cells[0]} 重复列出"));
            }
        }
        if (days.Count == 0) problems.Add(new("csv", ErrorCodes.CalendarEmpty, $"{source}：没有日期"));
        return problems.Count == 0 ? new HolidayCalendar(days, [source]) : null;
    }

    /// <summary>A calendar of the given days (an imported year, read back from the database).</summary>
    public static HolidayCalendar From(IEnumerable<(DateOnly Date, bool Off, string Name)> days, string source) =>
        new(days.ToDictionary(d => d.Date, d => (d.Off, d.Name)), [source]);

    /// <summary>This calendar with another's years added; a year present in both is taken from <paramref name="other"/>.</summary>
    public HolidayCalendar With(HolidayCalendar other)
    {
        var days = _days.Where(d => !other._years.Contains(d.Key.Year)).ToDictionary(d => d.Key, d => d.Value);
        foreach (var (k, v) in other._days) days[k] = v;
        return new HolidayCalendar(days, Sources.Concat(other.Sources));
    }
}
