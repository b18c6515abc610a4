using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Http;

namespace Ses.Service.Pages.Cases.Officer;

/// <summary>
/// A credit case for its officer: the facts, the next step with its due date and rule, the timeline, and one form — the
/// step the case's state calls for (实施办法第十二条至第十四条). A refused step changes nothing: field problems beside their
/// inputs, a step out of turn as a message above. Another bureau's case is not found.
/// </summary>
public sealed class CaseModel(CaseService cases, CaseProcedure procedure, CaseDocumentSteps documents, CalendarStore calendars, TimeProvider time)
    : PageModel, IKeepsTypedData
{
    /// <summary>The rows for other directly responsible persons on the collection form.</summary>
    public const int PersonRows = 3;

    /// <summary>The states whose next step issues a document that can be previewed (marked 样稿).</summary>
    public static readonly string[] Previewable =
        [CaseState.Collecting, CaseState.OfficeReview, CaseState.NoticeApproval, CaseState.Notice, CaseState.Statement, CaseState.StatementReview,
            CaseState.Meeting, CaseState.Decision];

    private static readonly HashSet<string> Inputs =
    [
        "collectedOn", "remarks", "on", "note", "replyDeadline", "contact", "contactPhone", "mode", "receivedOn", "text", "file", "adopted", "reason",
        "heldOn", "kind", "minutes",
    ];

    public CaseView Case { get; private set; } = null!;

    public string? Refused { get; private set; }

    /// <summary>Problems for which the page has no input (a document's own checks): listed under the message.</summary>
    public List<string> Others { get; } = [];

    /// <summary>The last day for a statement the notice would state if issued now (实施办法第十三条).</summary>
    public LegalDate? ProposedReply { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? CollectedOn { get; set; }

    [BindProperty]
    public PersonForm LegalRepresentative { get; set; } = new();

    [BindProperty]
    public PersonForm Principal { get; set; } = new();

    [BindProperty]
    public List<PersonForm> Persons { get; set; } = [];

    [BindProperty]
    public string? Remarks { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? ReplyDeadline { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    [BindProperty]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The statement's file (input <c>file</c>).</summary>
    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool? Adopted { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? HeldOn { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Minutes { get; set; }

    private CaseActor Actor => new(User.StaffBureau(), User.UserId(), User.UserName(), HttpContext.Source());

    private CancellationToken Ct => HttpContext.RequestAborted;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The pages say every problem themselves, in Chinese: nothing from model binding is shown.
        ModelState.Clear();
        while (Persons.Count < PersonRows) Persons.Add(new());
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The notice or decision the next step will issue, from the case as it now stands, marked 样稿.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(Guid id)
    {
        var (pdf, refused) = await documents.PreviewAsync(id, User.StaffBureau(), Ct);
        if (pdf is not null) return File(pdf, "application/pdf");
        return await ShowAsync(id, refused!);
    }

    public Task<IActionResult> OnPostCollectAsync(Guid id)
    {
        var on = Day(CollectedOn, "collectedOn", "采集日期");
        // The rows filled in, and which row each is (the service counts only those).
        var rows = Enumerable.Range(0, Persons.Count).Where(i => !Persons[i].IsEmpty).ToList();
        var request = new CollectionRequest(on, PersonForm.Input(LegalRepresentative), PersonForm.Input(Principal),
            rows.Select(i => PersonForm.Input(Persons[i])!).ToList(), Remarks);
        return StepAsync(id, "采集单已填报。", (a, ct) => procedure.CollectAsync(id, request, a, ct), field => Row(field, rows));
    }

    public Task<IActionResult> OnPostReviewCollectionAsync(Guid id)
    {
        var on = Day(On, "on", "审核日期");
        return StepAsync(id, "已审核监管局报送的信息，报分管局领导审批。", (a, ct) => procedure.ReviewCollectionAsync(id, new StepRequest(on, Note), a, ct));
    }

    public Task<IActionResult> OnPostNoticeAsync(Guid id)
    {
        var reply = Day(ReplyDeadline, "replyDeadline", "陈述和申辩期限");
        return StepAsync(id, "告知书已签发并送达。", (a, ct) => documents.NoticeAsync(id, new NoticeRequest(reply, Contact, ContactPhone, Mode), a, ct));
    }

    public async Task<IActionResult> OnPostStatementAsync(Guid id)
    {
        var on = Day(ReceivedOn, "receivedOn", "收到日期");
        var file = await CasePages.ReadAsync(Upload, Ct);
        return await StepAsync(id, "陈述和申辩已登记。",
            (a, ct) => procedure.StatementAsync(id, new StatementRequest(on, Text, file, Upload?.FileName), a, ct));
    }

    public Task<IActionResult> OnPostNoStatementAsync(Guid id) =>
        StepAsync(id, "已记录期限届满未陈述和申辩，提请审议。", (a, ct) => procedure.NoStatementAsync(id, a, ct));

    public Task<IActionResult> OnPostReviewStatementAsync(Guid id)
    {
        var on = Day(On, "on", "复核日期");
        return StepAsync(id, "复核结论已记录。", (a, ct) => procedure.ReviewStatementAsync(id, new ReviewRequest(Adopted, Reason, on), a, ct));
    }

    public async Task<IActionResult> OnPostMeetingAsync(Guid id)
    {
        var on = Day(HeldOn, "heldOn", "会议日期");
        var minutes = await CasePages.ReadAsync(Minutes, Ct);
        return await StepAsync(id, "会议审议已记录。",
            (a, ct) => procedure.MeetingAsync(id, new MeetingRequest(on, Kind, minutes, Minutes?.FileName), a, ct));
    }

    public Task<IActionResult> OnPostDecisionAsync(Guid id) =>
        StepAsync(id, "认定决定书已签发并送达。", (a, ct) => documents.DecisionAsync(id, new DecisionRequest(Contact, ContactPhone, Mode), a, ct));

    public Task<IActionResult> OnPostTransferAsync(Guid id)
    {
        var on = Day(On, "on", "移送日期");
        return StepAsync(id, "移送单已填写，已移送法制部门。", (a, ct) => documents.TransferAsync(id, new StepRequest(on, Note), a, ct));
    }

    /// <summary>
    /// Does the step unless a date typed was no date; done, back to the case page with what was done; refused, the page
    /// again with what was typed and the problems.
    /// </summary>
    private async Task<IActionResult> StepAsync(Guid id, string done, Func<CaseActor, CancellationToken, Task<(CaseView? Case, Refusal? Refused)>> step,
        Func<string, string>? input = null)
    {
        if (ModelState.ErrorCount > 0)
        {
            if (!await LoadAsync(id)) return NotFound();
            Refused = PageRefusals.SeeFields;
            return Page();
        }
        var (view, refused) = await step(Actor, Ct);
        if (view is null) return await ShowAsync(id, refused!, input);
        TempData["Done"] = done;
        return Redirect($"/officer/cases/{id}");
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal refused, Func<string, string>? input = null)
    {
        if (refused.IsNotFound || !await LoadAsync(id)) return NotFound();
        Refused = ModelState.Show(refused, input);
        Others.AddRange(refused.Problems.Where(p => !Known(input is null ? p.Field : input(p.Field))).Select(p => p.Message));
        return Page();
    }

    private static bool Known(string field) =>
        Inputs.Contains(field) || field.StartsWith("legalRepresentative.", StringComparison.Ordinal) || field.StartsWith("principal.", StringComparison.Ordinal)
        || field.StartsWith("persons[", StringComparison.Ordinal);

    /// <summary>A problem of the k-th person the service was given, under the row it came from.</summary>
    private static string Row(string field, List<int> rows)
    {
        if (!field.StartsWith("persons[", StringComparison.Ordinal)) return field;
        var end = field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(field.AsSpan(8, end - 8), out var k) && k < rows.Count ? $"persons[{rows[k]}]{field[(end + 1)..]}" : field;
    }

    private DateOnly? Day(string? value, string field, string label) =>
        CasePages.Date(value, field, label, (f, message) => ModelState.AddModelError(f, message));

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await cases.GetAsync(id, User.StaffBureau(), Ct);
        if (view is null) return false;
        Case = view;
        var now = time.GetUtcNow();
        Today = LegalDates.BeijingDate(now);
        if (view.State == CaseState.Notice) ProposedReply = LegalDates.ProposedReplyDate(now, await calendars.CurrentAsync(Ct));
        return true;
    }
}
