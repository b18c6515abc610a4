using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Corrections;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;
using Ses.Service.Records;

namespace Ses.Service.Pages.Corrections.Officer;

/// <summary>
/// An officer of the original department prepares the correction of a credit record (实施办法第二十四条): amend the name,
/// the act, the decision number or the clauses, or remove the record; every problem beside its field.
/// </summary>
public sealed class NewModel(CorrectionService corrections, RecordQueries records, TimeProvider time) : PageModel, IKeepsTypedData
{
    public RecordView Record { get; private set; } = null!;

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid RecordId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? DiscoveredOn { get; set; }

    [BindProperty]
    public string? PartyName { get; set; }

    [BindProperty]
    public string? Act { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public List<string> Clauses { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        var on = CasePages.Date(DiscoveredOn, "discoveredOn", "发现日期", (f, m) => ModelState.AddModelError(f, m));
        if (ModelState.ErrorCount > 0)
        {
            Refused = PageRefusals.SeeFields;
            return Page();
        }
        // Only the values that change are sent; the rest stay as recorded.
        string? Changed(string? value, string current) => string.IsNullOrWhiteSpace(value) || value.Trim() == current ? null : value.Trim();
        var clauses = Clauses.Count == 0 || Clauses.Order().SequenceEqual(Record.Clauses.Select(c => c.Code).Order()) ? null : Clauses;
        var amend = Kind == CorrectionKinds.Amend;
        var request = new CorrectionRequest(RecordId, on, Kind, amend ? Changed(PartyName, Record.PartyName) : null, amend ? Changed(Act, Record.Act) : null,
            amend ? Changed(DecisionNumber, Record.DecisionNumber) : null, amend ? clauses : null, Reason);
        var actor = new CaseActor(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());
        var (view, refused) = await corrections.CreateAsync(request, actor, HttpContext.RequestAborted);
        if (view is null)
        {
            if (refused!.IsNotFound) return NotFound();
            Refused = ModelState.Show(refused, field => field.StartsWith("clauses", StringComparison.Ordinal) ? "clauses" : field);
            return Page();
        }
        TempData["Done"] = "更正意见已提出，报分管局领导审批。";
        return Redirect($"/corrections/{view.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (await records.GetAsync(RecordId, User.StaffBureau(), HttpContext.RequestAborted) is not { } record) return false;
        Record = record;
        return true;
    }
}
