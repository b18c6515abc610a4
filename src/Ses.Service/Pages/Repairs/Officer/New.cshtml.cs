using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;
using Ses.Service.Records;
using Ses.Service.Repairs;

namespace Ses.Service.Pages.Repairs.Officer;

/// <summary>
/// An officer records a repair application received on paper (实施办法第十八条, 附件8), the earliest day shown first; a
/// too-early application or one of a person recorded with an organisation is refused beside its field.
/// </summary>
public sealed class NewModel(RepairService repairs, RecordQueries records, TimeProvider time) : PageModel, IKeepsTypedData
{
    public RecordView Record { get; private set; } = null!;

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid RecordId { get; set; }

    [BindProperty]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    public string? ApplicationDate { get; set; }

    [BindProperty]
    public string? CompleteOn { get; set; }

    [BindProperty]
    public bool NewEvidence { get; set; }

    [BindProperty]
    public string? Explanation { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        void Problem(string field, string message) => ModelState.AddModelError(field, message);
        var received = CasePages.Date(ReceivedOn, "receivedOn", "收到申请日期", Problem);
        var signed = CasePages.Date(ApplicationDate, "applicationDate", "申请书落款日期", Problem);
        var complete = CasePages.Date(CompleteOn, "completeOn", "材料齐全日期", Problem);
        if (ModelState.ErrorCount > 0)
        {
            Refused = PageRefusals.SeeFields;
            return Page();
        }
        var file = await CasePages.ReadAsync(Upload, HttpContext.RequestAborted);
        var actor = new CaseActor(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());
        var (view, refused) = await repairs.ApplyAsync(new RepairRequest(RecordId, received, signed, complete, NewEvidence, Explanation, file,
            Upload?.FileName), actor, HttpContext.RequestAborted);
        if (view is null)
        {
            if (refused!.IsNotFound) return NotFound();
            Refused = ModelState.Show(refused, field => field is "file" or "fileName" ? nameof(Upload) : field);
            return Page();
        }
        TempData["Done"] = "修复申请已受理。";
        return Redirect($"/repairs/{view.Id}");
    }

    private async Task<bool> LoadAsync()
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (await records.GetAsync(RecordId, User.StaffBureau(), HttpContext.RequestAborted) is not { } record) return false;
        Record = record;
        return true;
    }
}
