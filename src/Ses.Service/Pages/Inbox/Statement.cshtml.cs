using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>
/// 提交陈述和申辩 against a notice served on the counterparty: the period's last day stated (实施办法第十三条), and when it
/// has passed that the statement will be marked late; text and files; afterwards the receipt.
/// </summary>
public sealed class StatementModel(SubmissionService service, TimeProvider time) : PageModel, IKeepsTypedData
{
    public Guid DeliveryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Number { get; private set; } = "";

    public StatementPeriod Period { get; private set; } = null!;

    public string? Refused { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Refused is not null) return Page();
        var uploads = await InboxUploads.ReadAsync(Files, HttpContext.RequestAborted);
        var (view, refused) = await service.StatementAsync(id, Text, uploads, Submitter.From(User, HttpContext), HttpContext.RequestAborted);
        if (view is null)
        {
            if (refused!.IsNotFound) return NotFound();
            Refused = ModelState.Show(refused, f => InboxUploads.Input(f, nameof(Text)));
            return Page();
        }
        TempData["Done"] = view.Late
            ? $"陈述和申辩已提交，已过期限最后一日，标记为逾期 {view.LateWorkingDays} 个工作日。回执已生成。"
            : "陈述和申辩已提交。回执已生成，可下载保存。";
        return Redirect($"/inbox/submissions/{view.Id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await service.NoticeAsync(id, User.AccountCounterparty(), HttpContext.RequestAborted) is not var (delivery, document, form)) return false;
        (DeliveryId, Title, Number) = (delivery.Id, form?.Title ?? "", document.Number);
        Refused = SubmissionService.Accepts(document, form)?.Message;
        Period = await service.PeriodAsync(delivery, document, form, LegalDates.BeijingDate(time.GetUtcNow()), HttpContext.RequestAborted);
        return true;
    }
}
