using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Http;
using Ses.Service.Issuing;
using Ses.Service.Signing;

namespace Ses.Service.Cases;

/// <summary>
/// The steps of a credit case that produce a document from the case's data (<see cref="CaseDocuments"/>): the notice
/// and the decision, issued, signed and served like every document; the transfer slip, rendered, sealed with the
/// department's key (<see cref="UnitSeals"/>) and kept with the case.
/// A step interrupted after issuing (e.g. the counterparty has no account for electronic service) is resumed by doing it
/// again: the document already issued is served, never issued twice.
/// </summary>
public sealed class CaseDocumentSteps(
    SesDbContext db, CaseStepRecorder steps, DraftService drafts, DeliveryService deliveries, DocumentEngine engine, UnitSeals seals)
{
    /// <summary>
    /// The notice (告知书), after the leader's approval, with the last day for a statement it states (proposed when not
    /// given, never fewer than 5 working days after the latest possible delivery: 实施办法第十三条); served.
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> NoticeAsync(Guid id, NoticeRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Notice, CaseSteps.Notice, ct);
        if (c is null) return (null, refused);
        var problems = new List<Problem>();
        var mode = await ModeAsync(problems, c, request.Mode, important: false, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var (formId, data) = CaseDocuments.Notice(await ContextAsync(c, ct), request.ReplyDeadline, request.Contact, request.ContactPhone);
        var (document, notIssued) = await IssueAsync(c, CaseSteps.Notice, formId, data, actor, ct);
        if (document is null) return (null, notIssued);
        if (await ServeAsync(document, mode, actor, ct) is { } notServed) return (null, notServed);
        var stated = JsonNode.Parse(document.DataJson)!["replyDeadline"]!.GetValue<string>();
        c.ReplyDeadline = DateOnly.ParseExact(stated, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var step = await steps.StepAsync(c, CaseSteps.Notice, steps.Today, actor, null, ct);
        step.DocumentId = document.Id;
        return await steps.RecordAsync(c, step, CaseState.Statement, null, actor, ct);
    }

    /// <summary>
    /// The decision (决定书) within 7 working days of the meeting, its validity from the clauses (实施办法第八条第二款、
    /// 第十四条第一款、第十七条); an important document, served both ways (确认函第一条).
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> DecisionAsync(Guid id, DecisionRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Decision, CaseSteps.Decision, ct);
        if (c is null) return (null, refused);
        var problems = new List<Problem>();
        // An important document is served both ways (确认函第一条), on paper alone when the counterparty cannot be served
        // electronically: refused before a number is taken, not after.
        var mode = await ModeAsync(problems, c, request.Mode, important: true, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var meeting = await LastAsync(c, CaseSteps.Meeting, ct);
        var (formId, data) = CaseDocuments.Decision(await ContextAsync(c, ct), request.Contact, request.ContactPhone);
        var (document, notIssued) = await IssueAsync(c, CaseSteps.Decision, formId, data, actor, ct);
        if (document is null) return (null, notIssued);
        if (await ServeAsync(document, mode, actor, ct) is { } notServed) return (null, notServed);
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find("decision")!, meeting.DoneOn, await steps.CalendarAsync(ct));
        var step = await steps.StepAsync(c, CaseSteps.Decision, steps.Today, actor, due, ct);
        step.DocumentId = document.Id;
        return await steps.RecordAsync(c, step, CaseState.Transfer, null, actor, ct);
    }

    /// <summary>
    /// The transfer slip (移送单) to the legal department within 3 working days of the decision taking effect on its
    /// delivery; legal staff enter the record within 3 working days of receiving it (实施办法第十四条第二款).
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> TransferAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Transfer, CaseSteps.Transfer, ct);
        if (c is null) return (null, refused);
        var served = await DeliveredAsync(c, CaseSteps.Decision, ct);
        if (served is null) return (null, Refusal.Conflict(ErrorCodes.CaseNotDelivered, "认定决定书尚未送达生效，不能移送（实施办法第十四条第二款）"));
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "移送日期", request.On, served.Value.On, "认定决定书送达之日");
        CaseStepRecorder.Text(problems, engine, "note", "备注", request.Note, CaseProcedure.NoteLength);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var meeting = await LastAsync(c, CaseSteps.Meeting, ct);
        var (formId, data) = CaseDocuments.Transfer(await ContextAsync(c, ct), meeting.DoneOn, served.Value.Number, served.Value.On, on);
        using var json = JsonDocument.Parse(data.ToJsonString());
        var (input, formProblems) = engine.Validate(formId, json.RootElement, c.Bureau);
        if (input is null) return (null, Refusal.Invalid(formProblems));
        // Sealed by the department with its own key (XX处（盖章）); a department without one refuses the step, nothing stored.
        var (pdf, unsealed) = seals.Seal(input);
        if (pdf is null) return (null, unsealed);
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c, CaseSteps.Transfer, on, actor, CaseTimeLimits.Due(CaseTimeLimits.Find("transfer")!, served.Value.On, calendar), ct);
        step.FileSha256 = await steps.StoreAsync(pdf, ct);
        step.FileName = $"{engine.Templates.FindForm(formId)!.Title}.pdf";
        if (!string.IsNullOrWhiteSpace(request.Note)) step.Note = request.Note.Trim();
        var entry = CaseTimeLimits.Due(CaseTimeLimits.Find("entry")!, on, calendar);
        return await steps.RecordAsync(c, step, CaseState.Entry, entry, actor, ct);
    }

    /// <summary>
    /// The document the case's next step will issue, as issuing would print it now but marked 「样稿」: the notice while
    /// it is approved or issued, the decision while the meeting decides or it is issued; null for other states.
    /// </summary>
    public async Task<(byte[]? Pdf, Refusal? Refused)> PreviewAsync(Guid id, string bureau, CancellationToken ct)
    {
        var c = await db.CreditCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (c is null) return (null, Refusal.NotFound);
        var x = await ContextAsync(c, ct);
        var (formId, data) = c.State switch
        {
            CaseState.NoticeApproval or CaseState.Notice or CaseState.Collecting or CaseState.OfficeReview => CaseDocuments.Notice(x, null, null, null),
            CaseState.Meeting or CaseState.Decision or CaseState.Statement or CaseState.StatementReview => CaseDocuments.Decision(x, null, null),
            _ => (null!, null!),
        };
        if (formId is null)
        {
            return (null, Refusal.Conflict(ErrorCodes.CaseStepState, $"案件当前环节为「{CaseState.Label(c.State)}」，没有待签发的文书"));
        }
        var draft = new Draft { Bureau = c.Bureau, FormId = formId, DataJson = data.ToJsonString(), CreatedBy = "", CreatedAt = default };
        var (pdf, problems) = await drafts.PreviewAsync(draft, ct);
        return pdf is null ? (null, Refusal.Invalid(problems)) : (pdf, null);
    }

    /// <summary>The delivery date, number and id of the case's document issued by <paramref name="step"/>, once delivered.</summary>
    public async Task<(DateOnly On, string Number, Guid Id)?> DeliveredAsync(CreditCase c, string step, CancellationToken ct)
    {
        var row = await (
            from d in db.Drafts.AsNoTracking()
            join doc in db.IssuedDocuments.AsNoTracking() on d.IssuedDocumentId equals doc.Id
            join r in db.Deliveries.AsNoTracking() on doc.Id equals r.DocumentId
            where d.CaseId == c.Id && d.CaseStep == step && r.DeliveredOn != null && doc.VoidedAt == null
            select new { On = r.DeliveredOn!.Value, doc.Number, doc.Id }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.On, row.Number, row.Id);
    }

    /// <summary>
    /// Issues the step's document from <paramref name="data"/> through a draft linked to the case (so the document and
    /// the link are stored together); a document the step already issued and not voided is returned instead.
    /// </summary>
    internal async Task<(IssuedDocument? Document, Refusal? Refused)> IssueAsync(CreditCase c, string step, string formId, JsonObject data, CaseActor actor,
        CancellationToken ct)
    {
        var existing = await db.Drafts.AsNoTracking().Where(d => d.CaseId == c.Id && d.CaseStep == step).OrderByDescending(d => d.CreatedAt)
            .FirstOrDefaultAsync(ct);
        var seen = existing?.Id; // StepLink.Seen: the attempt follows the draft this request decided on
        if (existing?.IssuedDocumentId is { } issuedId)
        {
            var issued = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == issuedId, ct);
            if (issued.VoidedAt is null) return (issued, null);
            existing = null;
        }
        using var json = JsonDocument.Parse(data.ToJsonString());
        Draft? draft;
        Refusal? refused;
        if (existing is null)
        {
            (draft, refused) = await drafts.CreateAsync(new DraftRequest(formId, json.RootElement, null, c.CounterpartyId), actor.Bureau, actor.UserName,
                actor.Source, ct, new StepLink(c.Id, null, step, seen));
            if (draft is null) return (null, refused);
        }
        else
        {
            // Filled again from the case as it is now: a change made since the last attempt is in the document.
            (draft, refused) = await drafts.UpdateAsync(existing.Id, new DraftUpdate(json.RootElement, existing.Version, c.CounterpartyId), actor.Bureau,
                actor.UserName, actor.Source, ct);
            if (draft is null) return (null, refused);
        }
        return await drafts.IssueAsync(draft.Id, actor.Bureau, actor.UserName, actor.Source, ct);
    }

    internal async Task<Refusal?> ServeAsync(IssuedDocument document, ServiceMode? mode, CaseActor actor, CancellationToken ct)
    {
        if (await db.Deliveries.AsNoTracking().AnyAsync(d => d.DocumentId == document.Id, ct)) return null;
        var (_, refused) = await deliveries.ServeAsync(document.Id, actor.Bureau, mode, actor.UserName, ct);
        return refused;
    }

    internal async Task<CaseDocuments.Context> ContextAsync(CreditCase c, CancellationToken ct)
    {
        var party = await db.Counterparties.AsNoTracking().SingleAsync(p => p.Id == c.CounterpartyId, ct);
        var persons = await db.CasePersons.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == c.CollectingUnitId, ct);
        // The department the transfer slip names: a supervision office's collection goes through the department it submits to.
        var department = unit.SubmitsToUnitId is { } up ? await db.Units.AsNoTracking().SingleAsync(u => u.Id == up, ct) : unit;
        return new CaseDocuments.Context(c, party, persons, department.Name);
    }

    private Task<CaseStep> LastAsync(CreditCase c, string step, CancellationToken ct) =>
        db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c.Id && s.Step == step).OrderByDescending(s => s.Number).FirstAsync(ct);

    /// <summary>
    /// The mode the case's document will be served in, checked before it is issued: as given, else the default for the
    /// counterparty (<see cref="DeliveryService.ModeAsync"/>); a problem on <c>mode</c> when it cannot be served so.
    /// </summary>
    internal async Task<ServiceMode?> ModeAsync(List<Problem> problems, CreditCase c, string? given, bool important, CancellationToken ct)
    {
        var requested = Mode(problems, given);
        if (problems.Any(p => p.Field == "mode")) return null;
        var (mode, _, problem) = await deliveries.ModeAsync(c.CounterpartyId, requested, important, ct);
        if (problem is not null) problems.Add(problem);
        return mode;
    }

    internal static ServiceMode? Mode(List<Problem> problems, string? given)
    {
        if (string.IsNullOrEmpty(given)) return null;
        if (Enum.TryParse<ServiceMode>(given, ignoreCase: true, out var m) && !int.TryParse(given, out _)) return m;
        problems.Add(new("mode", ErrorCodes.FieldChoiceUnknown, "「送达方式」应为 electronic（电子送达）、paper（纸质送达）或 both（两者）"));
        return null;
    }
}
