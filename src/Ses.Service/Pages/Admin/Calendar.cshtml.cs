using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Http;

namespace Ses.Service.Pages.Admin;

/// <summary>The working-day calendar: the years with a holiday schedule, importing a year (a CSV upload), and the alerts of years missing.</summary>
public sealed class CalendarModel(CalendarStore store, SesDbContext db, TimeProvider time) : PageModel
{
    public HolidayCalendar Calendar { get; private set; } = null!;

    public IReadOnlyList<AdminAlert> Alerts { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public IFormFile? Csv { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Csv is not { Length: > 0 and < 1_000_000 })
        {
            ModelState.AddModelError(nameof(Csv), "「日历文件」必须选择，且小于 1 MB");
            await LoadAsync();
            return Page();
        }
        using var reader = new StreamReader(Csv.OpenReadStream());
        var text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        var (years, problems) = await store.ImportAsync(text, Path.GetFileName(Csv.FileName), User.UserName(),
            HttpContext.Source(), time.GetUtcNow(), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            Problems = problems;
            ModelState.AddModelError(nameof(Csv), $"文件有 {problems.Count} 处错误，未导入");
            await LoadAsync();
            return Page();
        }
        TempData["Done"] = $"已导入 {string.Join("、", years)} 年的节假日安排；涉及这些年份的「暂定」日期将由后台任务重算。";
        return Redirect("/admin/calendar");
    }

    private async Task LoadAsync()
    {
        Calendar = await store.CurrentAsync(HttpContext.RequestAborted);
        Alerts = (await db.AdminAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).ToListAsync(HttpContext.RequestAborted)).OrderByDescending(a => a.Id).ToList();
    }
}
