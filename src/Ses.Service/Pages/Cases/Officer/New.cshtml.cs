using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Units;

namespace Ses.Service.Pages.Cases.Officer;

/// <summary>
/// Opening a credit case (实施办法第十一条): the counterparty the bureau supervises, the act and its facts, the clauses
/// of 实施办法第八条第一款 that apply, the underlying decision and the collecting unit (the officer's own by default).
/// Problems are shown beside their fields and nothing is stored; a case opened goes to its page.
/// </summary>
public sealed class NewModel(CaseService cases, UnitAdmin units, SesDbContext db, DocumentEngine engine) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<(Guid Id, string Name)> Counterparties { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public string? Refused { get; private set; }

    [BindProperty]
    public Guid? CounterpartyId { get; set; }

    [BindProperty]
    public string? Act { get; set; }

    [BindProperty]
    public string? Facts { get; set; }

    [BindProperty]
    public string? ActDate { get; set; }

    [BindProperty]
    public List<string> Clauses { get; set; } = [];

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public string? DecisionDate { get; set; }

    [BindProperty]
    public string? DecisionIssuer { get; set; }

    [BindProperty]
    public Guid? CollectingUnitId { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (StaleForm.Is(HttpContext)) return;
        DecisionIssuer ??= engine.Templates.FindBureau(User.StaffBureau())?.Name;
        CollectingUnitId ??= await db.StaffUsers.AsNoTracking().Where(u => u.Id == User.UserId()).Select(u => u.UnitId)
            .SingleOrDefaultAsync(HttpContext.RequestAborted) is { } own && Units.Any(u => u.Id == own) ? own : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var actDate = CasePages.Date(ActDate, "actDate", "违法行为发生日期", Problem);
        var decisionDate = CasePages.Date(DecisionDate, "decisionDate", "处理决定或者性质认定日期", Problem);
        if (ModelState.ErrorCount > 0)
        {
            Refused = PageRefusals.SeeFields;
            await LoadAsync();
            return Page();
        }
        var request = new CaseRequest(CounterpartyId, Act, Facts, actDate, Clauses, DecisionNumber, decisionDate, DecisionIssuer, CollectingUnitId);
        var (view, refused) = await cases.CreateAsync(request, User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source(),
            HttpContext.RequestAborted);
        if (view is not null)
        {
            TempData["Done"] = $"已立案：{view.CounterpartyName}，{view.Act}。下一步：{view.Next?.Step}。";
            return Redirect($"/officer/cases/{view.Id}");
        }
        // An unknown counterparty (not one the bureau supervises) is said beside the choice.
        Refused = refused!.IsNotFound
            ? ModelState.Show(Refusal.Invalid("counterpartyId", refused.Code, refused.Message))
            : ModelState.Show(refused, CasePages.Input);
        await LoadAsync();
        return Page();

        void Problem(string field, string message) => ModelState.AddModelError(field, message);
    }

    private async Task LoadAsync()
    {
        var bureau = User.StaffBureau();
        Counterparties = (await db.Counterparties.AsNoTracking().Where(c => c.SupervisingBureau == bureau).Select(c => new { c.Id, c.Name })
            .ToListAsync(HttpContext.RequestAborted)).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Id, c.Name)).ToList();
        Units = (await units.ListAsync(bureau, HttpContext.RequestAborted)).Where(u => u.Active).ToList();
    }
}
