using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Pages.Cases.Leader;

/// <summary>
/// A case as the leader reads it before approving (read only), with the approval: 同意, or 退回 with the reason
/// (实施办法第十三条). The approval is recorded with who gave it and when.
/// </summary>
public sealed class CaseModel(CaseService cases, CaseProcedure procedure, SesDbContext db, IFileStore files) : PageModel, IKeepsTypedData
{
    public CaseView Case { get; private set; } = null!;

    public string? Refused { get; private set; }

    /// <summary>Whether the case waits for this approval (else the page only shows it).</summary>
    public bool Waiting => CaseState.AwaitingApproval.Contains(Case.State);

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The case's stored file of the <paramref name="step"/>-th step of its timeline, under its own name.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, int step) =>
        await CaseFiles.FindAsync(db, files, id, User.StaffBureau(), step, HttpContext.RequestAborted) is { } file ? file : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, bool? approve)
    {
        ModelState.Clear();
        var actor = new CaseActor(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());
        var (view, refused) = await procedure.ApproveAsync(id, new ApprovalRequest(approve, Note), actor, HttpContext.RequestAborted);
        if (view is not null)
        {
            TempData["Done"] = $"{view.CounterpartyName}：{(approve == true ? "已同意" : "已退回")}。";
            return Redirect("/leader/approvals");
        }
        if (refused!.IsNotFound || !await LoadAsync(id)) return NotFound();
        Refused = ModelState.Show(refused, field => field == "approve" ? "note" : field);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await cases.GetAsync(id, User.StaffBureau(), HttpContext.RequestAborted);
        if (view is null) return false;
        Case = view;
        return true;
    }
}
