using Microsoft.EntityFrameworkCore;
using Ses.Service.Audit;
using Ses.Service.Data;

namespace Ses.Service.Calendar;

/// <summary>
/// The calendar in force: the shipped 2020–2026 data plus the years administrators imported (each November the next
/// year's notice is published). An imported year replaces that year whole.
/// </summary>
public sealed class CalendarStore(SesDbContext db)
{
    public async Task<HolidayCalendar> CurrentAsync(CancellationToken ct)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var calendar = HolidayCalendar.Default;
        foreach (var source in days.GroupBy(d => d.Source))
        {
            calendar = calendar.With(HolidayCalendar.From(source.Select(d => (d.Date, d.IsOffDay, d.Name)), source.Key));
        }
        return calendar;
    }

    /// <summary>Imports whole years from a <c>date,is_off_day,name</c> file; returns the years, or every problem.</summary>
    public async Task<(IReadOnlyList<int> Years, IReadOnlyList<string> Problems)> ImportAsync(string csv, string source, string actor, string from, DateTimeOffset now, CancellationToken ct)
    {
        var parsed = HolidayCalendar.Parse(csv, source, out var problems);
        if (parsed is null) return ([], problems);
        var years = parsed.ScheduledYears.Order().ToList();
        var rows = parsed.Entries.Select(e => new CalendarDay
        {
            Date = e.Date, IsOffDay = e.Off, Name = e.Name, Source = source, ImportedAt = now, ImportedBy = actor,
        }).ToList();
        await Transactions.WriteAsync(db, async () =>
        {
            var from0 = new DateOnly(years[0], 1, 1);
            var to = new DateOnly(years[^1], 12, 31);
            await db.CalendarDays.Where(d => d.Date >= from0 && d.Date <= to).ExecuteDeleteAsync(ct);
            db.CalendarDays.AddRange(rows);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Actor = actor, Action = "calendar.imported", Subject = string.Join(",", years), Source = from, Detail = $"{source}: {rows.Count} days",
            });
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);
        return (years, []);
    }
}
