using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Calendar;
using Ses.Service.Data;

namespace Ses.Service.Alerts;

/// <summary>Administrator alerts, raised once per key.</summary>
public static class AdminAlerts
{
    /// <summary>The calendar page (Pages/System/Calendar), where a system administrator imports a year.</summary>
    public const string CalendarPage = "/admin/calendar";

    /// <summary>The key of the alert for a year without a holiday schedule.</summary>
    public static string MissingYearKey(int year) => $"calendar.missing-year:{year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One alert per year without a schedule that a computation between the two dates reached.</summary>
    public static async Task MissingYearsAsync(SesDbContext db, HolidayCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, ILogger log,
        CancellationToken ct)
    {
        foreach (var year in Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !calendar.HasSchedule(y)))
        {
            await RaiseAsync(db, MissingYearKey(year),
                $"{year} 年节假日安排尚未导入：涉及该年的送达和期限日期按周末推算并标为「暂定」。"
                + $"请系统管理员在「节假日日历」页面（{CalendarPage}）导入国务院办公厅公布的 {year} 年安排，或运行 ses calendar import；导入后本提醒自动消除。",
                now, log, ct);
        }
    }

    public static async Task RaiseAsync(SesDbContext db, string key, string message, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        if (db.AdminAlerts.Local.Any(a => a.Key == key) || await db.AdminAlerts.AnyAsync(a => a.Key == key, ct)) return;
        db.AdminAlerts.Add(new AdminAlert { Key = key, Message = message, CreatedAt = now });
        log.LogAlertRaised(key);
    }
}
