using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Records;
using Ses.Service.Signing;
using Ses.Service.Units;

namespace Ses.Service.Cases;

/// <summary>
/// The steps of a credit case that record what people did (实施办法第十二条至第十四条): collection, the department's review,
/// the leader's approvals, the statement and its review, the meeting, the entry. The steps that issue a document are in
/// <see cref="CaseDocumentSteps"/>. A refused step stores nothing.
/// </summary>
public sealed class CaseProcedure(
    SesDbContext db, CaseService cases, CaseStepRecorder steps, CaseDocumentSteps documents, RecordService records, DocumentEngine engine,
    UnitSeals seals)
{
    public const int NoteLength = 2000;

    /// <summary>The states in which the case's facts may still be changed: before the notice tells them to the counterparty.</summary>
    public static readonly string[] Editable = [CaseState.Collecting, CaseState.OfficeReview, CaseState.NoticeApproval, CaseState.Notice];

    /// <summary>
    /// Changes the case's facts before the notice is issued; the documents produced afterwards carry the change. The
    /// counterparty cannot change (a case concerns one counterparty). Recorded in the timeline.
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> UpdateAsync(Guid id, CaseRequest request, CaseActor actor, CancellationToken ct)
    {
        var c = await db.CreditCases.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == actor.Bureau, ct);
        if (c is null) return (null, Refusal.NotFound);
        if (!Editable.Contains(c.State))
        {
            return (null, Refusal.Conflict(ErrorCodes.CaseStepState, "告知书已发出，案件信息不能再修改；信用信息有误的，按实施办法第二十四条更正"));
        }
        var problems = new List<Problem>();
        if (request.CounterpartyId is { } other && other != c.CounterpartyId)
        {
            problems.Add(new("counterpartyId", ErrorCodes.CaseCounterparty, "立案后不能更换相对人：一个案件只针对一个相对人"));
        }
        var (clauses, unit) = await cases.CheckAsync(problems, request with { CollectingUnitId = request.CollectingUnitId ?? c.CollectingUnitId },
            actor.Bureau, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        (c.Act, c.Facts, c.ActDate) = (request.Act!.Trim(), request.Facts!.Trim(), request.ActDate!.Value);
        c.Clauses = string.Join(",", clauses.Select(x => x.Code));
        (c.DecisionNumber, c.DecisionDate, c.DecisionIssuer) = (request.DecisionNumber!.Trim(), request.DecisionDate!.Value, request.DecisionIssuer!.Trim());
        c.CollectingUnitId = unit!.Id;
        var due = c.State == CaseState.Collecting
            ? CaseService.CollectionDue(c, unit, await steps.CalendarAsync(ct))
            : c.DueDate is { } d ? new LegalDate(d, c.DueProvisional, c.DueRule ?? "") : null;
        var step = await steps.StepAsync(c, CaseSteps.Amended, steps.Today, actor, null, ct);
        return await steps.RecordAsync(c, step, c.State, due, actor, ct);
    }

    /// <summary>
    /// The collection form (采集单) filled in from the case and the persons recorded with an organisation (实施办法第八条
    /// 第三款), rendered, sealed with the collecting unit's key and kept with the case; a supervision office's goes to its
    /// department for review (第十二条第二款).
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> CollectAsync(Guid id, CollectionRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Collecting, CaseSteps.Collection, ct);
        if (c is null) return (null, refused);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "collectedOn", "采集日期", request.CollectedOn, c.DecisionDate, "处理决定或者性质认定日期");
        CaseStepRecorder.Text(problems, engine, "remarks", "备注", request.Remarks, NoteLength);
        var party = await db.Counterparties.AsNoTracking().SingleAsync(p => p.Id == c.CounterpartyId, ct);
        var persons = Persons(problems, c, party, request);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == c.CollectingUnitId, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var (formId, data) = CaseDocuments.Collection(new(c, party, persons, unit.Name), on, request.Remarks);
        using var json = JsonDocument.Parse(data.ToJsonString());
        var (input, formProblems) = engine.Validate(formId, json.RootElement, c.Bureau);
        if (input is null) return (null, Refusal.Invalid(formProblems.Select(CollectionField).ToList()));
        // Sealed by the collecting unit with its own key (采集单位（盖章）); a unit without one refuses the step, nothing stored.
        var (pdf, unsealed) = seals.Seal(input);
        if (pdf is null) return (null, unsealed);
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c, CaseSteps.Collection, on, actor, CaseService.CollectionDue(c, unit, calendar), ct);
        step = WithFile(step, await steps.StoreAsync(pdf, ct), $"{Title(formId)}.pdf", request.Remarks);
        var office = unit.Kind == UnitKind.Office;
        var next = office ? CaseTimeLimits.Due(CaseTimeLimits.Find("office-review")!, on, calendar) : null;
        return await steps.RecordAsync(c, step, office ? CaseState.OfficeReview : CaseState.NoticeApproval, next, actor, ct, persons);
    }

    /// <summary>The department's review of what a supervision office collected, within 7 working days (实施办法第十二条第二款).</summary>
    public async Task<(CaseView? Case, Refusal? Refused)> ReviewCollectionAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.OfficeReview, CaseSteps.OfficeReview, ct);
        if (c is null) return (null, refused);
        var collected = await LastAsync(c, CaseSteps.Collection, ct);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "审核日期", request.On, collected.DoneOn, "监管局报送之日");
        CaseStepRecorder.Text(problems, engine, "note", "审核意见", request.Note, NoteLength);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find("office-review")!, collected.DoneOn, await steps.CalendarAsync(ct));
        var step = await steps.StepAsync(c, CaseSteps.OfficeReview, on, actor, due, ct);
        return await steps.RecordAsync(c, Noted(step, request.Note, null), CaseState.NoticeApproval, null, actor, ct);
    }

    /// <summary>
    /// The leader's approval: of the notice (实施办法第十三条第一款) or of closing without a record after an adopted
    /// statement (第十三条第二款). Returned, the case goes back to the step before with the leader's note.
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> ApproveAsync(Guid id, ApprovalRequest request, CaseActor actor, CancellationToken ct)
    {
        var c = await db.CreditCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Bureau == actor.Bureau, ct);
        if (c is null) return (null, Refusal.NotFound);
        var (state, stepName, approved, returned) = c.State == CaseState.CloseApproval
            ? (CaseState.CloseApproval, CaseSteps.CloseApproval, CaseState.NotRecorded, CaseState.StatementReview)
            : (CaseState.NoticeApproval, CaseSteps.NoticeApproval, CaseState.Notice, CaseState.Collecting);
        var (tracked, refused) = await steps.FindAsync(id, actor.Bureau, state, stepName, ct);
        if (tracked is null) return (null, refused);
        var problems = new List<Problem>();
        if (request.Approve is null) problems.Add(new("approve", ErrorCodes.FieldRequired, "「审批意见」必须选择：同意或者退回"));
        CaseStepRecorder.Text(problems, engine, "note", "审批意见", request.Note, NoteLength, required: request.Approve == false);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var step = await steps.StepAsync(tracked, stepName, steps.Today, actor, null, ct);
        var yes = request.Approve == true;
        step = Noted(step, request.Note, yes ? CaseSteps.Approved : CaseSteps.Returned);
        var back = returned == CaseState.Collecting
            ? CaseService.CollectionDue(tracked, await db.Units.AsNoTracking().SingleAsync(u => u.Id == tracked.CollectingUnitId, ct),
                await steps.CalendarAsync(ct))
            : await ReviewDueAsync(tracked, ct);
        return await steps.RecordAsync(tracked, step, yes ? approved : returned, yes ? null : back, actor, ct);
    }

    /// <summary>
    /// A statement and defence received (in the counterparty's account or recorded by the officer with the file); it is
    /// reviewed within 7 working days (实施办法第十三条第二款). A statement after the notice's date is recorded as late.
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> StatementAsync(Guid id, StatementRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Statement, CaseSteps.Statement, ct);
        if (c is null) return (null, refused);
        var notice = await LastAsync(c, CaseSteps.Notice, ct);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "receivedOn", "收到日期", request.ReceivedOn, notice.DoneOn, "告知书发出之日");
        CaseStepRecorder.Text(problems, engine, "text", "陈述和申辩意见", request.Text, CaseService.FactsLength, required: request.File is null);
        CaseStepRecorder.File(problems, "file", "陈述和申辩材料", request.File, required: false);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var deadline = new LegalDate(c.ReplyDeadline!.Value, false, $"陈述和申辩期限：告知书规定 {c.ReplyDeadline:yyyy-MM-dd} 前提交（实施办法第十三条）");
        var step = await steps.StepAsync(c, CaseSteps.Statement, on, actor, deadline, ct);
        if (request.File is { Length: > 0 } file)
        {
            step = WithFile(step, await steps.StoreAsync(file, ct), CaseStepRecorder.FileName(request.FileName, "陈述和申辩材料"), null);
        }
        step = Noted(step, request.Text, null);
        var review = CaseTimeLimits.Due(CaseTimeLimits.Find("statement-review")!, on, await steps.CalendarAsync(ct));
        return await steps.RecordAsync(c, step, CaseState.StatementReview, review, actor, ct);
    }

    /// <summary>
    /// No statement by the date the notice states: the right is waived (告知书：逾期视为放弃) and the case goes to the
    /// meeting. Refused while the period runs or before the notice is delivered.
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> NoStatementAsync(Guid id, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Statement, CaseSteps.NoStatement, ct);
        if (c is null) return (null, refused);
        if (steps.Today <= c.ReplyDeadline) return (null, PeriodOpen(c.ReplyDeadline.Value));
        var delivered = await (
            from d in db.Drafts.AsNoTracking()
            join r in db.Deliveries.AsNoTracking() on d.IssuedDocumentId equals r.DocumentId
            where d.CaseId == c.Id && d.CaseStep == CaseSteps.Notice && r.DeliveredOn != null
            select r.DeliveredOn).FirstOrDefaultAsync(ct);
        if (delivered is null) return (null, Refusal.Conflict(ErrorCodes.CaseNotDelivered, "告知书尚未送达，不能视为放弃陈述和申辩"));
        // The date the notice states, never earlier than the 5th working day after its delivery (实施办法第十三条).
        var last = LegalDates.DefenceDeadline(delivered.Value, c.ReplyDeadline, await steps.CalendarAsync(ct)).Date;
        if (steps.Today <= last) return (null, PeriodOpen(last));
        var step = await steps.StepAsync(c, CaseSteps.NoStatement, steps.Today, actor, null, ct);
        return await steps.RecordAsync(c, Noted(step, $"告知书规定的期限（{last:yyyy-MM-dd}）届满未提出陈述和申辩，视为放弃", null), CaseState.Meeting, null,
            actor, ct);
    }

    /// <summary>
    /// The review of the statement within 7 working days: adopted, the leader approves not recording; not adopted, the
    /// case goes to the meeting (实施办法第十三条第二款).
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> ReviewStatementAsync(Guid id, ReviewRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.StatementReview, CaseSteps.StatementReview, ct);
        if (c is null) return (null, refused);
        var statement = await LastAsync(c, CaseSteps.Statement, ct);
        var problems = new List<Problem>();
        if (request.Adopted is null) problems.Add(new("adopted", ErrorCodes.FieldRequired, "「复核结论」必须选择：采纳或者不予采纳"));
        var on = steps.Day(problems, "on", "复核日期", request.On, statement.DoneOn, "收到陈述和申辩之日");
        CaseStepRecorder.Text(problems, engine, "reason", "复核理由", request.Reason, NoteLength, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var step = await steps.StepAsync(c, CaseSteps.StatementReview, on, actor, await ReviewDueAsync(c, ct), ct);
        step = Noted(step, request.Reason, request.Adopted == true ? CaseSteps.Adopted : CaseSteps.NotAdopted);
        return await steps.RecordAsync(c, step, request.Adopted == true ? CaseState.CloseApproval : CaseState.Meeting, null, actor, ct);
    }

    /// <summary>
    /// The meeting (局务会 or an authorised meeting) with its minutes; the decision is due within 7 working days of it
    /// (实施办法第十四条第一款).
    /// </summary>
    public async Task<(CaseView? Case, Refusal? Refused)> MeetingAsync(Guid id, MeetingRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Meeting, CaseSteps.Meeting, ct);
        if (c is null) return (null, refused);
        var before = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c.Id).OrderByDescending(s => s.Number).FirstAsync(ct);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "heldOn", "会议日期", request.HeldOn, before.DoneOn, "上一环节办理之日");
        if (request.Kind is not (null or "bureau" or "authorised"))
        {
            problems.Add(new("kind", ErrorCodes.FieldChoiceUnknown, "「会议类型」应为 bureau（局务会）或 authorised（授权会议）"));
        }
        CaseStepRecorder.File(problems, "minutes", "会议纪要", request.Minutes, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var step = await steps.StepAsync(c, CaseSteps.Meeting, on, actor, null, ct);
        step = WithFile(step, await steps.StoreAsync(request.Minutes!, ct), CaseStepRecorder.FileName(request.MinutesName, "会议纪要"),
            request.Kind == "authorised" ? "授权会议" : "局务会");
        var decision = CaseTimeLimits.Due(CaseTimeLimits.Find("decision")!, on, await steps.CalendarAsync(ct));
        return await steps.RecordAsync(c, step, CaseState.Decision, decision, actor, ct);
    }

    /// <summary>The entry of the record by legal staff, within 3 working days of receiving the transfer slip (实施办法第十四条第二款).</summary>
    public async Task<(CaseView? Case, Refusal? Refused)> EnterAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await steps.FindAsync(id, actor.Bureau, CaseState.Entry, CaseSteps.Entry, ct);
        if (c is null) return (null, refused);
        var transfer = await LastAsync(c, CaseSteps.Transfer, ct);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "记入日期", request.On, transfer.DoneOn, "收到移送单之日");
        CaseStepRecorder.Text(problems, engine, "note", "备注", request.Note, NoteLength);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find("entry")!, transfer.DoneOn, await steps.CalendarAsync(ct));
        if (await documents.DeliveredAsync(c, CaseSteps.Decision, ct) is null)
        {
            return (null, Refusal.Conflict(ErrorCodes.CaseNotDelivered, "认定决定书尚未送达生效，不能记入信用记录（实施办法第十四条第二款、第十七条）"));
        }
        var step = await steps.StepAsync(c, CaseSteps.Entry, on, actor, due, ct);
        // The record, its linked persons and its evidence are stored in the step's transaction (实施办法第十四条第二款).
        var entry = await EntryAsync(c, on, ct);
        return await steps.RecordAsync(c, Noted(step, request.Note, null), CaseState.Recorded, null, actor, ct,
            alongside: chain => records.StageEntryAsync(chain, entry, actor.UserName, step.RecordedAt, ct));
    }

    /// <summary>
    /// What the record holds, from the case: the party, the act, the clauses, the decision and its delivery date (from which
    /// the validity runs, 实施办法第十七条), the persons recorded with an organisation (实施办法第八条第三款).
    /// </summary>
    private async Task<RecordEntry> EntryAsync(CreditCase c, DateOnly on, CancellationToken ct)
    {
        var party = await db.Counterparties.AsNoTracking().SingleAsync(p => p.Id == c.CounterpartyId, ct);
        var decision = (await documents.DeliveredAsync(c, CaseSteps.Decision, ct))!.Value;
        var persons = await db.CasePersons.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.Order).ToListAsync(ct);
        var governing = CaseDocuments.Governing(c);
        return new RecordEntry(c.Id, c.Bureau, party.Id, party.Name, CaseDocuments.IsPerson(party) ? "person" : "org", party.IdScheme, party.IdValue,
            c.Act, c.Clauses, governing.Code, governing.ValidityYears, decision.Number, decision.Id, decision.On, on,
            persons.Select(p => new RecordPerson(p.Role, p.Name, p.IdScheme, p.IdValue, p.Position)).ToList());
    }

    private static Refusal PeriodOpen(DateOnly last) =>
        Refusal.Conflict(ErrorCodes.CaseStatementPeriodOpen, $"陈述和申辩期限至 {DateValue.FormatChinese(last)} 届满，期限届满后才能提请审议（实施办法第十三条）");

    private async Task<LegalDate> ReviewDueAsync(CreditCase c, CancellationToken ct) =>
        CaseTimeLimits.Due(CaseTimeLimits.Find("statement-review")!, (await LastAsync(c, CaseSteps.Statement, ct)).DoneOn, await steps.CalendarAsync(ct));

    private Task<CaseStep> LastAsync(CreditCase c, string step, CancellationToken ct) =>
        db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c.Id && s.Step == step).OrderByDescending(s => s.Number).FirstAsync(ct);

    /// <summary>
    /// The persons recorded with an organisation (实施办法第八条第三款): the legal representative is required (the form
    /// asks for one); for an individual there are none.
    /// </summary>
    private static List<CasePerson> Persons(List<Problem> problems, CreditCase c, Counterparty party, CollectionRequest request)
    {
        var persons = new List<CasePerson>();
        if (CaseDocuments.IsPerson(party)) return persons;
        if (request.LegalRepresentative is null)
        {
            problems.Add(new("legalRepresentative", ErrorCodes.FieldRequired, "「法定代表人（主要负责人）」必须填写（实施办法第八条第三款）"));
        }
        Add("legalRepresentative", PersonRoles.LegalRepresentative, request.LegalRepresentative);
        Add("principal", PersonRoles.Principal, request.Principal);
        for (var i = 0; i < (request.Persons?.Count ?? 0); i++) Add($"persons[{i}]", PersonRoles.Responsible, request.Persons![i]);
        return persons;

        void Add(string field, string role, PersonInput? p)
        {
            if (p is null) return;
            if (string.IsNullOrWhiteSpace(p.Name)) problems.Add(new($"{field}.name", ErrorCodes.FieldRequired, $"「{PersonRoles.Label(role)}姓名」必须填写"));
            if (string.IsNullOrWhiteSpace(p.IdValue)) problems.Add(new($"{field}.idValue", ErrorCodes.FieldRequired, $"「{PersonRoles.Label(role)}证件号码」必须填写"));
            if (p.IdScheme is not (null or "id" or "passport"))
            {
                problems.Add(new($"{field}.idScheme", ErrorCodes.FieldPersonIdScheme, $"「{PersonRoles.Label(role)}证件类型」应为 id（居民身份证）或 passport（护照）"));
            }
            persons.Add(new CasePerson
            {
                Id = Guid.CreateVersion7(), CaseId = c.Id, Role = role, Name = p.Name?.Trim() ?? "",
                IdScheme = p.IdScheme ?? (p.IdValue?.Trim().Length == 18 ? "id" : "passport"), IdValue = p.IdValue?.Trim() ?? "",
                Position = Blank(p.Position), Phone = Blank(p.Phone), Order = persons.Count,
            });
        }

        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    /// <summary>The request's name for a problem the collection form found (<c>legalRepId</c> → <c>legalRepresentative.idValue</c>).</summary>
    private static Problem CollectionField(Problem p)
    {
        var field = p.Field switch
        {
            "collectDate" => "collectedOn",
            var f when f.StartsWith("legalRep", StringComparison.Ordinal) => Member("legalRepresentative", f["legalRep".Length..]),
            var f when f.StartsWith("principal", StringComparison.Ordinal) => Member("principal", f["principal".Length..]),
            var f when f.StartsWith("persons[", StringComparison.Ordinal) => f.Replace(".personId", ".idValue", StringComparison.Ordinal),
            var f => f,
        };
        return p with { Field = field };
    }

    private static string Member(string person, string rest) =>
        $"{person}.{(rest == "Id" ? "idValue" : char.ToLowerInvariant(rest[0]) + rest[1..])}";

    private string Title(string formId) => engine.Templates.FindForm(formId)?.Title ?? formId;


    private static CaseStep WithFile(CaseStep s, string sha256, string name, string? note)
    {
        (s.FileSha256, s.FileName) = (sha256, name);
        return Noted(s, note, null);
    }

    private static CaseStep Noted(CaseStep s, string? note, string? result)
    {
        if (!string.IsNullOrWhiteSpace(note)) s.Note = note.Trim();
        s.Result = result ?? s.Result;
        return s;
    }
}
