using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Consent;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;
using Ses.Service.Records;
using Ses.Service.Repairs;

namespace Ses.Service.Pages.Repairs;

/// <summary>
/// One repair application (实施办法第十九条) and the step it waits for: the meeting with its minutes, the refusal or
/// rejection decision (issued after a confirmation: it takes a number), the transfer slip, and the removal by legal staff.
/// </summary>
public sealed class RepairModel(RepairService repairs, RecordQueries records, ConsentLetters consent, TimeProvider time) : PageModel, IKeepsTypedData
{
    public RepairView Repair { get; private set; } = null!;

    public RecordView Record { get; private set; } = null!;

    public ElectronicService? Electronic { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>The decision step waiting for the officer's confirmation before it takes a number.</summary>
    public bool Confirming { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool? Approved { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public IFormFile? Minutes { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    private CaseActor Actor => new(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostMeetingAsync(Guid id) => StepAsync(id, StaffRole.Officer, "会议审议结论已登记。", async () =>
    {
        var on = CasePages.Date(On, "heldOn", "会议日期", (f, m) => ModelState.AddModelError(f, m));
        if (ModelState.ErrorCount > 0) return (null, null);
        var minutes = await CasePages.ReadAsync(Minutes, Ct);
        return await repairs.MeetingAsync(id, new RepairMeetingRequest(on, Approved, Reasons, minutes, Minutes?.FileName), Actor, Ct);
    });

    public Task<IActionResult> OnPostDecisionAsync(Guid id, bool confirmed) => StepAsync(id, StaffRole.Officer, "决定书已签发并送达。", async () =>
    {
        if (!confirmed)
        {
            Confirming = true;
            return (null, null);
        }
        var request = new RepairDecisionRequest(Contact, ContactPhone, Mode);
        var state = (await repairs.GetAsync(id, User.StaffBureau(), Ct))?.State;
        return state == RepairState.Rejection ? await repairs.RejectionAsync(id, request, Actor, Ct) : await repairs.RefusalAsync(id, request, Actor, Ct);
    });

    public Task<IActionResult> OnPostTransferAsync(Guid id) => StepAsync(id, StaffRole.Officer, "移送单已填写，移送法制部门。", async () =>
    {
        var on = CasePages.Date(On, "on", "移送日期", (f, m) => ModelState.AddModelError(f, m));
        return ModelState.ErrorCount > 0 ? (null, null) : await repairs.TransferAsync(id, new StepRequest(on, Note), Actor, Ct);
    });

    public Task<IActionResult> OnPostRemovalAsync(Guid id, bool confirmed) => StepAsync(id, StaffRole.Legal, "信用记录已移除，修复完成。", async () =>
    {
        if (!confirmed)
        {
            Confirming = true;
            return (null, null);
        }
        var on = CasePages.Date(On, "on", "移除日期", (f, m) => ModelState.AddModelError(f, m));
        return ModelState.ErrorCount > 0 ? (null, null) : await repairs.RemovalAsync(id, new StepRequest(on, Note), Actor, Ct);
    });

    private async Task<IActionResult> StepAsync(Guid id, string role, string done, Func<Task<(RepairView?, Refusal?)>> step)
    {
        if (!User.IsInRole(role)) return Forbid();
        ModelState.Clear();
        var (view, refused) = await step();
        if (view is not null)
        {
            TempData["Done"] = done;
            return Redirect($"/repairs/{id}");
        }
        if (refused?.IsNotFound == true) return NotFound();
        if (refused is not null) Refused = ModelState.Show(refused, field => field == "minutes" ? nameof(Minutes) : field);
        else if (ModelState.ErrorCount > 0) Refused = PageRefusals.SeeFields;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (await repairs.GetAsync(id, User.StaffBureau(), Ct) is not { } repair) return false;
        Repair = repair;
        Record = (await records.GetAsync(repair.RecordId, User.StaffBureau(), Ct))!;
        if (repair.State is RepairState.Refusal or RepairState.Rejection) Electronic = await consent.ElectronicServiceAsync(Record.CounterpartyId, Ct);
        return true;
    }
}
