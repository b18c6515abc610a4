using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Evaluations;
using Ses.Service.Http;
using Ses.Service.Pages.Cases;

namespace Ses.Service.Pages.Evaluations;

/// <summary>
/// One enterprise in a round: its score and how it is reached (each cause, the row applied), its events with their
/// evidence, its materials, and its review; the officer enters and takes back events while the round collects or a review
/// is open, and records the review's result, which issues and serves the written notice (暂行办法第十五条).
/// </summary>
public sealed class EnterpriseModel(EvaluationQueries queries, EvaluationRoundService rounds) : PageModel, IKeepsTypedData
{
    public EvaluationView Evaluation { get; private set; } = null!;

    public string? Refused { get; private set; }

    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Cause { get; set; }

    [BindProperty]
    public bool Corrected { get; set; }

    [BindProperty]
    public string? Fine { get; set; }

    [BindProperty]
    public string? Points { get; set; }

    [BindProperty]
    public bool Excluded { get; set; }

    [BindProperty]
    public string? Casualties { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public IFormFile? EvidenceFile { get; set; }

    [BindProperty]
    public IFormFile? ImportFile { get; set; }

    [BindProperty]
    public string? ImportEvidence { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    private bool _import;

    private CaseActor Actor => new(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());

    private CancellationToken Ct => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEntryAsync(Guid id)
    {
        var date = CasePages.Date(Date, "date", "发生日期", (f, m) => ModelState.AddModelError(f, m));
        var item = Number(Item, "item", "评价指标");
        var fine = Amount(Fine, "fine", "罚款金额");
        var points = Amount(Points, "points", "实际扣分");
        var casualties = Number(Casualties, "casualties", "死亡或者重伤人数");
        var file = await CasePages.ReadAsync(EvidenceFile, Ct);
        if (ModelState.ErrorCount > 0) return await ShowAsync(id, null);
        var request = new EntryRequest(item, date, Cause, item == 3 ? Corrected : null, fine, points, Excluded, casualties, Evidence, file,
            EvidenceFile?.FileName);
        return await StepAsync(id, "扣分事项已录入。", () => rounds.AddEntryAsync(id, request, Actor, Ct));
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id)
    {
        _import = true;
        string? text = null;
        if (ImportFile is { Length: > 0 and <= 1024 * 1024 })
        {
            using var reader = new StreamReader(ImportFile.OpenReadStream());
            text = await reader.ReadToEndAsync(Ct);
        }
        else if (ImportFile is { Length: > 0 })
        {
            ModelState.AddModelError(nameof(ImportFile), "「导入文件」不能超过 1 MB");
            return await ShowAsync(id, null);
        }
        return await StepAsync(id, "扣分事项已导入。", () => rounds.ImportAsync(id, new EntryImport(text, ImportEvidence), Actor, Ct));
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid entryId) =>
        StepAsync(id, "扣分事项已撤回。", () => rounds.RemoveEntryAsync(id, entryId, new EntryRemoval(Reason), Actor, Ct));

    public Task<IActionResult> OnPostReviewAsync(Guid id) =>
        StepAsync(id, "复核已完成，复核结果通知书已签发并送达。", () => rounds.DecideReviewAsync(id, new ReviewDecision(Reasons, null, null, null), Actor, Ct));

    private async Task<IActionResult> StepAsync(Guid id, string done, Func<Task<(EvaluationView?, Refusal?)>> step)
    {
        if (!User.IsInRole(StaffRole.Officer)) return Forbid();
        ModelState.Clear();
        var (view, refused) = await step();
        if (view is not null)
        {
            TempData["Done"] = done;
            return Redirect($"/evaluations/enterprise/{id}");
        }
        return refused!.IsNotFound ? NotFound() : await ShowAsync(id, refused);
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal? refused)
    {
        Refused = refused is null
            ? PageRefusals.SeeFields
            : _import
                ? ModelState.Show(refused, f => f == "evidence" ? nameof(ImportEvidence) : nameof(ImportFile), Imported(refused))
                : ModelState.Show(refused, f => f == "file" ? nameof(EvidenceFile) : f);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    // A problem of an imported file names a field of the file: the line above the form lists them, with the event.
    private static string Imported(Refusal refused) =>
        "导入文件有误，未导入任何事项：" + string.Join("；", refused.Problems.Select(p => p.Message));

    private int? Number(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, $"「{label}」应为整数");
        return null;
    }

    private decimal? Amount(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, $"「{label}」应为数字");
        return null;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.EvaluationAsync(id, User.StaffBureau(), Ct) is not { } e) return false;
        Evaluation = e;
        return true;
    }
}
