using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Alerts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Pages.Sysadmin;

/// <summary>
/// The working-day calendar (/admin/calendar): the years with a holiday schedule and the alerts of years missing, for
/// bureau administrators and the system administrator; importing a year (a CSV upload) for the system administrator
/// only — the calendar is server-wide. An import that moves dates of existing deliveries lists them and is imported
/// only when confirmed.
/// </summary>
[Authorize(Roles = StaffRole.Admin + "," + StaffRole.SystemAdmin)]
public sealed class CalendarModel(CalendarStore store, SesDbContext db, TimeProvider time) : PageModel
{
    public HolidayCalendar Calendar { get; private set; } = null!;

    public IReadOnlyList<AdminAlert> Alerts { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The dates the uploaded file would move, awaiting confirmation.</summary>
    public IReadOnlyList<CalendarMove> Moves { get; private set; } = [];

    public bool CanImport => User.IsInRole(StaffRole.SystemAdmin);

    [BindProperty]
    public IFormFile? Csv { get; set; }

    /// <summary>The file's text and name carried to the confirmation.</summary>
    [BindProperty]
    public string? CsvText { get; set; }

    [BindProperty]
    public string? CsvName { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanImport) return Forbid();
        string text, name;
        if (Confirm && !string.IsNullOrEmpty(CsvText) && CsvText.Length < 1_000_000)
        {
            (text, name) = (CsvText, Path.GetFileName(CsvName ?? "") is { Length: > 0 and <= 128 } n ? n : "imported.csv");
        }
        else if (Csv is { Length: > 0 and < 1_000_000 })
        {
            using var reader = new StreamReader(Csv.OpenReadStream());
            (text, name) = (await reader.ReadToEndAsync(HttpContext.RequestAborted), Path.GetFileName(Csv.FileName));
        }
        else
        {
            ModelState.AddModelError(nameof(Csv), "「日历文件」必须选择，且小于 1 MB");
            await LoadAsync();
            return Page();
        }
        var result = await store.ImportAsync(text, name, User.UserName(), HttpContext.Source(), time.GetUtcNow(), Confirm, HttpContext.RequestAborted);
        if (result.Problems.Count > 0)
        {
            Problems = [.. result.Problems.Select(p => $"{p.Message}（{p.Code}）")];
            ModelState.AddModelError(nameof(Csv), $"文件有 {result.Problems.Count} 处错误，未导入");
            await LoadAsync();
            return Page();
        }
        if (!result.Imported)
        {
            Moves = result.Moves;
            (CsvText, CsvName) = (text, name);
            await LoadAsync();
            return Page();
        }
        TempData["Done"] = $"已导入 {string.Join("、", result.Years)} 年的节假日安排"
            + (result.Moves.Count > 0 ? $"；已按新日历改变 {result.Moves.Count} 个日期（见各送达记录）" : "") + "。";
        return Redirect("/admin/calendar");
    }

    private async Task LoadAsync()
    {
        Calendar = await store.CurrentAsync(HttpContext.RequestAborted);
        var open = await db.AdminAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).ToListAsync(HttpContext.RequestAborted);
        Alerts = open.OrderByDescending(a => a.Id).ToList();
    }
}
