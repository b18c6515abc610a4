using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.OrganisationChanges;
using Ses.Service.Pages.Cases;

namespace Ses.Service.Pages.OrganisationChanges;

/// <summary>
/// Organisation changes (实施办法第二十二条) for administrators and legal staff: the history, and recording a rename, a
/// split or a merger — the records follow the rule of each kind, every problem beside its field.
/// </summary>
public sealed class IndexModel(OrganisationChangeService changes, SesDbContext db, TimeProvider time) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<OrganisationChangeView> History { get; private set; } = [];

    /// <summary>The organisations the bureau supervises, by name.</summary>
    public IReadOnlyList<Counterparty> Organisations { get; private set; } = [];

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public Guid? CounterpartyId { get; set; }

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public Guid? ToCounterpartyId { get; set; }

    [BindProperty]
    public string? On { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var on = CasePages.Date(On, "on", "变更日期", (f, m) => ModelState.AddModelError(f, m));
        if (ModelState.ErrorCount == 0)
        {
            var (change, refused) = await changes.RecordAsync(new OrganisationChangeRequest(Kind, CounterpartyId, NewName, ToCounterpartyId, on),
                User.StaffBureau(), User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
            if (change is not null)
            {
                TempData["Done"] = $"已登记{change.KindLabel}：{change.OldName}，变更了 {change.Records.Count} 条信用记录。";
                return Redirect("/organisation-changes");
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
        History = (await changes.ListAsync(User.StaffBureau(), null, HttpContext.RequestAborted)).OrderByDescending(c => c.RecordedAt).ToList();
        Organisations = (await db.Counterparties.AsNoTracking()
                .Where(c => c.SupervisingBureau == User.StaffBureau() && c.Kind != CounterpartyKind.Individual).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
