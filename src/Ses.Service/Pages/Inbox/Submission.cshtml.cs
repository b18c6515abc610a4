using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Documents.Signing.Crypto;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>One of the counterparty's submissions: what was received and when, and its receipt (电子提交回执) to download.</summary>
public sealed class SubmissionModel(SubmissionQueries queries, SubmissionReceipts receipts) : PageModel
{
    public SubmissionView Submission { get; private set; } = null!;

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await queries.OfCounterpartyAsync(id, User.AccountCounterparty(), HttpContext.RequestAborted) is not { } s) return NotFound();
        Submission = await queries.ViewAsync(s, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The signed receipt; made now if the timestamp authority was down when the submission came in.</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id)
    {
        if (await queries.OfCounterpartyAsync(id, User.AccountCounterparty(), HttpContext.RequestAborted) is not { } s) return NotFound();
        try
        {
            var pdf = await receipts.IssueAsync(s.Id, HttpContext.RequestAborted);
            return File(pdf, "application/pdf", $"{SubmissionReceipts.SigningReason}-{s.SubmittedAt.ToOffset(LegalDates.Beijing):yyyyMMdd-HHmmss}.pdf");
        }
        catch (TimestampException)
        {
            Submission = await queries.ViewAsync(s, HttpContext.RequestAborted);
            Refused = "时间戳服务暂时不可用，回执尚未生成。提交已收到并记录，请稍后再下载回执。";
            return Page();
        }
    }
}
