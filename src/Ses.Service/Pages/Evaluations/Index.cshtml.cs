using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Evaluations;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;

namespace Ses.Service.Pages.Evaluations;

/// <summary>
/// 诚信经营评价: the bureau's rounds, a new round for the officer (印发通知, 暂行办法第十条、第十一条), and the latest grade of
/// each enterprise for whoever plans inspections (暂行办法第十九条).
/// </summary>
public sealed class IndexModel(EvaluationQueries queries, EvaluationRoundService rounds, TimeProvider time) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public IReadOnlyList<InspectionGrade> Grades { get; private set; } = [];

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The year the annual round evaluates: the last whole calendar year (暂行办法第十条).</summary>
    public string DefaultYear => (Today.Year - 1).ToString(CultureInfo.InvariantCulture);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Notice { get; set; }

    [BindProperty]
    public string? MaterialsDueOn { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.IsInRole(StaffRole.Officer)) return Forbid();
        var due = CasePages.Date(MaterialsDueOn, "materialsDueOn", "材料报送截止日期", (f, m) => ModelState.AddModelError(f, m));
        int? year = int.TryParse(Year, out var y) ? y : null;
        if (!string.IsNullOrWhiteSpace(Year) && year is null) ModelState.AddModelError("year", "「评价年度」应为四位年份，如 2025");
        if (ModelState.ErrorCount == 0)
        {
            ModelState.Clear();
            var actor = new CaseActor(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());
            var (view, refused) = await rounds.CreateAsync(new RoundRequest(year, Notice, due), actor, HttpContext.RequestAborted);
            if (view is not null)
            {
                TempData["Done"] = $"{view.Year} 年度诚信经营评价已开始，参评企业可以上传材料。";
                return Redirect($"/evaluations/{view.Id}");
            }
            Refused = ModelState.Show(refused!);
        }
        else
        {
            Refused = PageRefusals.SeeFields;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        Rounds = await queries.RoundsAsync(User.StaffBureau(), HttpContext.RequestAborted);
        Grades = await queries.GradesAsync(User.StaffBureau(), Q, HttpContext.RequestAborted);
    }
}
