using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>
/// 申请信用修复 (附件8) for one of the counterparty's records: the first day an application is accepted shown before
/// submitting (实施办法第十八条), the explanation, whether there is new evidence, the materials; afterwards the receipt.
/// </summary>
public sealed class RepairModel(SubmissionQueries queries, RepairSubmissions service, TimeProvider time) : PageModel, IKeepsTypedData
{
    public MyRecordView Record { get; private set; } = null!;

    public string? Refused { get; private set; }

    [BindProperty]
    public string? Explanation { get; set; }

    [BindProperty]
    public bool NewEvidence { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var uploads = await InboxUploads.ReadAsync(Files, HttpContext.RequestAborted);
        var (view, refused) = await service.ApplyAsync(new RepairSubmission(id, Explanation, NewEvidence, null), uploads, Submitter.From(User, HttpContext),
            HttpContext.RequestAborted);
        if (view is null)
        {
            if (refused!.IsNotFound) return NotFound();
            // A refusal about the record itself (too early, a person alone) has no input: it is the line above the form.
            var line = ModelState.Show(refused, f => f == "recordId" ? f : InboxUploads.Input(f, nameof(Explanation)));
            Refused = refused.Problems.FirstOrDefault(p => p.Field == "recordId")?.Message ?? line;
            return Page();
        }
        TempData["Done"] = "信用修复申请已提交，民航管理部门将按实施办法第十九条办理。回执已生成，可下载保存。";
        return Redirect($"/inbox/submissions/{view.Id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var records = await queries.RecordsAsync(User.AccountCounterparty(), LegalDates.BeijingDate(time.GetUtcNow()), HttpContext.RequestAborted);
        if (records.FirstOrDefault(r => r.Id == id) is not { } record) return false;
        Record = record;
        return true;
    }
}
