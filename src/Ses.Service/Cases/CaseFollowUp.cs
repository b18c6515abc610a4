using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Cases;

/// <summary>
/// What may follow the decision: the warning interview (警示约谈), reported to the legal department within 5 working days
/// and entered in SES within 3 of its receipt (实施办法第十五条), and the notifications of the recognition and the
/// interview to the bodies 实施办法第十六条 names, as tasks done when sent. Each is a step of the case's timeline.
/// </summary>
public sealed class CaseFollowUp(SesDbContext db, CaseStepRecorder steps, DocumentEngine engine, TimeProvider time)
{
    /// <summary>The states in which the decision has been issued (实施办法第十五条: 发出《决定书》后).</summary>
    public static readonly string[] Decided = [CaseState.Transfer, CaseState.Entry, CaseState.Recorded];

    /// <summary>The warning interview held, with its record (a file) or a summary.</summary>
    public async Task<(CaseView? Case, Refusal? Refused)> InterviewAsync(Guid id, StatementRequest request, CaseActor actor, CancellationToken ct)
    {
        var (c, refused) = await DecidedAsync(id, actor.Bureau, CaseSteps.Interview, ct);
        if (c is null) return (null, refused);
        var decision = await LastAsync(c.Id, CaseSteps.Decision, ct);
        var problems = new List<Problem>();
        var on = steps.Day(problems, "receivedOn", "约谈日期", request.ReceivedOn, decision!.DoneOn, "决定书发出之日");
        CaseStepRecorder.Text(problems, engine, "text", "约谈情况", request.Text, CaseService.FactsLength, required: request.File is null);
        CaseStepRecorder.File(problems, "file", "约谈记录", request.File, required: false);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var step = await steps.StepAsync(c, CaseSteps.Interview, on, actor, null, ct);
        if (request.File is { Length: > 0 } file)
        {
            (step.FileSha256, step.FileName) = (await steps.StoreAsync(file, ct), CaseStepRecorder.FileName(request.FileName, "约谈记录"));
        }
        if (!string.IsNullOrWhiteSpace(request.Text)) step.Note = request.Text.Trim();
        return await steps.RecordAsync(c, step, c.State, KeepDue(c), actor, ct);
    }

    /// <summary>The interview reported to the legal department, due 5 working days after it (实施办法第十五条).</summary>
    public async Task<(CaseView? Case, Refusal? Refused)> ReportAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct) =>
        await AfterAsync(id, request, actor, CaseSteps.InterviewReport, CaseSteps.Interview, "interview-report", "报送日期", "约谈之日", ct);

    /// <summary>The interview entered in SES by legal staff, due 3 working days after the report (实施办法第十五条).</summary>
    public async Task<(CaseView? Case, Refusal? Refused)> EnterAsync(Guid id, StepRequest request, CaseActor actor, CancellationToken ct) =>
        await AfterAsync(id, request, actor, CaseSteps.InterviewEntry, CaseSteps.InterviewReport, "interview-entry", "录入日期", "收到报送材料之日", ct);

    /// <summary>Opens a notification task (实施办法第十六条): to whom, the text to send.</summary>
    public async Task<(CaseNotification? Notification, Refusal? Refused)> NotifyAsync(Guid id, NotificationRequest request, CaseActor actor,
        CancellationToken ct)
    {
        var (c, refused) = await DecidedAsync(id, actor.Bureau, CaseSteps.NotificationSent, ct);
        if (c is null) return (null, refused);
        var problems = new List<Problem>();
        if (request.Kind is null || !NotificationRecipients.All.Contains(request.Kind))
        {
            problems.Add(new("kind", request.Kind is null ? ErrorCodes.FieldRequired : ErrorCodes.FieldChoiceUnknown,
                "「通报对象」应为 other-bureau（住所地地区管理局）、superior（上级主管单位）、employer（所在单位）或 association（行业协会）"));
        }
        CaseStepRecorder.Text(problems, engine, "recipient", "通报单位名称", request.Recipient, 100, required: true);
        CaseStepRecorder.Text(problems, engine, "text", "通报内容", request.Text, CaseService.FactsLength, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var notification = new CaseNotification
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), CaseId = c.Id, Kind = request.Kind!, Recipient = request.Recipient!.Trim(),
            Text = request.Text!.Trim(), CreatedBy = actor.UserName, CreatedAt = time.GetUtcNow(), Version = 1,
        };
        db.CaseNotifications.Add(notification);
        db.AuditEntries.Add(EvidenceEntries.Audit(notification.CreatedAt, actor.UserName, "case.notification", c.Id.ToString(), actor.Source,
            notification.Kind));
        await db.SaveChangesAsync(ct);
        return (notification, null);
    }

    /// <summary>A notification task done: sent on a day by a method; the text sent is kept in the timeline.</summary>
    public async Task<(CaseView? Case, Refusal? Refused)> SentAsync(Guid id, Guid notificationId, SentRequest request, CaseActor actor,
        CancellationToken ct)
    {
        var (c, refused) = await DecidedAsync(id, actor.Bureau, CaseSteps.NotificationSent, ct);
        if (c is null) return (null, refused);
        var notification = await db.CaseNotifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.CaseId == c.Id, ct);
        if (notification is null) return (null, Refusal.NotFound);
        if (notification.SentOn is not null) return (null, Refusal.Conflict(ErrorCodes.CaseStepState, "该通报已发出"));
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", "发出日期", request.On, LegalDates.BeijingDate(notification.CreatedAt), "通报任务建立之日");
        CaseStepRecorder.Text(problems, engine, "method", "通报方式", request.Method, 40, required: true);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        (notification.SentOn, notification.Method, notification.SentBy) = (on, request.Method!.Trim(), actor.UserName);
        notification.Version++;
        var step = await steps.StepAsync(c, CaseSteps.NotificationSent, on, actor, null, ct);
        step.Note = $"通报{notification.Recipient}（{request.Method!.Trim()}）：{notification.Text}";
        step.Result = notification.Kind;
        return await steps.RecordAsync(c, step, c.State, KeepDue(c), actor, ct);
    }

    /// <summary>The case's notification tasks, open and sent.</summary>
    public async Task<List<CaseNotificationView>?> NotificationsAsync(Guid id, string bureau, CancellationToken ct)
    {
        if (!await db.CreditCases.AnyAsync(c => c.Id == id && c.Bureau == bureau, ct)) return null;
        return (await db.CaseNotifications.AsNoTracking().Where(n => n.CaseId == id).OrderBy(n => n.CreatedAt).ToListAsync(ct))
            .Select(n => new CaseNotificationView(n.Id, n.Kind, NotificationRecipients.Label(n.Kind), n.Recipient, n.Text, n.SentOn, n.Method, n.SentBy))
            .ToList();
    }

    private async Task<(CaseView?, Refusal?)> AfterAsync(Guid id, StepRequest request, CaseActor actor, string stepName, string after, string limit,
        string label, string afterLabel, CancellationToken ct)
    {
        var (c, refused) = await DecidedAsync(id, actor.Bureau, stepName, ct);
        if (c is null) return (null, refused);
        var previous = await LastAsync(c.Id, after, ct);
        var done = await LastAsync(c.Id, stepName, ct);
        if (previous is null || (done is not null && done.Number > previous.Number))
        {
            return (null, Refusal.Conflict(ErrorCodes.CaseStepState, $"没有待办理的「{CaseSteps.Label(stepName)}」：应先办理「{CaseSteps.Label(after)}」"));
        }
        var problems = new List<Problem>();
        var on = steps.Day(problems, "on", label, request.On, previous.DoneOn, afterLabel);
        CaseStepRecorder.Text(problems, engine, "note", "备注", request.Note, CaseProcedure.NoteLength);
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var due = CaseTimeLimits.Due(CaseTimeLimits.Find(limit)!, previous.DoneOn, await steps.CalendarAsync(ct));
        var step = await steps.StepAsync(c, stepName, on, actor, due, ct);
        if (!string.IsNullOrWhiteSpace(request.Note)) step.Note = request.Note.Trim();
        return await steps.RecordAsync(c, step, c.State, KeepDue(c), actor, ct);
    }

    private async Task<(CreditCase? Case, Refusal? Refused)> DecidedAsync(Guid id, string bureau, string step, CancellationToken ct)
    {
        var c = await db.CreditCases.SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (c is null) return (null, Refusal.NotFound);
        return Decided.Contains(c.State)
            ? (c, null)
            : (null, Refusal.Conflict(ErrorCodes.CaseStepState, $"决定书发出后才能办理「{CaseSteps.Label(step)}」（实施办法第十五条、第十六条）"));
    }

    private Task<CaseStep?> LastAsync(Guid caseId, string step, CancellationToken ct) =>
        db.CaseSteps.AsNoTracking().Where(s => s.CaseId == caseId && s.Step == step).OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);

    /// <summary>These steps do not move the case: its next step and due date stay.</summary>
    private static LegalDate? KeepDue(CreditCase c) => c.DueDate is { } d ? new LegalDate(d, c.DueProvisional, c.DueRule ?? "") : null;

}
