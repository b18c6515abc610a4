using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Notifications;
using Ses.Service.Records;
using Ses.Service.Storage;

namespace Ses.Service.Evaluations;

/// <summary>
/// The officer's side of an evaluation round (《通用航空企业诚信经营评价管理暂行办法》第十条至第十五条): the notice, the
/// enterprises and their events with evidence, the pre-evaluation (item 10 straight from the credit records), its
/// publication with the written notices, the reviews and their notices, and the final result. Every change writes an
/// audit entry; the documents are issued and served like every other.
/// </summary>
public sealed class EvaluationRoundService(
    SesDbContext db, EvaluationDocuments documents, EvaluationQueries queries, CalendarStore calendars, IFileStore files, DocumentEngine engine,
    NotificationOutbox outbox, TimeProvider time)
{
    private DateOnly Today => LegalDates.BeijingDate(time.GetUtcNow());

    /// <summary>A new round with its notice (印发通知). One round a year for each bureau; no year before the measures took effect.</summary>
    public async Task<(RoundView? Round, Refusal? Refused)> CreateAsync(RoundRequest request, CaseActor actor, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var today = Today;
        if (request.Year is not { } year)
        {
            problems.Add(new("year", ErrorCodes.FieldRequired, "「评价年度」必须填写"));
        }
        else if (year < EvaluationRounds.FirstYear || year > today.Year)
        {
            problems.Add(new("year", ErrorCodes.EvaluationYear,
                $"「评价年度」应在 {EvaluationRounds.FirstYear} 年（暂行办法第二十条：自2021年9月1日起施行）至 {today.Year} 年之间"));
        }
        CaseStepRecorder.Text(problems, engine, "notice", "评价通知", request.Notice, EvaluationRounds.NoticeLength, required: true);
        if (request.MaterialsDueOn is not { } due) problems.Add(new("materialsDueOn", ErrorCodes.FieldRequired, "「材料报送截止日期」必须填写"));
        else if (due < today) problems.Add(new("materialsDueOn", ErrorCodes.CaseDateOrder, "「材料报送截止日期」不能早于今天"));
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        if (await db.EvaluationRounds.AnyAsync(r => r.Bureau == actor.Bureau && r.Year == request.Year, ct))
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationRoundExists, $"{request.Year} 年度的诚信经营评价已经开始，每年只组织一次年度评价"));
        }
        var now = time.GetUtcNow();
        var round = new EvaluationRound
        {
            Id = Guid.CreateVersion7(now), Bureau = actor.Bureau, Year = request.Year!.Value, State = RoundState.Collecting,
            Notice = request.Notice!.Trim(), NoticeOn = today, MaterialsDueOn = request.MaterialsDueOn!.Value, CreatedBy = actor.UserName,
            CreatedAt = now, Version = 1,
        };
        db.EvaluationRounds.Add(round);
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation-round.created", round.Id.ToString(), actor.Source,
            $"{round.Year} 年度"));
        if (await SaveAsync(ct) is { } changed) return (null, changed);
        return (await queries.RoundAsync(round.Id, actor.Bureau, ct), null);
    }

    /// <summary>Adds an enterprise the bureau supervises to a round still collecting, with its type.</summary>
    public async Task<(RoundView? Round, Refusal? Refused)> AddEnterpriseAsync(Guid roundId, EnterpriseRequest request, CaseActor actor,
        CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId && r.Bureau == actor.Bureau, ct);
        if (round is null) return (null, Refusal.NotFound);
        if (round.State is not (RoundState.Collecting or RoundState.PreEvaluated)) return (null, StateConflict(round, "增加参评企业"));
        var problems = new List<Problem>();
        if (request.CounterpartyId is null) problems.Add(new("counterpartyId", ErrorCodes.FieldRequired, "「参评企业」必须选择"));
        if (EnterpriseTypes.Parse(request.Type) is null)
        {
            problems.Add(new("type", ErrorCodes.EvaluationType, $"「企业类型」应为 {string.Join("、", EnterpriseTypes.All)} 之一（暂行办法附表注1）"));
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var party = await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CounterpartyId && c.SupervisingBureau == actor.Bureau, ct);
        if (party is null) return (null, Refusal.Unknown(ErrorCodes.CounterpartyUnknown, "没有找到该相对人：只能选择本局监管的已登记相对人"));
        if (await db.Evaluations.AnyAsync(e => e.RoundId == round.Id && e.CounterpartyId == party.Id, ct))
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationEnterpriseExists, $"「{party.Name}」已在本年度评价中"));
        }
        var now = time.GetUtcNow();
        db.Evaluations.Add(new Evaluation
        {
            Id = Guid.CreateVersion7(now), RoundId = round.Id, Bureau = actor.Bureau, CounterpartyId = party.Id, Enterprise = party.Name,
            Type = EnterpriseTypes.Name(EnterpriseTypes.Parse(request.Type)!.Value), AddedBy = actor.UserName, AddedAt = now, Version = 1,
        });
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation.enterprise-added", round.Id.ToString(), actor.Source, party.Name));
        // The notice reaches the enterprise (印发通知): its contacts are told to read it and upload the materials.
        var bureau = engine.Templates.FindBureau(actor.Bureau)?.Name ?? actor.Bureau;
        var text = $"贵单位已列入{round.Year}年度通用航空企业诚信经营评价，请于{DateValue.FormatChinese(round.MaterialsDueOn)}前登录 SES（诚信经营评价）阅读评价通知并报送材料。";
        outbox.EnqueueForCounterparty(party, NotificationKind.Alert,
            new NotificationContent($"【{bureau}】{text}", $"{bureau}：{round.Year}年度诚信经营评价", $"{text}\n\n本邮件由系统发送，请勿回复。"));
        if (await SaveAsync(ct) is { } changed) return (null, changed);
        return (await queries.RoundAsync(round.Id, actor.Bureau, ct), null);
    }

    /// <summary>
    /// An event entered with its evidence, while the round collects or is pre-evaluated, or while a review the enterprise
    /// applied for is open. Item 7 is derived, never entered.
    /// </summary>
    public async Task<(EvaluationView? Evaluation, Refusal? Refused)> AddEntryAsync(Guid id, EntryRequest request, CaseActor actor, CancellationToken ct)
    {
        var (e, round, refused) = await OpenAsync(id, actor.Bureau, "录入扣分事项", ct);
        if (e is null) return (null, refused);
        var ev = new EvaluationEvent(request.Item ?? 0, request.Date, request.Cause)
        {
            Corrected = request.Corrected, Fine = request.Fine, Points = request.Points, Excluded = request.Excluded == true, Casualties = request.Casualties,
        };
        var problems = new List<Problem>();
        if (request.Item is null)
        {
            problems.Add(new("item", ErrorCodes.FieldRequired, "「评价指标」必须选择"));
        }
        else
        {
            problems.AddRange(EvaluationValidator.Validate(new EvaluationInput(e.Enterprise, e.Type, round!.Year, [ev]))
                .Select(p => p with { Field = p.Field.Replace("events[0].", "", StringComparison.Ordinal) }));
        }
        if (request.Date is { } date && date.Year != round!.Year)
        {
            problems.Add(new("date", ErrorCodes.EvaluationDate, $"「发生日期」应在 {round.Year} 年度内（暂行办法第六条：评价周期为1个完整的日历年）"));
        }
        if (request.Cause is { Length: > EvaluationRounds.CauseLength }) problems.Add(new("cause", ErrorCodes.FieldTooLong, "「事由」过长"));
        CaseStepRecorder.Text(problems, engine, "evidence", "证据（事实和依据的文书）", request.Evidence, EvaluationRounds.TextLength, required: true);
        CaseStepRecorder.File(problems, "file", "证据文件", request.File, required: false);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var now = time.GetUtcNow();
        var sha = request.File is { Length: > 0 } file ? (await files.PutAsync(file, ct)).Sha256 : null;
        db.EvaluationEntries.Add(new EvaluationEntry
        {
            Id = Guid.CreateVersion7(now), EvaluationId = e.Id, Item = ev.Item, Date = ev.Date!.Value, Cause = ev.CauseKey, Corrected = ev.Corrected,
            Fine = ev.Fine, Points = ev.Points, Excluded = ev.Excluded, Casualties = ev.Casualties, Evidence = request.Evidence!.Trim(),
            FileSha256 = sha, FileName = sha is null ? null : CaseStepRecorder.FileName(request.FileName, "证据文件"), EnteredBy = actor.UserName,
            EnteredAt = now,
        });
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation.entry-added", e.Id.ToString(), actor.Source,
            $"附表第{ev.Item}项 {ev.Date:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return (await queries.EvaluationAsync(e.Id, actor.Bureau, ct), null);
    }

    /// <summary>
    /// Events imported from a file in the format of <c>ses ga score</c>: the file's enterprise, type and year must be the
    /// evaluation's and every event inside the year; each entry keeps the evidence given with its place in the file. All or
    /// nothing: one problem and none is stored.
    /// </summary>
    public async Task<(EvaluationView? Evaluation, Refusal? Refused)> ImportAsync(Guid id, EntryImport request, CaseActor actor, CancellationToken ct)
    {
        var (e, round, refused) = await OpenAsync(id, actor.Bureau, "导入扣分事项", ct);
        if (e is null) return (null, refused);
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "evidence", "证据（事项的来源）", request.Evidence, EvaluationRounds.TextLength, required: true);
        if (string.IsNullOrWhiteSpace(request.File)) problems.Add(new("file", ErrorCodes.FieldRequired, "「导入文件」必须上传"));
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var (input, fileProblems) = EvaluationFile.Read(request.File!);
        if (input is null) return (null, Refusal.Invalid(fileProblems));
        if (input.Enterprise!.Trim() != e.Enterprise)
        {
            problems.Add(new("enterprise", ErrorCodes.EvaluationEnterprise, $"enterprise：文件的企业「{input.Enterprise.Trim()}」不是参评企业「{e.Enterprise}」"));
        }
        if (EnterpriseTypes.Parse(input.Type) is { } type && EnterpriseTypes.Name(type) != e.Type)
        {
            problems.Add(new("type", ErrorCodes.EvaluationType, $"type：文件的企业类型「{EnterpriseTypes.Name(type)}」与参评的「{e.Type}」不符"));
        }
        if (input.Year != round!.Year) problems.Add(new("year", ErrorCodes.EvaluationYear, $"year：文件的年度 {input.Year} 不是评价年度 {round.Year}"));
        for (var i = 0; i < input.Events.Count; i++)
        {
            if (input.Events[i].Date!.Value.Year != round.Year)
            {
                problems.Add(new(EvaluationValidator.Path(i, "date"), ErrorCodes.EvaluationDate,
                    $"{EvaluationValidator.Name(i, "date")}：应在 {round.Year} 年度内（暂行办法第六条）"));
            }
            if (input.Events[i].CauseKey is { Length: > EvaluationRounds.CauseLength })
            {
                problems.Add(new(EvaluationValidator.Path(i, "cause"), ErrorCodes.FieldTooLong, $"{EvaluationValidator.Name(i, "cause")}：事由过长"));
            }
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var now = time.GetUtcNow();
        var evidence = request.Evidence!.Trim();
        for (var i = 0; i < input.Events.Count; i++)
        {
            var ev = input.Events[i];
            db.EvaluationEntries.Add(new EvaluationEntry
            {
                Id = Guid.CreateVersion7(now), EvaluationId = e.Id, Item = ev.Item, Date = ev.Date!.Value, Cause = ev.CauseKey, Corrected = ev.Corrected,
                Fine = ev.Fine, Points = ev.Points, Excluded = ev.Excluded, Casualties = ev.Casualties,
                Evidence = $"{evidence}（导入文件第 {i + 1} 个事件）", EnteredBy = actor.UserName, EnteredAt = now,
            });
        }
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation.entries-imported", e.Id.ToString(), actor.Source,
            $"{input.Events.Count} 个事件"));
        await db.SaveChangesAsync(ct);
        return (await queries.EvaluationAsync(e.Id, actor.Bureau, ct), null);
    }

    /// <summary>An entry taken back with the reason (kept, marked), in the same states as entering one.</summary>
    public async Task<(EvaluationView? Evaluation, Refusal? Refused)> RemoveEntryAsync(Guid id, Guid entryId, EntryRemoval request, CaseActor actor,
        CancellationToken ct)
    {
        var (e, _, refused) = await OpenAsync(id, actor.Bureau, "撤回扣分事项", ct);
        if (e is null) return (null, refused);
        var entry = await db.EvaluationEntries.SingleOrDefaultAsync(x => x.Id == entryId && x.EvaluationId == e.Id && x.RemovedAt == null, ct);
        if (entry is null) return (null, Refusal.NotFound);
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "reason", "撤回理由", request.Reason, EvaluationRounds.TextLength, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var now = time.GetUtcNow();
        (entry.RemovedAt, entry.RemovedBy, entry.RemovedReason) = (now, actor.UserName, request.Reason!.Trim());
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation.entry-removed", e.Id.ToString(), actor.Source, entry.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return (await queries.EvaluationAsync(e.Id, actor.Bureau, ct), null);
    }

    /// <summary>
    /// The pre-evaluation: item 10 taken from the credit records (every bureau's: a record of the enterprise — and so of
    /// the persons recorded with it — in force on some day of the year, not removed as an error), then every enterprise
    /// scored. It may be computed again until it is published.
    /// </summary>
    public async Task<(RoundView? Round, Refusal? Refused)> PreEvaluateAsync(Guid roundId, CaseActor actor, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId && r.Bureau == actor.Bureau, ct);
        if (round is null) return (null, Refusal.NotFound);
        if (round.State is not (RoundState.Collecting or RoundState.PreEvaluated)) return (null, StateConflict(round, "预评价"));
        var evaluations = await db.Evaluations.Where(e => e.RoundId == round.Id).ToListAsync(ct);
        if (evaluations.Count == 0) return (null, Refusal.Conflict(ErrorCodes.EvaluationNoEnterprise, "尚未增加参评企业，不能预评价"));
        var now = time.GetUtcNow();
        var (first, last) = (new DateOnly(round.Year, 1, 1), new DateOnly(round.Year, 12, 31));
        foreach (var e in evaluations)
        {
            await ImportRecordsAsync(e, first, last, actor, now, ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var e in evaluations)
        {
            var result = await queries.ScoreAsync(e, round.Year, ct);
            (e.PreScore, e.PreGrade) = (result.Score, result.Grade.ToString());
            e.Version++;
        }
        (round.State, round.PreEvaluatedOn) = (RoundState.PreEvaluated, Today);
        round.Version++;
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation-round.pre-evaluated", round.Id.ToString(), actor.Source,
            $"{evaluations.Count} 家企业"));
        if (await SaveAsync(ct) is { } changed) return (null, changed);
        return (await queries.RoundAsync(round.Id, actor.Bureau, ct), null);
    }

    /// <summary>
    /// Publishes the pre-evaluation result (暂行办法第十三条): from today, for 5 working days; the reviews are due 15 working
    /// days after (第十五条). Each enterprise is scored once more from its events and its notice issued and served. When a
    /// notice fails (a counterparty that cannot be served as asked), the round stays published and the call may be repeated:
    /// the notices already issued are not issued again.
    /// </summary>
    public async Task<(RoundView? Round, Refusal? Refused)> PublishAsync(Guid roundId, NoticeOptions options, CaseActor actor, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId && r.Bureau == actor.Bureau, ct);
        if (round is null) return (null, Refusal.NotFound);
        if (round.State != RoundState.PreEvaluated && round.State != RoundState.Publication) return (null, StateConflict(round, "公示预评价结果"));
        var evaluations = await db.Evaluations.Where(e => e.RoundId == round.Id && e.PreDocumentId == null).OrderBy(e => e.AddedAt).ToListAsync(ct);
        var problems = new List<Problem>();
        var modes = new Dictionary<Guid, ServiceMode?>();
        foreach (var e in evaluations) modes[e.Id] = await documents.ModeAsync(problems, e.CounterpartyId, options.Mode, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems.DistinctBy(p => (p.Field, p.Code)).ToList()));
        var now = time.GetUtcNow();
        if (round.State == RoundState.PreEvaluated)
        {
            var calendar = await calendars.CurrentAsync(ct);
            var ends = EvaluationRounds.PublicationEnds(Today, calendar).Date;
            (round.State, round.PublishedOn, round.PublicationEndsOn) = (RoundState.Publication, Today, ends);
            round.ReviewDueOn = EvaluationRounds.ReviewDue(ends, calendar).Date;
            round.Version++;
            foreach (var e in evaluations)
            {
                var result = await queries.ScoreAsync(e, round.Year, ct);
                (e.PreScore, e.PreGrade) = (result.Score, result.Grade.ToString());
                e.Version++;
            }
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation-round.published", round.Id.ToString(), actor.Source,
                $"公示 {round.PublishedOn:yyyy-MM-dd} 至 {round.PublicationEndsOn:yyyy-MM-dd}"));
            if (await SaveAsync(ct) is { } changed) return (null, changed);
        }
        foreach (var e in evaluations)
        {
            var result = await queries.ScoreAsync(e, round.Year, ct);
            var data = EvaluationDocuments.PreEvaluation(round, e, result, options);
            var (document, refused) = await documents.IssueAndServeAsync(e, EvaluationDocuments.PreEvaluationForm, EvaluationDocuments.PreEvaluationForm,
                data, modes[e.Id], actor, ct);
            if (document is null) return (null, refused);
            e.PreDocumentId = document.Id;
            e.Version++;
            // A concurrent publication that issued this notice first has linked it already: this one is the loser.
            if (await SaveAsync(ct) is { } linked) return (null, linked);
        }
        return (await queries.RoundAsync(round.Id, actor.Bureau, ct), null);
    }

    /// <summary>
    /// The review's result (暂行办法第十五条), on the events as they stand after the review: 变更 when the score or grade
    /// differs from the pre-evaluation, else 维持; the notice issued and served. Due 15 working days after the publication
    /// ends; a later result is recorded with its lateness, never refused.
    /// </summary>
    public async Task<(EvaluationView? Evaluation, Refusal? Refused)> DecideReviewAsync(Guid id, ReviewDecision request, CaseActor actor,
        CancellationToken ct)
    {
        var e = await db.Evaluations.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == actor.Bureau, ct);
        if (e is null) return (null, Refusal.NotFound);
        var round = await db.EvaluationRounds.SingleAsync(r => r.Id == e.RoundId, ct);
        var applications = await queries.ApplicationsAsync(e, ct);
        if (applications.Count == 0) return (null, Refusal.Conflict(ErrorCodes.EvaluationNoReview, "该企业没有在公示期内提出复核申请，无需复核"));
        if (e.ReviewDecidedOn is not null && e.ReviewDocumentId is not null)
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationReviewDecided, "该企业的复核已经完成"));
        }
        var problems = new List<Problem>();
        CaseStepRecorder.Text(problems, engine, "reasons", "复核意见", request.Reasons, EvaluationRounds.TextLength, required: true);
        var mode = await documents.ModeAsync(problems, e.CounterpartyId, request.Mode, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var result = await queries.ScoreAsync(e, round.Year, ct);
        var changed = result.Score != e.PreScore || result.Grade.ToString() != e.PreGrade;
        var preNumber = await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == e.PreDocumentId).Select(d => d.Number).SingleAsync(ct);
        var data = EvaluationDocuments.Review(round, e, applications.Min(a => a.SubmittedOn), preNumber, result, changed, request.Reasons!.Trim(), request);
        var now = time.GetUtcNow();
        (e.ReviewDecidedOn, e.ReviewResult, e.ReviewReasons) = (Today, changed ? "changed" : "upheld", request.Reasons!.Trim());
        (e.ReviewScore, e.ReviewGrade) = (result.Score, result.Grade.ToString());
        e.Version++;
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor.UserName, "evaluation.reviewed", e.Id.ToString(), actor.Source,
            $"{(changed ? "变更" : "维持")} {EvaluationTable.Number(result.Score)} {result.Grade}"));
        if (await SaveAsync(ct) is { } conflict) return (null, conflict);
        var (document, refused) = await documents.IssueAndServeAsync(e, EvaluationDocuments.ReviewForm, EvaluationDocuments.ReviewForm, data, mode,
            actor, ct);
        if (document is null) return (null, refused);
        e.ReviewDocumentId = document.Id;
        e.Version++;
        if (await SaveAsync(ct) is { } linked) return (null, linked);
        return (await queries.EvaluationAsync(e.Id, actor.Bureau, ct), null);
    }

    /// <summary>
    /// Publishes the final result (发布评价结果): after the publication ended and every review applied for is completed;
    /// an enterprise's final score is its review's, else its pre-evaluation's.
    /// </summary>
    public async Task<(RoundView? Round, Refusal? Refused)> FinalAsync(Guid roundId, CaseActor actor, CancellationToken ct)
    {
        var round = await db.EvaluationRounds.SingleOrDefaultAsync(r => r.Id == roundId && r.Bureau == actor.Bureau, ct);
        if (round is null) return (null, Refusal.NotFound);
        if (round.State != RoundState.Publication) return (null, StateConflict(round, "发布评价结果"));
        if (Today <= round.PublicationEndsOn)
        {
            return (null, Refusal.Conflict(ErrorCodes.EvaluationPublicationOpen,
                $"公示期至 {round.PublicationEndsOn:yyyy-MM-dd} 止，公示期内仍可提出复核申请（暂行办法第十四条），公示期满后才能发布评价结果"));
        }
        var evaluations = await db.Evaluations.Where(e => e.RoundId == round.Id).ToListAsync(ct);
        var open = new List<string>();
        foreach (var e in evaluations)
        {
            if (e.PreDocumentId is null) open.Add($"「{e.Enterprise}」的预评价结果告知书尚未送出");
            else if ((await queries.ApplicationsAsync(e, ct)).Count > 0 && e.ReviewDocumentId is null) open.Add($"「{e.Enterprise}」的复核尚未完成");
        }
        if (open.Count > 0) return (null, Refusal.Conflict(ErrorCodes.EvaluationReviewOpen, string.Join("；", open)));
        foreach (var e in evaluations)
        {
            (e.FinalScore, e.FinalGrade) = e.ReviewDocumentId is null ? (e.PreScore, e.PreGrade) : (e.ReviewScore, e.ReviewGrade);
            e.Version++;
        }
        (round.State, round.FinalPublishedOn) = (RoundState.Published, Today);
        round.Version++;
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor.UserName, "evaluation-round.final", round.Id.ToString(), actor.Source,
            $"{evaluations.Count} 家企业"));
        if (await SaveAsync(ct) is { } changed) return (null, changed);
        return (await queries.RoundAsync(round.Id, actor.Bureau, ct), null);
    }

    private async Task ImportRecordsAsync(Evaluation e, DateOnly first, DateOnly last, CaseActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var records = await db.CreditRecords.AsNoTracking()
            .Where(r => r.CounterpartyId == e.CounterpartyId && r.State != RecordState.Corrected && r.EnteredOn <= last
                && (r.RemovedOn == null || r.RemovedOn >= first))
            .ToListAsync(ct);
        var imported = await db.EvaluationEntries.Where(x => x.EvaluationId == e.Id && x.RecordId != null && x.RemovedAt == null)
            .Select(x => x.RecordId).ToListAsync(ct);
        foreach (var r in records.Where(r => !imported.Contains(r.Id)).OrderBy(r => r.EnteredOn))
        {
            var who = r.LinkedToRecordId is null ? "企业" : $"{(r.PersonRole is { } role ? PersonRoles.Label(role) : "相关人员")}{r.PartyName}";
            db.EvaluationEntries.Add(new EvaluationEntry
            {
                Id = Guid.CreateVersion7(now), EvaluationId = e.Id, Item = 10, Date = r.EnteredOn < first ? first : r.EnteredOn,
                // The enterprise's record and those of the persons recorded with it are one cause (附表注2): the decision.
                Cause = r.DecisionNumber,
                Evidence = $"民航行业信用信息记录：{who}于{DateValue.FormatChinese(r.EnteredOn)}记入的{r.Act}的严重失信行为信息（{r.DecisionNumber}），"
                    + $"{RecordState.Label(r.State)}",
                RecordId = r.Id, EnteredBy = actor.UserName, EnteredAt = now,
            });
        }
    }

    private async Task<(Evaluation?, EvaluationRound?, Refusal?)> OpenAsync(Guid id, string bureau, string what, CancellationToken ct)
    {
        var e = await db.Evaluations.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (e is null) return (null, null, Refusal.NotFound);
        var round = await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == e.RoundId, ct);
        var open = round.State is RoundState.Collecting or RoundState.PreEvaluated
            || (round.State == RoundState.Publication && e.ReviewDocumentId is null && (await queries.ApplicationsAsync(e, ct)).Count > 0);
        if (!open)
        {
            return (null, null, Refusal.Conflict(ErrorCodes.EvaluationState,
                $"评价当前为「{RoundState.Label(round.State, Today > round.PublicationEndsOn)}」，只有收集材料、预评价期间或者复核申请办理中才能{what}"));
        }
        return (e, round, null);
    }

    /// <summary>Saves; another officer's change of the same round or enterprise at the same moment is a conflict, nothing saved.</summary>
    private async Task<Refusal?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(ErrorCodes.EvaluationChanged, "评价刚被他人同时修改，这次操作没有执行，请刷新后再试");
        }
    }

    private Refusal StateConflict(EvaluationRound round, string what) =>
        Refusal.Conflict(ErrorCodes.EvaluationState, $"评价当前为「{RoundState.Label(round.State, Today > round.PublicationEndsOn)}」，不能{what}");
}
