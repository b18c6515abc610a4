using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Http;

namespace Ses.Service.Pages.Cases.Legal;

/// <summary>
/// The transfer slips waiting for legal staff: each case with its entry due date, 3 working days from the slip
/// (实施办法第十四条第二款), and 「记入」 to enter the record (today, or the day given).
/// </summary>
public sealed class EntriesModel(CaseService cases, CaseProcedure procedure, TimeProvider time) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<MyCaseView> Waiting { get; private set; } = [];

    public string? Refused { get; private set; }

    /// <summary>The case whose entry was refused, for its problems beside its row.</summary>
    public Guid? RefusedCase { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid caseId, string? on)
    {
        ModelState.Clear();
        var day = CasePages.Date(on, "on", "记入日期", (f, m) => ModelState.AddModelError(f, m));
        if (ModelState.ErrorCount > 0)
        {
            Refused = PageRefusals.SeeFields;
        }
        else
        {
            var refused = await EnterAsync(caseId, day);
            if (refused is null)
            {
                TempData["Done"] = "已记入信用记录。";
                return Redirect("/legal/entries");
            }
            if (refused.IsNotFound) return NotFound();
            Refused = ModelState.Show(refused);
        }
        RefusedCase = caseId;
        await LoadAsync();
        return Page();
    }

    private async Task<Refusal?> EnterAsync(Guid id, DateOnly? on)
    {
        var actor = new CaseActor(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());
        var (_, refused) = await procedure.EnterAsync(id, new StepRequest(on, null), actor, HttpContext.RequestAborted);
        return refused;
    }

    private async Task LoadAsync()
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        Waiting = await cases.AwaitingEntryAsync(User.StaffBureau(), HttpContext.RequestAborted);
    }
}
