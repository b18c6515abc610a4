using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Records;
using Ses.Service.Signing;

namespace Ses.Service.Repairs;

/// <summary>
/// Credit repair (实施办法第十八条、第十九条): an application received with its materials once the waiting period is over,
/// put to the meeting, then removed through the transfer slip and the legal staff, or refused by a decision; a repeated
/// application without new evidence rejected by a decision. Every step is recorded in the case's timeline with its due
/// date and lateness, in the transaction that changes the application (and, on removal, the record).
/// </summary>
public sealed class RepairService(
    SesDbContext db, CaseStepRecorder steps, CaseDocumentSteps documents, RecordService records, DocumentEngine engine, TimeProvider time,
    UnitSeals seals)
{
    public const int TextLength = 2000;

    /// <summary>
    /// Receives an application. Refused: a linked person's record (实施办法第十九条第五款), a record not in force, an
    /// application before the waiting period is over (第十八条), one while another is open. After a refusal, one without
    /// new evidence is received to be rejected (第十九条第三款).
    /// </summary>
    public async Task<(RepairView? Repair, Refusal? Refused)> ApplyAsync(RepairRequest request, CaseActor actor, CancellationToken ct)
    {
        if (request.RecordId is null) return (null, Refusal.Invalid("recordId", ErrorCodes.FieldRequired, "「信用记录」必须选择"));
        var record = await db.CreditRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RecordId && r.Bureau == actor.Bureau, ct);
        if (record is null) return (null, Refusal.NotFound);
        if (record.LinkedToRecordId is not null)
        {
            return (null, Refusal.Invalid("recordId", ErrorCodes.RepairPersonAlone,
                "依据实施办法第八条第三款与组织一并记入的个人不得单独申请信用修复（实施办法第十九条）；应由组织申请"));
        }
        if (record.State != RecordState.InForce)
        {
            return (null, Refusal.Conflict(ErrorCodes.RepairNotInForce, $"该信用记录已{RecordState.Label(record.State)}，不能再申请修复"));
        }
        var earlier = await db.RepairApplications.AsNoTracking().Where(a => a.RecordId == record.Id).OrderBy(a => a.Sequence).ToListAsync(ct);
        if (earlier.Any(a => RepairState.Open.Contains(a.State)))
        {
            return (null, Refusal.Conflict(ErrorCodes.RepairOpen, "该信用记录已有正在办理的修复申请，办结后才能再次受理"));
        }
        var problems = new List<Problem>();
        var received = steps.Day(problems, "receivedOn", "收到申请日期", request.ReceivedOn, record.EnteredOn, "记入信用记录之日");
        if (problems.Count == 0 && received < record.RepairEligibleFrom)
        {
            problems.Add(new("receivedOn", ErrorCodes.RepairTooEarly,
                $"记入信用记录满 {(record.ValidityYears == 3 ? "6" : "3")} 个月后才能申请信用修复，最早 {DateValue.FormatChinese(record.RepairEligibleFrom)}（实施办法第十八条）"));
        }
        var signed = request.ApplicationDate ?? received;
        if (signed > received) problems.Add(new("applicationDate", ErrorCodes.CaseDateOrder, "「申请书落款日期」不能晚于收到申请日期"));
        var complete = request.CompleteOn ?? received;
        if (complete < received) problems.Add(new("completeOn", ErrorCodes.CaseDateOrder, "「材料齐全日期」不能早于收到申请日期"));
        else if (complete > steps.Today) problems.Add(new("completeOn", ErrorCodes.CaseDateInFuture, "「材料齐全日期」不能晚于今天"));
        CaseStepRecorder.Text(problems, engine, "explanation", "修复情况说明", request.Explanation, TextLength, required: true);
        CaseStepRecorder.File(problems, "file", "修复申请书及相关材料", request.File, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var c = await db.CreditCases.SingleAsync(x => x.Id == record.CaseId, ct);
        var refusedBefore = earlier.Any(a => a.State == RepairState.Refused);
        var repeated = refusedBefore && request.NewEvidence != true;
        var calendar = await steps.CalendarAsync(ct);
        var application = new RepairApplication
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), Bureau = actor.Bureau, RecordId = record.Id, CaseId = c.Id, Sequence = earlier.Count + 1,
            ReceivedOn = received, ApplicationDate = signed, CompleteOn = complete, NewEvidence = request.NewEvidence == true,
            Explanation = request.Explanation!.Trim(), FileSha256 = await steps.StoreAsync(request.File!, ct),
            FileName = CaseStepRecorder.FileName(request.FileName, "信用修复申请书及材料"), State = repeated ? RepairState.Rejection : RepairState.Meeting,
            RecordedBy = actor.UserName, CreatedAt = time.GetUtcNow(), Version = 1,
        };
        var step = await steps.StepAsync(c, CaseSteps.RepairApplication, received, actor, null, ct);
        (step.FileSha256, step.FileName) = (application.FileSha256, application.FileName);
        step.Note = repeated ? "前次申请不予修复后再次申请，未提供新的证据材料（实施办法第十九条第三款）" : application.Explanation;
        var (_, failed) = await steps.RecordAsync(c, step, c.State, null, actor, ct, alongside: _ =>
        {
            db.RepairApplications.Add(application);
            return Task.CompletedTask;
        });
        return failed is null ? (await ViewAsync(application, calendar, ct), null) : (null, failed);
    }

    /// <summary>
    /// The meeting on the application, within 3 working days of the complete materials (实施办法第十九条第一款), with its
    /// minutes: approved, the transfer slip follows; refused, the refusal decision, with the reasons.
    /// </summary>
    public async Task<(RepairView? Repair, Refusal? Refused)> MeetingAsync(Guid id, RepairMeetingRequest request, CaseActor actor, CancellationToken ct)
    {
        var (application, c, refused) = await FindAsync(id, actor.Bureau, RepairState.Meeting, CaseSteps.RepairMeeting, ct);
        if (application is null) return (null, refused);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "heldOn", "会议日期", request.HeldOn, application.CompleteOn, "材料齐全之日");
        if (request.Approved is null) problems.Add(new("approved", ErrorCodes.FieldRequired, "「审议结论」必须选择：同意修复或者不同意修复"));
        CaseStepRecorder.Text(problems, engine, "reasons", "不同意修复的理由", request.Reasons, TextLength, required: request.Approved == false);
        CaseStepRecorder.File(problems, "minutes", "会议纪要", request.Minutes, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var calendar = await steps.CalendarAsync(ct);
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find("repair-meeting")!, application.CompleteOn, calendar);
        var step = await steps.StepAsync(c!, CaseSteps.RepairMeeting, on, actor, due, ct);
        step.FileSha256 = await steps.StoreAsync(request.Minutes!, ct);
        step.FileName = CaseStepRecorder.FileName(request.MinutesName, "会议纪要");
        step.Result = request.Approved == true ? CaseSteps.Approved : "refused";
        step.Note = request.Approved == true ? "同意修复" : request.Reasons!.Trim();
        return await RecordAsync(application, c!, step, actor, calendar, () =>
        {
            (application.MeetingOn, application.Approved) = (on, request.Approved);
            application.Reasons = request.Approved == true ? null : request.Reasons!.Trim();
            application.State = request.Approved == true ? RepairState.Transfer : RepairState.Refusal;
        }, ct);
    }

    /// <summary>The refusal decision (不予修复决定书, 附件9) within 2 working days of the meeting, with its reasons; served.</summary>
    public async Task<(RepairView? Repair, Refusal? Refused)> RefusalAsync(Guid id, RepairDecisionRequest request, CaseActor actor, CancellationToken ct)
    {
        var (application, c, refused) = await FindAsync(id, actor.Bureau, RepairState.Refusal, CaseSteps.RepairRefusal, ct);
        if (application is null) return (null, refused);
        var record = await db.CreditRecords.AsNoTracking().SingleAsync(r => r.Id == application.RecordId, ct);
        var (formId, data) = CaseDocuments.RepairRefusal(await documents.ContextAsync(c!, ct), application.ReceivedOn, application.ApplicationDate,
            Describe(record) + "。", application.Reasons!, request.Contact, request.ContactPhone);
        var calendar = await steps.CalendarAsync(ct);
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find("repair-refusal")!, application.MeetingOn!.Value, calendar);
        return await DecideAsync(application, c!, CaseSteps.RepairRefusal, formId, data, request.Mode, due, RepairState.Refused, actor, calendar, ct);
    }

    /// <summary>
    /// The rejection of a repeated application without new evidence (不予受理决定书, 附件10), naming the earlier application
    /// and the refusal served on it (实施办法第十九条第三款); served.
    /// </summary>
    public async Task<(RepairView? Repair, Refusal? Refused)> RejectionAsync(Guid id, RepairDecisionRequest request, CaseActor actor, CancellationToken ct)
    {
        var (application, c, refused) = await FindAsync(id, actor.Bureau, RepairState.Rejection, CaseSteps.RepairRejection, ct);
        if (application is null) return (null, refused);
        var previous = await db.RepairApplications.AsNoTracking()
            .Where(a => a.RecordId == application.RecordId && a.State == RepairState.Refused).OrderByDescending(a => a.Sequence).FirstAsync(ct);
        var served = await (
            from d in db.IssuedDocuments.AsNoTracking()
            join r in db.Deliveries.AsNoTracking() on d.Id equals r.DocumentId
            where d.Id == previous.DocumentId && r.DeliveredOn != null
            select new { d.Number, On = r.DeliveredOn!.Value }).SingleOrDefaultAsync(ct);
        if (served is null) return (null, Refusal.Conflict(ErrorCodes.CaseNotDelivered, "前次不予修复决定书尚未送达，不能据此不予受理"));
        var record = await db.CreditRecords.AsNoTracking().SingleAsync(r => r.Id == application.RecordId, ct);
        var (formId, data) = CaseDocuments.RepairRejection(await documents.ContextAsync(c!, ct), application.ReceivedOn, application.ApplicationDate,
            previous.ApplicationDate, $"{DateValue.FormatChinese(record.EnteredOn)}记入的{record.Act}", served.On, served.Number, Describe(record) + "。",
            request.Contact, request.ContactPhone);
        return await DecideAsync(application, c!, CaseSteps.RepairRejection, formId, data, request.Mode, null, RepairState.Rejected, actor,
            await steps.CalendarAsync(ct), ct);
    }

    /// <summary>The transfer slip (移送单) to the legal department within 2 working days of the approving meeting (实施办法第十九条第二款).</summary>
    public async Task<(RepairView? Repair, Refusal? Refused)> TransferAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (application, c, refused) = await FindAsync(id, actor.Bureau, RepairState.Transfer, CaseSteps.RepairTransfer, ct);
        if (application is null) return (null, refused);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "移送日期", request.On, application.MeetingOn!.Value, "会议审议之日");
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var record = await db.CreditRecords.AsNoTracking().SingleAsync(r => r.Id == application.RecordId, ct);
        var meeting = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c!.Id && s.Step == CaseSteps.Meeting).OrderByDescending(s => s.Number)
            .FirstAsync(ct);
        var (formId, data) = CaseDocuments.RepairTransfer(await documents.ContextAsync(c!, ct), meeting.DoneOn, record.DecisionNumber,
            record.DecisionDeliveredOn, on);
        using var json = JsonDocument.Parse(data.ToJsonString());
        var (input, formProblems) = engine.Validate(formId, json.RootElement, c!.Bureau);
        if (input is null) return (null, Refusal.Invalid(formProblems));
        // Sealed by the department with its own key (XX处（盖章）); a department without one refuses the step, nothing stored.
        var (pdf, unsealed) = seals.Seal(input);
        if (pdf is null) return (null, unsealed);
        var calendar = await steps.CalendarAsync(ct);
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find("repair-transfer")!, application.MeetingOn!.Value, calendar);
        var step = await steps.StepAsync(c, CaseSteps.RepairTransfer, on, actor, due, ct);
        step.FileSha256 = await steps.StoreAsync(pdf, ct);
        step.FileName = $"{engine.Templates.FindForm(formId)!.Title}（修复）.pdf";
        return await RecordAsync(application, c, step, actor, calendar, () => application.State = RepairState.Removal, ct);
    }

    /// <summary>
    /// The legal department removes the repaired record (and the persons recorded with it) from SES (实施办法第十九条第二款);
    /// the public list takes it down and says when (第二十条第二款). The whole repair is due within 20 working days of the
    /// complete materials (第十九条第四款): a later removal is recorded as late.
    /// </summary>
    public async Task<(RepairView? Repair, Refusal? Refused)> RemovalAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct)
    {
        var (application, c, refused) = await FindAsync(id, actor.Bureau, RepairState.Removal, CaseSteps.RepairRemoval, ct);
        if (application is null) return (null, refused);
        var transfer = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c!.Id && s.Step == CaseSteps.RepairTransfer)
            .OrderByDescending(s => s.Number).FirstAsync(ct);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "移除日期", request.On, transfer.DoneOn, "收到移送单之日");
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var calendar = await steps.CalendarAsync(ct);
        var step = await steps.StepAsync(c!, CaseSteps.RepairRemoval, on, actor, Whole(application, calendar), ct);
        var record = await db.CreditRecords.SingleAsync(r => r.Id == application.RecordId, ct);
        if (record.State != RecordState.InForce)
        {
            return (null, Refusal.Conflict(ErrorCodes.RepairNotInForce, $"该信用记录已{RecordState.Label(record.State)}，无需移除"));
        }
        application.State = RepairState.Repaired;
        application.ClosedOn = on;
        application.Version++;
        var (_, failed) = await steps.RecordAsync(c!, step, c!.State, null, actor, ct, alongside: chain =>
            records.StageRemovalAsync(chain, record, RecordState.Repaired, "经信用修复移除（实施办法第十九条）", on, actor.UserName, step.RecordedAt, ct));
        return failed is null ? (await ViewAsync(application, calendar, ct), null) : (null, failed);
    }

    /// <summary>A repair application of the bureau, or null.</summary>
    public async Task<RepairView?> GetAsync(Guid id, string bureau, CancellationToken ct) =>
        await db.RepairApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Bureau == bureau, ct) is { } a
            ? await ViewAsync(a, await steps.CalendarAsync(ct), ct)
            : null;

    /// <summary>The bureau's repair applications of a record, or all open ones, the oldest first.</summary>
    public async Task<List<RepairView>> ListAsync(string bureau, Guid? recordId, CancellationToken ct)
    {
        var query = db.RepairApplications.AsNoTracking().Where(a => a.Bureau == bureau);
        query = recordId is { } r ? query.Where(a => a.RecordId == r) : query.Where(a => RepairState.Open.Contains(a.State));
        var calendar = await steps.CalendarAsync(ct);
        var views = new List<RepairView>();
        foreach (var a in await query.OrderBy(a => a.CreatedAt).ToListAsync(ct)) views.Add(await ViewAsync(a, calendar, ct));
        return views;
    }

    private async Task<(RepairView?, Refusal?)> DecideAsync(RepairApplication application, CreditCase c, string stepName, string formId,
        JsonObject data, string? mode, LegalDate? due, string closed, CaseActor actor, HolidayCalendar calendar, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var serviceMode = await documents.ModeAsync(problems, c, mode, important: engine.Templates.FindForm(formId)?.Important == true, ct);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var (document, notIssued) = await documents.IssueAsync(c, $"{stepName}-{application.Sequence}", formId, data, actor, ct);
        if (document is null) return (null, notIssued);
        if (await documents.ServeAsync(document, serviceMode, actor, ct) is { } notServed) return (null, notServed);
        var step = await steps.StepAsync(c, stepName, steps.Today, actor, due, ct);
        step.DocumentId = document.Id;
        return await RecordAsync(application, c, step, actor, calendar, () =>
        {
            (application.DocumentId, application.State, application.ClosedOn) = (document.Id, closed, steps.Today);
        }, ct);
    }

    private async Task<(RepairView?, Refusal?)> RecordAsync(RepairApplication application, CreditCase c, CaseStep step, CaseActor actor,
        HolidayCalendar calendar, Action change, CancellationToken ct)
    {
        change();
        application.Version++;
        var (_, failed) = await steps.RecordAsync(c, step, c.State, null, actor, ct);
        return failed is null ? (await ViewAsync(application, calendar, ct), null) : (null, failed);
    }

    private async Task<(RepairApplication? Application, CreditCase? Case, Refusal? Refused)> FindAsync(Guid id, string bureau, string state, string step,
        CancellationToken ct)
    {
        var application = await db.RepairApplications.SingleOrDefaultAsync(a => a.Id == id && a.Bureau == bureau, ct);
        if (application is null) return (null, null, Refusal.NotFound);
        if (application.State != state)
        {
            return (null, null, Refusal.Conflict(ErrorCodes.CaseStepState,
                $"修复申请当前为「{RepairState.Label(application.State)}」，不能办理「{CaseSteps.Label(step)}」"));
        }
        return (application, await db.CreditCases.SingleAsync(c => c.Id == application.CaseId, ct), null);
    }

    private async Task<RepairView> ViewAsync(RepairApplication a, HolidayCalendar calendar, CancellationToken ct)
    {
        var today = steps.Today;
        var whole = Whole(a, calendar);
        var next = a.State switch
        {
            RepairState.Meeting => Next("提请局务会或者授权会议审议", CaseTimeLimits.Due(CaseTimeLimits.Find("repair-meeting")!, a.CompleteOn, calendar)),
            RepairState.Refusal => Next("出具不予修复决定书", CaseTimeLimits.Due(CaseTimeLimits.Find("repair-refusal")!, a.MeetingOn!.Value, calendar)),
            RepairState.Transfer => Next("填写移送单并报送法制部门", CaseTimeLimits.Due(CaseTimeLimits.Find("repair-transfer")!, a.MeetingOn!.Value, calendar)),
            RepairState.Removal => Next("法制部门移除信用记录", whole),
            RepairState.Rejection => Next("出具修复不予受理决定书", whole),
            _ => null,
        };
        var number = a.DocumentId is { } d ? await db.IssuedDocuments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Number).SingleAsync(ct) : null;
        var recordState = await db.CreditRecords.AsNoTracking().Where(r => r.Id == a.RecordId).Select(r => r.State).SingleAsync(ct);
        return new RepairView(a.Id, a.RecordId, a.CaseId, a.Sequence, a.ReceivedOn, a.ApplicationDate, a.CompleteOn, a.NewEvidence, a.State,
            RepairState.Label(a.State), next, whole.Date, whole.Rule, a.MeetingOn, a.Approved, a.Reasons, a.DocumentId, number, a.ClosedOn, recordState);

        CaseStepView Next(string step, LegalDate due)
        {
            var left = CaseService.WorkingDaysLeft(today, due.Date, calendar);
            return new CaseStepView(step, due.Date, due.Provisional, left, today > due.Date, due.Rule);
        }
    }

    private static LegalDate Whole(RepairApplication a, HolidayCalendar calendar) =>
        CaseTimeLimits.Due(CaseTimeLimits.Find("repair-whole")!, a.CompleteOn, calendar);

    /// <summary>The record as the decisions name it: 「2026年10月27日记入的……的严重失信行为信息（西北局信决字〔2026〕1号）」.</summary>
    private static string Describe(CreditRecord r) => $"{DateValue.FormatChinese(r.EnteredOn)}记入的{r.Act}的严重失信行为信息（{r.DecisionNumber}）";

}
