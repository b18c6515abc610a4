using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Records;
using Ses.Service.Signing;

namespace Ses.Service.Corrections;

/// <summary>
/// Corrections of credit records (实施办法第二十四条): prepared by the original department within 3 working days of the
/// discovery and approved by the leader, sent with the transfer slip (移送单, 变更), adjusted by legal staff within 2
/// working days of receiving it, and, where the record was published or notified, the publication withdrawn within 3
/// working days of the adjustment. A late step is recorded with how many working days late, never refused. Every step
/// is in the case's timeline, in the transaction that changes the correction (and, on adjustment, the record).
/// </summary>
public sealed class CorrectionService(
    SesDbContext db, CaseStepRecorder steps, CaseDocumentSteps documents, RecordService records, DocumentEngine engine, TimeProvider time,
    UnitSeals seals)
{
    public const string Rule = "实施办法第二十四条：原信用信息承办部门在发现之日起3个工作日内将更正信息报分管局领导审批同意并填写《移送单》，"
        + "法制部门在收到更正通知后2个工作日内调整SES信用记录；已经对外公布、通报的，自调整信用记录之日起3个工作日内撤销公布、撤回原通报";

    private const string PartyNameLabel = "相对人名称（姓名）";

    /// <summary>
    /// Prepares a correction of an in-force record of the bureau. Refused: an unknown record, a discovery date in the
    /// future or before the record was entered, an unknown kind, an amendment that changes nothing or names an unknown
    /// clause, a record not in force, a record with a correction already open.
    /// </summary>
    public async Task<(CorrectionView? Correction, Refusal? Refused)> CreateAsync(CorrectionRequest request, CaseActor actor, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var record = request.RecordId is { } id
            ? await db.CreditRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Bureau == actor.Bureau, ct)
            : null;
        if (request.RecordId is null)
        {
            problems.Add(new("recordId", ErrorCodes.FieldRequired, "「信用记录」必须选择"));
        }
        else if (record is null)
        {
            problems.Add(new("recordId", ErrorCodes.CorrectionRecordUnknown, "本局没有该信用记录"));
        }
        if (request.DiscoveredOn is not { } discovered)
        {
            problems.Add(new("discoveredOn", ErrorCodes.FieldRequired, "「发现错误或者变更日期」必须填写"));
        }
        else if (discovered > steps.Today)
        {
            problems.Add(new("discoveredOn", ErrorCodes.CorrectionDateInFuture, "「发现错误或者变更日期」不能晚于今天"));
        }
        else if (record is not null && discovered < record.EnteredOn)
        {
            problems.Add(new("discoveredOn", ErrorCodes.CorrectionDateOrder,
                $"「发现错误或者变更日期」不能早于记入信用记录之日（{DateValue.FormatChinese(record.EnteredOn)}）"));
        }
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            problems.Add(new("kind", ErrorCodes.FieldRequired, "「更正类型」必须选择"));
        }
        else if (!CorrectionKinds.All.Contains(request.Kind))
        {
            problems.Add(new("kind", ErrorCodes.CorrectionKind, "「更正类型」应为 amend（更正信用信息）或 remove（错误记入，移除信用记录）（实施办法第二十四条）"));
        }
        CaseStepRecorder.Text(problems, engine, "reason", "更正原因", request.Reason, RecordService.NoteLength, required: true);
        var amend = request.Kind == CorrectionKinds.Amend;
        string? name = null, act = null, number = null, clauses = null;
        if (amend)
        {
            name = Line(problems, "partyName", PartyNameLabel, request.PartyName, 200);
            act = Line(problems, "act", "事由", request.Act, CaseService.ActLength);
            number = Line(problems, "decisionNumber", "认定决定书文号", request.DecisionNumber, CaseService.DecisionLength);
            clauses = Clauses(problems, request.Clauses);
            if (record is not null && problems.Count == 0 && (name ?? record.PartyName) == record.PartyName && (act ?? record.Act) == record.Act
                && (number ?? record.DecisionNumber) == record.DecisionNumber && (clauses ?? record.Clauses) == record.Clauses)
            {
                problems.Add(new("kind", ErrorCodes.CorrectionNothingToAmend, "更正信息与现有信用记录相同：请填写需要更正的相对人名称、事由、认定决定书文号或者认定依据"));
            }
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        if (record!.State != RecordState.InForce)
        {
            return (null, Refusal.Conflict(ErrorCodes.CorrectionNotInForce, $"该信用记录已{RecordState.Label(record.State)}，不能再更正"));
        }
        if (await db.RecordCorrections.AnyAsync(c => c.RecordId == record.Id && CorrectionState.Open.Contains(c.State), ct))
        {
            return (null, Refusal.Conflict(ErrorCodes.CorrectionOpen, "该信用记录已有正在办理的更正，办结后才能再次更正"));
        }
        var c = await db.CreditCases.SingleAsync(x => x.Id == record.CaseId, ct);
        var calendar = await steps.CalendarAsync(ct);
        var correction = new RecordCorrection
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), Bureau = actor.Bureau, RecordId = record.Id, CaseId = c.Id, Kind = request.Kind!,
            DiscoveredOn = request.DiscoveredOn!.Value, PartyName = name, Act = act, DecisionNumber = number, Clauses = clauses,
            Reason = request.Reason!.Trim(), State = CorrectionState.Approval, RecordedBy = actor.UserName, CreatedAt = time.GetUtcNow(), Version = 1,
        };
        var step = await steps.StepAsync(c, CaseSteps.Correction, steps.Today, actor, Prepare(correction, calendar), ct);
        step.Note = $"{CorrectionKinds.Label(correction.Kind)}：{correction.Reason}";
        var (_, failed) = await steps.RecordAsync(c, step, c.State, null, actor, ct, alongside: _ =>
        {
            db.RecordCorrections.Add(correction);
            return Task.CompletedTask;
        });
        return failed is null ? (await ViewAsync(correction, calendar, ct), null) : (null, failed);
    }

    /// <summary>The leader approves the correction, or returns it with a note (实施办法第二十四条: 报分管局领导审批同意).</summary>
    public async Task<(CorrectionView? Correction, Refusal? Refused)> ApproveAsync(Guid id, ApprovalRequest request, CaseActor actor, CancellationToken ct)
    {
        var (correction, c, refused) = await FindAsync(id, actor.Bureau, CorrectionState.Approval, CaseSteps.CorrectionApproval, ct);
        if (correction is null) return (null, refused);
        var problems = new List<Problem>();
        if (request.Approve is null) problems.Add(new("approve", ErrorCodes.FieldRequired, "「审批意见」必须选择：同意或者退回"));
        CaseStepRecorder.Text(problems, engine, "note", "审批意见说明", request.Note, RecordService.NoteLength, required: request.Approve == false);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c!, CaseSteps.CorrectionApproval, steps.Today, actor, Prepare(correction, calendar), ct);
        step.Result = request.Approve == true ? CaseSteps.Approved : CaseSteps.Returned;
        step.Note = Blank(request.Note);
        return await RecordAsync(correction, c!, step, actor, calendar, () =>
        {
            (correction.ApprovedOn, correction.ApprovedBy, correction.LeaderNote) = (steps.Today, actor.UserName, Blank(request.Note));
            correction.State = request.Approve == true ? CorrectionState.Transfer : CorrectionState.Returned;
        }, ct);
    }

    /// <summary>
    /// The transfer slip (移送单, 附件7, 办理事项「变更」) to the legal department, within the 3 working days from the discovery
    /// (实施办法第二十四条), filled from the record as corrected; kept as the step's file.
    /// </summary>
    public async Task<(CorrectionView? Correction, Refusal? Refused)> TransferAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (correction, c, refused) = await FindAsync(id, actor.Bureau, CorrectionState.Transfer, CaseSteps.CorrectionTransfer, ct);
        if (correction is null) return (null, refused);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "移送日期", request.On, correction.ApprovedOn!.Value, "分管局领导审批同意之日");
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var record = await db.CreditRecords.AsNoTracking().SingleAsync(r => r.Id == correction.RecordId, ct);
        var meeting = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c!.Id && s.Step == CaseSteps.Meeting).OrderByDescending(s => s.Number)
            .FirstAsync(ct);
        var (formId, data) = CaseDocuments.Transfer(await documents.ContextAsync(c!, ct), meeting.DoneOn, correction.DecisionNumber ?? record.DecisionNumber,
            record.DecisionDeliveredOn, on);
        data["party"] = correction.PartyName ?? record.PartyName;
        data["reason"] = correction.Act ?? record.Act;
        data["article8Item"] = Governing(correction.Clauses ?? record.Clauses).Code.Split('-')[2];
        data["action"] = "change";
        data["transferReason"] = correction.Kind == CorrectionKinds.Remove
            ? $"该严重失信行为信息记入错误（{correction.Reason}），应予移除"
            : $"该相对人信用信息发生变更或者有误（{correction.Reason}），应予更正";
        using var json = JsonDocument.Parse(data.ToJsonString());
        var (input, formProblems) = engine.Validate(formId, json.RootElement, c!.Bureau);
        if (input is null) return (null, Refusal.Invalid(formProblems));
        // Sealed by the department with its own key (XX处（盖章）); a department without one refuses the step, nothing stored.
        var (pdf, unsealed) = seals.Seal(input);
        if (pdf is null) return (null, unsealed);
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c, CaseSteps.CorrectionTransfer, on, actor, Prepare(correction, calendar), ct);
        step.FileSha256 = await steps.StoreAsync(pdf, ct);
        step.FileName = $"{engine.Templates.FindForm(formId)!.Title}（变更）.pdf";
        step.Note = Blank(request.Note);
        return await RecordAsync(correction, c, step, actor, calendar, () =>
        {
            (correction.TransferredOn, correction.TransferLateWorkingDays, correction.State) = (on, step.LateWorkingDays, CorrectionState.Adjustment);
        }, ct);
    }

    /// <summary>
    /// Legal staff adjust the record within 2 working days of receiving the transfer slip (实施办法第二十四条). <c>amend</c>:
    /// the corrected values, the validity taken again from the governing clause (实施办法第八条第二款、第十七条), the old values
    /// kept; the persons recorded with an organisation follow the act, decision and clauses. <c>remove</c>: the record and
    /// its persons are removed as <c>corrected</c> and the public list takes the entry down (实施办法第二十条第二款).
    /// </summary>
    public async Task<(CorrectionView? Correction, Refusal? Refused)> AdjustAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (correction, c, refused) = await FindAsync(id, actor.Bureau, CorrectionState.Adjustment, CaseSteps.CorrectionEntry, ct);
        if (correction is null) return (null, refused);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "调整日期", request.On, correction.TransferredOn!.Value, "收到移送单之日");
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var record = await db.CreditRecords.SingleAsync(r => r.Id == correction.RecordId, ct);
        if (record.State != RecordState.InForce)
        {
            return (null, Refusal.Conflict(ErrorCodes.CorrectionNotInForce, $"该信用记录已{RecordState.Label(record.State)}，不能再更正"));
        }
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c!, CaseSteps.CorrectionEntry, on, actor, Due("correction-entry", correction.TransferredOn.Value, calendar), ct);
        step.Note = Blank(request.Note);
        var published = record.PublishedAt is not null || await db.CaseNotifications.AnyAsync(n => n.CaseId == record.CaseId && n.SentOn != null, ct);
        correction.Before = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["partyName"] = record.PartyName, ["act"] = record.Act, ["decisionNumber"] = record.DecisionNumber, ["clauses"] = record.Clauses,
            ["governingClause"] = record.GoverningClause, ["validityYears"] = record.ValidityYears.ToString(CultureInfo.InvariantCulture),
            ["validUntil"] = Date(record.ValidUntil), ["repairEligibleFrom"] = Date(record.RepairEligibleFrom),
        });
        (correction.AdjustedOn, correction.AdjustedBy, correction.AdjustLateWorkingDays) = (on, actor.UserName, step.LateWorkingDays);
        correction.Published = published;
        correction.State = published ? CorrectionState.Withdrawal : CorrectionState.Done;
        correction.Version++;
        var linked = correction.Kind == CorrectionKinds.Amend && record.LinkedToRecordId is null
            ? await db.CreditRecords.Where(r => r.LinkedToRecordId == record.Id && r.State == RecordState.InForce).ToListAsync(ct)
            : [];
        var (_, failed) = await steps.RecordAsync(c!, step, c!.State, null, actor, ct, alongside: async chain =>
        {
            if (correction.Kind == CorrectionKinds.Remove)
            {
                await records.StageRemovalAsync(chain, record, RecordState.Corrected, $"信用信息记入错误，经更正移除（实施办法第二十四条）：{correction.Reason}", on,
                    actor.UserName, step.RecordedAt, ct);
                return;
            }
            if (correction.PartyName is { } name) record.PartyName = name;
            foreach (var r in linked.Prepend(record)) await AmendAsync(chain, r, correction, calendar, actor, step.RecordedAt, ct);
        });
        return failed is null ? (await ViewAsync(correction, calendar, ct), null) : (null, failed);
    }

    /// <summary>
    /// The publication withdrawn and the notifications recalled, within 3 working days of the adjustment (实施办法第二十四条),
    /// on the day given, with how.
    /// </summary>
    public async Task<(CorrectionView? Correction, Refusal? Refused)> WithdrawalAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (correction, c, refused) = await FindAsync(id, actor.Bureau, CorrectionState.Withdrawal, CaseSteps.CorrectionWithdrawal, ct);
        if (correction is null) return (null, refused);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "撤销公布日期", request.On, correction.AdjustedOn!.Value, "调整信用记录之日");
        CaseStepRecorder.Text(problems, engine, "note", "撤销公布、撤回通报情况", request.Note, RecordService.NoteLength);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c!, CaseSteps.CorrectionWithdrawal, on, actor, Due("withdrawal", correction.AdjustedOn.Value, calendar), ct);
        step.Note = Blank(request.Note);
        return await RecordAsync(correction, c!, step, actor, calendar, () =>
        {
            (correction.WithdrawnOn, correction.WithdrawalNote, correction.WithdrawalLateWorkingDays) = (on, Blank(request.Note), step.LateWorkingDays);
            correction.State = CorrectionState.Done;
        }, ct);
    }

    /// <summary>A correction of the bureau, or null.</summary>
    public async Task<CorrectionView?> GetAsync(Guid id, string bureau, CancellationToken ct) =>
        await db.RecordCorrections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Bureau == bureau, ct) is { } c
            ? await ViewAsync(c, await steps.CalendarAsync(ct), ct)
            : null;

    /// <summary>The bureau's corrections of a record, or all open ones, the oldest first.</summary>
    public async Task<List<CorrectionView>> ListAsync(string bureau, Guid? recordId, CancellationToken ct)
    {
        var query = db.RecordCorrections.AsNoTracking().Where(c => c.Bureau == bureau);
        query = recordId is { } r ? query.Where(c => c.RecordId == r) : query.Where(c => CorrectionState.Open.Contains(c.State));
        var calendar = await steps.CalendarAsync(ct);
        var views = new List<CorrectionView>();
        foreach (var c in await query.OrderBy(c => c.CreatedAt).ToListAsync(ct)) views.Add(await ViewAsync(c, calendar, ct));
        return views;
    }

    private async Task AmendAsync(EvidenceChain chain, CreditRecord r, RecordCorrection correction, HolidayCalendar calendar, CaseActor actor,
        DateTimeOffset now, CancellationToken ct)
    {
        if (correction.Act is { } act) r.Act = act;
        if (correction.DecisionNumber is { } number) r.DecisionNumber = number;
        if (correction.Clauses is { } clauses)
        {
            // 实施办法第八条第二款: the longest validity among the clauses; 第十七条: 1 year, or 3 under item (三).
            var governing = Governing(clauses);
            (r.Clauses, r.GoverningClause, r.ValidityYears) = (clauses, governing.Code, governing.ValidityYears);
            var severe = governing.ValidityYears == 3;
            r.ValidUntil = CaseTimeLimits.Due(CaseTimeLimits.Find(severe ? "validity-severe" : "validity-general")!, r.DecisionDeliveredOn, calendar).Date;
            r.RepairEligibleFrom = CaseTimeLimits.Due(CaseTimeLimits.Find(severe ? "repair-eligible-severe" : "repair-eligible-general")!, r.EnteredOn,
                calendar).Date.AddDays(1);
        }
        await records.StageAdjustmentAsync(chain, r, "record-corrected", actor.UserName, actor.Source, now, new()
        {
            ["correction"] = correction.Id.ToString(), ["partyName"] = r.PartyName, ["act"] = r.Act, ["decision"] = r.DecisionNumber,
            ["clauses"] = r.Clauses, ["governingClause"] = r.GoverningClause, ["validUntil"] = Date(r.ValidUntil),
            ["repairEligibleFrom"] = Date(r.RepairEligibleFrom), ["before"] = correction.Before,
        }, ct);
    }

    private async Task<(CorrectionView?, Refusal?)> RecordAsync(RecordCorrection correction, CreditCase c, CaseStep step, CaseActor actor,
        HolidayCalendar calendar, Action change, CancellationToken ct)
    {
        change();
        correction.Version++;
        var (_, failed) = await steps.RecordAsync(c, step, c.State, null, actor, ct);
        return failed is null ? (await ViewAsync(correction, calendar, ct), null) : (null, failed);
    }

    private async Task<(RecordCorrection? Correction, CreditCase? Case, Refusal? Refused)> FindAsync(Guid id, string bureau, string state, string step,
        CancellationToken ct)
    {
        var correction = await db.RecordCorrections.SingleOrDefaultAsync(c => c.Id == id && c.Bureau == bureau, ct);
        if (correction is null) return (null, null, Refusal.NotFound);
        if (correction.State != state)
        {
            return (null, null, Refusal.Conflict(ErrorCodes.CorrectionState,
                $"更正当前为「{CorrectionState.Label(correction.State)}」，不能办理「{CaseSteps.Label(step)}」"));
        }
        return (correction, await db.CreditCases.SingleAsync(c => c.Id == correction.CaseId, ct), null);
    }

    private async Task<CorrectionView> ViewAsync(RecordCorrection c, HolidayCalendar calendar, CancellationToken ct)
    {
        var today = steps.Today;
        var prepare = Prepare(c, calendar);
        var next = c.State switch
        {
            CorrectionState.Approval => Next("分管局领导审批更正信息", prepare),
            CorrectionState.Transfer => Next("填写移送单并报送法制部门", prepare),
            CorrectionState.Adjustment => Next("法制部门调整信用记录", Due("correction-entry", c.TransferredOn!.Value, calendar)),
            CorrectionState.Withdrawal => Next("撤销公布、撤回原通报", Due("withdrawal", c.AdjustedOn!.Value, calendar)),
            _ => null,
        };
        var recordState = await db.CreditRecords.AsNoTracking().Where(r => r.Id == c.RecordId).Select(r => r.State).SingleAsync(ct);
        var clauses = c.Clauses?.Split(',').Select(code => CaseClauseView.From(CaseClauses.Find(code)!)).ToList();
        var before = c.Before is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(c.Before);
        return new CorrectionView(c.Id, c.RecordId, c.CaseId, c.Kind, CorrectionKinds.Label(c.Kind), c.DiscoveredOn, c.PartyName, c.Act, c.DecisionNumber,
            clauses, c.Reason, c.State, CorrectionState.Label(c.State), next, prepare.Date, c.ApprovedOn, c.ApprovedBy, c.LeaderNote, c.TransferredOn,
            c.TransferLateWorkingDays, c.AdjustedOn, c.AdjustLateWorkingDays, c.Published, c.WithdrawnOn, c.WithdrawalNote, c.WithdrawalLateWorkingDays,
            before, recordState, Rule);

        CaseStepView Next(string step, LegalDate due)
        {
            var left = CaseService.WorkingDaysLeft(today, due.Date, calendar);
            return new CaseStepView(step, due.Date, due.Provisional, left, today > due.Date, due.Rule);
        }
    }

    private static LegalDate Prepare(RecordCorrection c, HolidayCalendar calendar) => Due("correction", c.DiscoveredOn, calendar);

    private static LegalDate Due(string kind, DateOnly from, HolidayCalendar calendar) => CaseTimeLimits.Due(CaseTimeLimits.Find(kind)!, from, calendar);

    private static CaseClause Governing(string clauses) => CaseClauses.Governing(clauses.Split(',').Select(code => CaseClauses.Find(code)!));

    /// <summary>An optional one-line value of an amendment: trimmed, checked; null when not given.</summary>
    private string? Line(List<Problem> problems, string field, string label, string? value, int length)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (EntryChecks.Text(engine, field, label, value, length, lineBreaks: false) is { } bad)
        {
            problems.Add(bad);
            return null;
        }
        return value.Trim();
    }

    /// <summary>The corrected clauses in the article's order, or null when not given.</summary>
    private static string? Clauses(List<Problem> problems, IReadOnlyList<string>? given)
    {
        if (given is null || given.Count == 0) return null;
        var unknown = given.Where(code => CaseClauses.Find(code) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new("clauses", ErrorCodes.CorrectionClauseUnknown, "「认定依据」应为实施办法第八条第一款所列情形（第（一）项至第（八）项）"));
            return null;
        }
        return string.Join(",", CaseClauses.All.Where(c => given.Contains(c.Code)).Select(c => c.Code));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
