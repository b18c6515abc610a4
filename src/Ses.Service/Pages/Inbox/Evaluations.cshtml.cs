using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Evaluations;
using Ses.Service.Submissions;

namespace Ses.Service.Pages.Inbox;

/// <summary>
/// 诚信经营评价 for the enterprise: the notice and its materials (暂行办法第十二条), the pre-evaluation result with its
/// notice, the written review application during the publication only (第十四条), the review's result and the final grade.
/// </summary>
public sealed class EvaluationsModel(EvaluationQueries queries, EvaluationAccountService service) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<MyEvaluationView> Evaluations { get; private set; } = [];

    public string? Refused { get; private set; }

    /// <summary>The evaluation whose form was refused, so its problems show beside that form.</summary>
    public Guid? Failed { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task OnGetAsync() => Evaluations = await queries.MineAsync(User.AccountCounterparty(), Ct);

    public async Task<IActionResult> OnPostMaterialsAsync(Guid id)
    {
        var uploads = await InboxUploads.ReadAsync(Files, Ct);
        var (view, refused) = await service.UploadAsync(id, new MaterialUpload(Note, null), uploads, Submitter.From(User, HttpContext), Ct);
        if (view is not null)
        {
            TempData["Done"] = "材料已报送。";
            return Redirect("/inbox/evaluations");
        }
        if (refused!.IsNotFound) return NotFound();
        (Failed, Refused) = (id, ModelState.Show(refused, f => InboxUploads.Input(f, nameof(Note))));
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        var uploads = await InboxUploads.ReadAsync(Evidence, Ct);
        var (view, refused) = await service.ApplyAsync(id, Reason, uploads, Submitter.From(User, HttpContext), Ct);
        if (view is not null)
        {
            TempData["Done"] = "复核申请已提交。回执已生成，可下载保存。";
            return Redirect($"/inbox/submissions/{view.Id}");
        }
        if (refused!.IsNotFound) return NotFound();
        (Failed, Refused) = (id, ModelState.Show(refused, f => f.StartsWith("attachments", StringComparison.Ordinal) ? nameof(Evidence) : nameof(Reason)));
        await OnGetAsync();
        return Page();
    }
}
