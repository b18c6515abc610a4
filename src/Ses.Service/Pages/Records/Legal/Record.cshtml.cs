using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;
using Ses.Service.Records;

namespace Ses.Service.Pages.Records.Legal;

/// <summary>
/// One of the bureau's credit records, in full (the persons recorded with it, validity and repair rule, state, mark,
/// publication), for legal staff: mark it as the subject of a reconsideration or litigation and take the mark off
/// (实施办法第二十七条). A refused mark changes nothing; its problems are beside the fields. Another bureau's record is not
/// found.
/// </summary>
public sealed class RecordModel(RecordQueries queries, RecordService records, TimeProvider time) : PageModel, IKeepsTypedData
{
    public RecordView Record { get; private set; } = null!;

    public string? Refused { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>reconsideration or litigation (<see cref="RecordMarks"/>).</summary>
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? FiledOn { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => ModelState.Clear();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMarkAsync(Guid id)
    {
        var filed = CasePages.Date(FiledOn, "filedOn", "提起日期", (f, m) => ModelState.AddModelError(f, m));
        if (ModelState.ErrorCount > 0)
        {
            if (!await LoadAsync(id)) return NotFound();
            Refused = PageRefusals.SeeFields;
            return Page();
        }
        var (view, refused) = await records.MarkAsync(id, new MarkRequest(Kind, filed, Note), User.StaffBureau(), User.UserName(), HttpContext.Source(),
            HttpContext.RequestAborted);
        if (view is not null)
        {
            TempData["Done"] = $"已标注「{view.MarkLabel}」。";
            return Redirect($"/legal/records/{id}");
        }
        return await ShowAsync(id, refused!);
    }

    public async Task<IActionResult> OnPostUnmarkAsync(Guid id)
    {
        var (view, refused) = await records.UnmarkAsync(id, User.StaffBureau(), User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
        if (view is not null)
        {
            TempData["Done"] = "已撤销复议或诉讼标注。";
            return Redirect($"/legal/records/{id}");
        }
        return await ShowAsync(id, refused!);
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal refused)
    {
        if (refused.IsNotFound || !await LoadAsync(id)) return NotFound();
        Refused = ModelState.Show(refused);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.GetAsync(id, User.StaffBureau(), HttpContext.RequestAborted) is not { } view) return false;
        Record = view;
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        return true;
    }
}
