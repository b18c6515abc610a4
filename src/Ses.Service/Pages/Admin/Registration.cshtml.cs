using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;
using Ses.Service.Registrations;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// One registration as the office verifies it: the data, the accounts asked for, the scans; recording the mailed originals,
/// then approving (the date read off the letter), rejecting or asking for more with a reason the contacts receive by SMS.
/// </summary>
public sealed class RegistrationModel(RegistrationReview review, TimeProvider time) : PageModel, IKeepsTypedData
{
    public RegistrationView Registration { get; private set; } = null!;

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    public string? LetterSignedOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId) =>
        await review.FileAsync(id, fileId, User.StaffBureau(), Ct) is { } found ? File(found.Content, found.File.ContentType, found.File.FileName) : NotFound();

    public Task<IActionResult> OnPostReceivedAsync(Guid id) => StepAsync(id, "已登记收到原件。", () =>
    {
        var on = CasePages.Date(ReceivedOn, "receivedOn", "原件收到日期", (f, m) => ModelState.AddModelError(f, m));
        return ModelState.ErrorCount > 0 ? Task.FromResult<(RegistrationView?, Refusal?)>((null, null))
            : review.ReceiveAsync(id, new OriginalReceipt(on), User.StaffBureau(), User.UserName(), HttpContext.Source(), Ct);
    });

    public Task<IActionResult> OnPostApproveAsync(Guid id) => StepAsync(id, "审核通过：相对人已入库，账号已激活，初始密码已短信发送给联系人。", () =>
    {
        var on = CasePages.Date(LetterSignedOn, "letterSignedOn", "确认函落款日期", (f, m) => ModelState.AddModelError(f, m));
        return ModelState.ErrorCount > 0 ? Task.FromResult<(RegistrationView?, Refusal?)>((null, null))
            : review.ApproveAsync(id, new RegistrationApproval(on), User.StaffBureau(), User.UserName(), HttpContext.Source(), Ct);
    });

    public Task<IActionResult> OnPostRejectAsync(Guid id) => StepAsync(id, "已不予通过，理由已短信通知联系人。", () =>
        review.RejectAsync(id, new RegistrationDecision(Reason), User.StaffBureau(), User.UserName(), HttpContext.Source(), Ct));

    public Task<IActionResult> OnPostMoreAsync(Guid id) => StepAsync(id, "已要求补充材料，已短信通知联系人。", () =>
        review.RequestMoreAsync(id, new RegistrationDecision(Reason), User.StaffBureau(), User.UserName(), HttpContext.Source(), Ct));

    private async Task<IActionResult> StepAsync(Guid id, string done, Func<Task<(RegistrationView?, Refusal?)>> step)
    {
        ModelState.Clear();
        var (view, refused) = await step();
        if (view is not null)
        {
            TempData["Done"] = done;
            return Redirect($"/admin/registrations/{id}");
        }
        if (refused?.IsNotFound == true) return NotFound();
        Refused = refused is null ? PageRefusals.SeeFields : ModelState.Show(refused);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (await review.GetAsync(id, User.StaffBureau(), Ct) is not { } view) return false;
        Registration = view;
        return true;
    }
}
