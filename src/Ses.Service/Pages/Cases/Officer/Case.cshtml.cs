using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Consent;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Pages.Officer;
using Ses.Service.Records;
using Ses.Service.Storage;

namespace Ses.Service.Pages.Cases.Officer;

/// <summary>
/// A credit case for its officer: the facts, the next step with its due date and rule, the timeline, and one form — the
/// step the case's state calls for (实施办法第十二条至第十四条). A refused step changes nothing: field problems beside their
/// inputs, a step out of turn as a message above. Issuing the notice or the decision asks for confirmation first (the
/// number taken cannot be used again; how it is served). The steps' files download under their own names; the record
/// the case led to is shown. Another bureau's case is not found.
/// </summary>
public sealed class CaseModel(
    CaseService cases, CaseProcedure procedure, CaseDocumentSteps documents, CalendarStore calendars, SesDbContext db, IFileStore files,
    RecordQueries records, DocumentEngine engine, ConsentLetters consent, TimeProvider time) : PageModel, IKeepsTypedData
{
    /// <summary>Whether the case's counterparty can be served electronically (the notice and decision steps).</summary>
    public ElectronicService? Electronic { get; private set; }

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

    /// <summary>The record the case led to, once recorded.</summary>
    public RecordView? Record { get; private set; }

    /// <summary>The confirmation asked for before issuing: <c>notice</c> or <c>decision</c>; null when none.</summary>
    public string? Confirming { get; private set; }

    /// <summary>The number issuing now would most likely take (预计文号).</summary>
    public string? PredictedNumber { get; private set; }

    /// <summary>For an electronic service: the day the document would be deemed delivered (确认函第二条).</summary>
    public LegalDate? Deemed { get; private set; }

    /// <summary>The second step of issuing: the officer saw what follows and confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

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

    /// <summary>The case file (案卷) as one ZIP for reconsideration and court, as the API exports it.</summary>
    public async Task<IActionResult> OnGetCaseFileAsync(Guid id, [FromServices] CaseFileService caseFiles)
    {
        var (file, refused) = await caseFiles.ExportAsync(id, Actor, Ct);
        if (file is not null) return File(file.Zip, "application/zip", file.FileName);
        return refused!.IsNotFound ? NotFound() : await ShowAsync(id, refused);
    }

    /// <summary>The case's stored file of the <paramref name="step"/>-th step of its timeline, under its own name.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, int step) =>
        await CaseFiles.FindAsync(db, files, id, User.StaffBureau(), step, Ct) is { } file ? file : NotFound();

    public async Task<IActionResult> OnPostNoticeAsync(Guid id)
    {
        var reply = Day(ReplyDeadline, "replyDeadline", "陈述和申辩期限");
        if (!Confirmed) return await ConfirmAsync(id, CaseState.Notice);
        return await StepAsync(id, "告知书已签发并送达。", (a, ct) => documents.NoticeAsync(id, new NoticeRequest(reply, Contact, ContactPhone, Mode), a, ct));
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

    public async Task<IActionResult> OnPostDecisionAsync(Guid id)
    {
        if (!Confirmed) return await ConfirmAsync(id, CaseState.Decision);
        return await StepAsync(id, "认定决定书已签发并送达。", (a, ct) => documents.DecisionAsync(id, new DecisionRequest(Contact, ContactPhone, Mode), a, ct));
    }

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

    /// <summary>
    /// The first step of issuing the notice or the decision: what issuing would refuse at once (a date that is no date,
    /// no service mode, the decision not served both ways) is said beside its input; otherwise the page asks for
    /// confirmation, with the number it would most likely take and, served electronically, the deemed delivery date.
    /// </summary>
    private async Task<IActionResult> ConfirmAsync(Guid id, string state)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Case.State != state)
        {
            var step = state == CaseState.Notice ? CaseSteps.Notice : CaseSteps.Decision;
            return await ShowAsync(id, Refusal.Conflict(ErrorCodes.CaseStepState, $"案件当前环节为「{Case.StateLabel}」，不能办理「{CaseSteps.Label(step)}」"));
        }
        if (Mode is not ("electronic" or "paper" or "both"))
        {
            ModelState.AddModelError("mode", "「送达方式」：请选择送达方式");
        }
        else if (state == CaseState.Decision && Mode != "both")
        {
            // 确认函第一条: the decision is an important document, served both ways (the service refuses it too, after issuing).
            ModelState.AddModelError("mode", "「送达方式」：重要文书（如认定决定书）应当同时电子送达和纸质送达（《关于使用民航行业监管执法信息系统（SES）的确认函》第一条）");
        }
        if (ModelState.ErrorCount > 0)
        {
            Refused = PageRefusals.SeeFields;
            return Page();
        }
        var now = time.GetUtcNow();
        var form = engine.Templates.FindForm(state == CaseState.Notice ? "notice-org" : "decision-org")!;
        PredictedNumber = await NumberForecast.NextAsync(db, engine, Case.Bureau, form, now, Ct);
        if (Mode != "paper") Deemed = LegalDates.DeemedDelivery(now, await calendars.CurrentAsync(Ct));
        Confirming = state;
        return Page();
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
        Record = await CaseRecords.OfCaseAsync(db, records, id, view.Bureau, Ct);
        var now = time.GetUtcNow();
        Today = LegalDates.BeijingDate(now);
        if (view.State == CaseState.Notice) ProposedReply = LegalDates.ProposedReplyDate(now, await calendars.CurrentAsync(Ct));
        if (view.State is CaseState.Notice or CaseState.Decision) Electronic = await consent.ElectronicServiceAsync(view.CounterpartyId, Ct);
        return true;
    }
}
