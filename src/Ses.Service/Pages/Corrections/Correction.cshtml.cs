using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Corrections;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;
using Ses.Service.Records;

namespace Ses.Service.Pages.Corrections;

/// <summary>
/// One correction (实施办法第二十四条) and the step it waits for, offered to whoever does it: the leader approves or returns
/// it, the officer sends the transfer slip and records the withdrawal of the publication, legal staff adjust the record.
/// </summary>
public sealed class CorrectionModel(CorrectionService corrections, RecordQueries records, TimeProvider time) : PageModel, IKeepsTypedData
{
    public CorrectionView Correction { get; private set; } = null!;

    public RecordView Record { get; private set; } = null!;

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    private CaseActor Actor => new(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, bool approve) =>
        StepAsync(id, StaffRole.Leader, approve ? "已批准更正意见。" : "已退回更正意见。",
            () => corrections.ApproveAsync(id, new ApprovalRequest(approve, Note), Actor, Ct));

    public Task<IActionResult> OnPostTransferAsync(Guid id) =>
        StepAsync(id, StaffRole.Officer, "移送单已填写，移送法制部门。", () => DayStep(id, corrections.TransferAsync));

    public Task<IActionResult> OnPostAdjustAsync(Guid id) =>
        StepAsync(id, StaffRole.Legal, "信用记录已调整。", () => DayStep(id, corrections.AdjustAsync));

    public Task<IActionResult> OnPostWithdrawalAsync(Guid id) =>
        StepAsync(id, StaffRole.Officer, "已登记撤销公布、撤回原通报。", () => DayStep(id, corrections.WithdrawalAsync));

    private async Task<(CorrectionView?, Refusal?)> DayStep(Guid id,
        Func<Guid, StepRequest, CaseActor, CancellationToken, Task<(CorrectionView? Correction, Refusal? Refused)>> step)
    {
        var on = CasePages.Date(On, "on", "日期", (f, m) => ModelState.AddModelError(f, m));
        return ModelState.ErrorCount > 0 ? (null, null) : await step(id, new StepRequest(on, Note), Actor, Ct);
    }

    private async Task<IActionResult> StepAsync(Guid id, string role, string done, Func<Task<(CorrectionView?, Refusal?)>> step)
    {
        if (!User.IsInRole(role)) return Forbid();
        ModelState.Clear();
        var (view, refused) = await step();
        if (view is not null)
        {
            TempData["Done"] = done;
            return Redirect($"/corrections/{id}");
        }
        if (refused?.IsNotFound == true) return NotFound();
        Refused = refused is null ? PageRefusals.SeeFields : ModelState.Show(refused);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (await corrections.GetAsync(id, User.StaffBureau(), Ct) is not { } c) return false;
        Correction = c;
        Record = (await records.GetAsync(c.RecordId, User.StaffBureau(), Ct))!;
        return true;
    }
}
