using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Cases;

/// <summary>
/// Credit cases: officers open and carry them step by step (实施办法第十二条至第十四条), leaders approve, legal staff enter
/// the record. Each step answers the case as it now stands, with its next step, due date and rule.
/// </summary>
public static class CasesEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapStaffGroup("/api/cases", AuthSetup.OfficerPolicy).WithTags("Cases");
        cases.MapPost("/", Create).WithName("CreateCase")
            .WithSummary("Open a credit case against a counterparty the bureau supervises (实施办法第十一条), in collection");
        cases.MapGet("/mine", Mine).WithName("MyCases")
            .WithSummary("The officer's open cases, each with its next step, due date and working days left (negative when overdue)");
        cases.MapGet("/{id:guid}", Get).WithName("GetCase");
        cases.MapPut("/{id:guid}", Update).WithName("UpdateCase").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change the case's facts before the notice is issued; later documents carry the change");
        cases.MapGet("/{id:guid}/preview", Preview).WithName("PreviewCaseDocument").Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The notice or decision the case's next step will issue, from the case's data, marked 样稿");
        cases.MapStep<CaseProcedure, CollectionRequest, CaseView>("collection", "CollectCase", (s, id, r, a, ct) => s.CollectAsync(id, r, a, ct));
        cases.MapStep<CaseProcedure, StepRequest, CaseView>("office-review", "ReviewCollection",
            (s, id, r, a, ct) => s.ReviewCollectionAsync(id, r, a, ct));
        cases.MapStep<CaseDocumentSteps, NoticeRequest, CaseView>("notice", "IssueCaseNotice", (s, id, r, a, ct) => s.NoticeAsync(id, r, a, ct));
        cases.MapStep<CaseProcedure, StatementRequest, CaseView>("statement", "RecordStatement", (s, id, r, a, ct) => s.StatementAsync(id, r, a, ct));
        cases.MapStep<CaseProcedure, StepRequest, CaseView>("no-statement", "RecordNoStatement", (s, id, _, a, ct) => s.NoStatementAsync(id, a, ct));
        cases.MapStep<CaseProcedure, ReviewRequest, CaseView>("statement-review", "ReviewStatement",
            (s, id, r, a, ct) => s.ReviewStatementAsync(id, r, a, ct));
        cases.MapStep<CaseProcedure, MeetingRequest, CaseView>("meeting", "RecordMeeting", (s, id, r, a, ct) => s.MeetingAsync(id, r, a, ct));
        cases.MapStep<CaseDocumentSteps, DecisionRequest, CaseView>("decision", "IssueCaseDecision",
            (s, id, r, a, ct) => s.DecisionAsync(id, r, a, ct));
        cases.MapStep<CaseDocumentSteps, StepRequest, CaseView>("transfer", "TransferCase", (s, id, r, a, ct) => s.TransferAsync(id, r, a, ct));
        // 实施办法第十五条、第十六条: after the decision.
        cases.MapStep<CaseFollowUp, StatementRequest, CaseView>("interview", "RecordInterview", (s, id, r, a, ct) => s.InterviewAsync(id, r, a, ct));
        cases.MapStep<CaseFollowUp, StepRequest, CaseView>("interview-report", "ReportInterview", (s, id, r, a, ct) => s.ReportAsync(id, r, a, ct));
        cases.MapGet("/{id:guid}/notifications", Notifications).WithName("CaseNotifications")
            .WithSummary("The notifications of 实施办法第十六条: open tasks and those sent, with their text");
        cases.MapPost("/{id:guid}/notifications", Notify).WithName("OpenCaseNotification").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:guid}/notifications/{notificationId:guid}/sent", Sent).WithName("CaseNotificationSent")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var approvals = app.MapStaffGroup("/api/approvals", AuthSetup.LeaderPolicy).WithTags("Cases");
        approvals.MapGet("/", Approvals).WithName("CasesAwaitingApproval")
            .WithSummary("The bureau's cases waiting for the leader: the notice (实施办法第十三条第一款) or closing without a record (第十三条第二款)");
        approvals.MapStep<CaseProcedure, ApprovalRequest, CaseView>("", "ApproveCase", (s, id, r, a, ct) => s.ApproveAsync(id, r, a, ct));

        var entries = app.MapStaffGroup("/api/entries", AuthSetup.LegalPolicy).WithTags("Cases");
        entries.MapGet("/", Entries).WithName("CasesAwaitingEntry")
            .WithSummary("Cases transferred to the legal department, each with its entry due date (实施办法第十四条第二款)");
        entries.MapStep<CaseProcedure, StepRequest, CaseView>("", "EnterCaseRecord", (s, id, r, a, ct) => s.EnterAsync(id, r, a, ct));
        entries.MapStep<CaseFollowUp, StepRequest, CaseView>("interview", "EnterInterview", (s, id, r, a, ct) => s.EnterAsync(id, r, a, ct));
        return app;
    }

    private static async Task<Results<Created<CaseView>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CaseRequest request, CaseService cases, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await cases.CreateAsync(request, caller.Bureau, caller.UserId, caller.UserName, caller.Source, caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<CaseView>>(refused!) : TypedResults.Created($"/api/cases/{view.Id}", view);
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, CaseRequest request, CaseProcedure procedure, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await procedure.UpdateAsync(id, request, CaseActor.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Ok<CaseView>>(refused!) : TypedResults.Ok(view);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> Preview(
        Guid id, CaseDocumentSteps documents, [AsParameters] StaffCaller caller)
    {
        var (pdf, refused) = await documents.PreviewAsync(id, caller.Bureau, caller.RequestAborted);
        return pdf is null ? ApiProblems.From<FileContentHttpResult>(refused!) : TypedResults.File(pdf, "application/pdf");
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> Get(Guid id, CaseService cases, [AsParameters] StaffCaller caller) =>
        await cases.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<List<MyCaseView>>> Mine(CaseService cases, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok(await cases.MineAsync(caller.UserId, caller.Bureau, caller.RequestAborted));

    private static async Task<Results<Ok<List<CaseNotificationView>>, NotFound>> Notifications(Guid id, CaseFollowUp followUp,
        [AsParameters] StaffCaller caller) =>
        await followUp.NotificationsAsync(id, caller.Bureau, caller.RequestAborted) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Created<CaseNotificationView>, ValidationProblem, NotFound, ProblemHttpResult>> Notify(
        Guid id, NotificationRequest request, CaseFollowUp followUp, [AsParameters] StaffCaller caller)
    {
        var (n, refused) = await followUp.NotifyAsync(id, request, CaseActor.From(caller), caller.RequestAborted);
        return n is null
            ? ApiProblems.From<Created<CaseNotificationView>>(refused!)
            : TypedResults.Created($"/api/cases/{id}/notifications",
                new CaseNotificationView(n.Id, n.Kind, NotificationRecipients.Label(n.Kind), n.Recipient, n.Text, n.SentOn, n.Method, n.SentBy));
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, NotFound, ProblemHttpResult>> Sent(
        Guid id, Guid notificationId, SentRequest request, CaseFollowUp followUp, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await followUp.SentAsync(id, notificationId, request, CaseActor.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Ok<CaseView>>(refused!) : TypedResults.Ok(view);
    }

    private static async Task<Ok<List<ApprovalView>>> Approvals(CaseService cases, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok(await cases.AwaitingApprovalAsync(caller.Bureau, caller.RequestAborted));

    private static async Task<Ok<List<MyCaseView>>> Entries(CaseService cases, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok(await cases.AwaitingEntryAsync(caller.Bureau, caller.RequestAborted));
}
