using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Submissions;

/// <summary>
/// What the counterparty submits online — statements and defences against served notices, repair applications — and
/// their receipts (its accounts); the submissions on a notice or a record and their receipts and files (staff of the bureau).
/// </summary>
public static class SubmissionsEndpoints
{
    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        var deliveries = app.MapAccountGroup("/api/my/deliveries").WithTags("Counterparty account");
        deliveries.MapGet("/{id:guid}/statement", Period).WithName("MyStatementPeriod")
            .WithSummary("The statement and defence period of a served notice: its last day and whether a statement today is late (实施办法第十三条)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        deliveries.MapPost("/{id:guid}/statement", Statement).WithName("SubmitStatement")
            .WithSummary("陈述和申辩: text and files (PDF, JPEG, PNG, DOCX as base64); accepted late, marked with the working days; answered with its receipt")
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimits.MaxJsonWithFileBytes)).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapAccountGroup("/api/my/records").WithTags("Counterparty account")
            .MapGet("/", MyRecords).WithName("MyRecords")
            .WithSummary("The counterparty's credit records in force, the first day a repair may be applied for, and whether it may be today");
        app.MapAccountGroup("/api/my/repairs").WithTags("Counterparty account")
            .MapPost("/", Repair).WithName("SubmitRepairApplication")
            .WithSummary("修复申请书 (附件8) filled online with its materials; received on the bureau's behalf today (实施办法第十八条)")
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimits.MaxJsonWithFileBytes)).ProducesProblem(StatusCodes.Status409Conflict);

        var mine = app.MapAccountGroup("/api/my/submissions").WithTags("Counterparty account");
        mine.MapGet("/", Mine).WithName("MySubmissions").WithSummary("The counterparty's submissions, newest first");
        mine.MapGet("/{id:guid}", MyOne).WithName("MySubmission");
        mine.MapGet("/{id:guid}/receipt", MyReceipt).WithName("MySubmissionReceipt")
            .WithSummary("The receipt (电子提交回执): a signed, timestamped PDF").Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapStaffGroup("/api/documents").WithTags("Submissions")
            .MapGet("/{id:guid}/submissions", OnDocument).WithName("DocumentSubmissions")
            .WithSummary("The statements and defences submitted online against a notice of the bureau");
        app.MapStaffGroup("/api/records").WithTags("Submissions")
            .MapGet("/{id:guid}/submissions", OnRecord).WithName("RecordSubmissions")
            .WithSummary("The repair applications submitted online on a credit record of the bureau");
        var staff = app.MapStaffGroup("/api/submissions").WithTags("Submissions");
        staff.MapGet("/{id:guid}", One).WithName("GetSubmission");
        staff.MapGet("/{id:guid}/receipt", Receipt).WithName("SubmissionReceipt")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        staff.MapGet("/{id:guid}/files/{number:int}", File).WithName("SubmissionFile")
            .Produces(StatusCodes.Status200OK, responseType: null, "application/pdf", "image/jpeg", "image/png");
        return app;
    }

    private static async Task<Results<Ok<StatementPeriod>, ValidationProblem, NotFound, ProblemHttpResult>> Period(
        Guid id, SubmissionService service, TimeProvider time, [AsParameters] AccountCaller caller)
    {
        if (await service.NoticeAsync(id, caller.CounterpartyId, caller.RequestAborted) is not var (delivery, document, form)) return TypedResults.NotFound();
        if (SubmissionService.Accepts(document, form) is { } refused) return ApiProblems.From<Ok<StatementPeriod>>(refused);
        return TypedResults.Ok(await service.PeriodAsync(delivery, document, form, LegalDates.BeijingDate(time.GetUtcNow()), caller.RequestAborted));
    }

    private static async Task<Results<Created<SubmissionView>, ValidationProblem, NotFound, ProblemHttpResult>> Statement(
        Guid id, StatementSubmission request, SubmissionService service, [AsParameters] AccountCaller caller)
    {
        var problems = new List<Problem>();
        var uploads = Attachments.Decode(request.Attachments, problems);
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        var (view, refused) = await service.StatementAsync(id, request.Text, uploads, Submitter.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<SubmissionView>>(refused!) : TypedResults.Created($"/api/my/submissions/{view.Id}", view);
    }

    private static async Task<Ok<List<MyRecordView>>> MyRecords(SubmissionQueries queries, TimeProvider time, [AsParameters] AccountCaller caller) =>
        TypedResults.Ok(await queries.RecordsAsync(caller.CounterpartyId, LegalDates.BeijingDate(time.GetUtcNow()), caller.RequestAborted));

    private static async Task<Results<Created<SubmissionView>, ValidationProblem, NotFound, ProblemHttpResult>> Repair(
        RepairSubmission request, RepairSubmissions service, [AsParameters] AccountCaller caller)
    {
        var problems = new List<Problem>();
        var uploads = Attachments.Decode(request.Attachments, problems);
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        var (view, refused) = await service.ApplyAsync(request, uploads, Submitter.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<SubmissionView>>(refused!) : TypedResults.Created($"/api/my/submissions/{view.Id}", view);
    }

    private static async Task<Ok<List<SubmissionView>>> Mine(SubmissionQueries queries, [AsParameters] AccountCaller caller) =>
        TypedResults.Ok(await queries.MineAsync(caller.CounterpartyId, caller.RequestAborted));

    private static async Task<Results<Ok<SubmissionView>, NotFound>> MyOne(Guid id, SubmissionQueries queries, [AsParameters] AccountCaller caller) =>
        await queries.OfCounterpartyAsync(id, caller.CounterpartyId, caller.RequestAborted) is { } s
            ? TypedResults.Ok(await queries.ViewAsync(s, caller.RequestAborted))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> MyReceipt(Guid id, SubmissionQueries queries,
        SubmissionReceipts receipts, [AsParameters] AccountCaller caller) =>
        await ReceiptOf(await queries.OfCounterpartyAsync(id, caller.CounterpartyId, caller.RequestAborted), receipts, caller.RequestAborted);

    private static async Task<Results<Ok<List<SubmissionView>>, NotFound>> OnDocument(Guid id, SubmissionQueries queries, [AsParameters] StaffCaller caller) =>
        await queries.OnDocumentAsync(id, caller.Bureau, caller.RequestAborted) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<SubmissionView>>, NotFound>> OnRecord(Guid id, SubmissionQueries queries, [AsParameters] StaffCaller caller) =>
        await queries.OnRecordAsync(id, caller.Bureau, caller.RequestAborted) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<SubmissionView>, NotFound>> One(Guid id, SubmissionQueries queries, [AsParameters] StaffCaller caller) =>
        await queries.OfBureauAsync(id, caller.Bureau, caller.RequestAborted) is { } s
            ? TypedResults.Ok(await queries.ViewAsync(s, caller.RequestAborted, staff: true))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Receipt(Guid id, SubmissionQueries queries,
        SubmissionReceipts receipts, [AsParameters] StaffCaller caller) =>
        await ReceiptOf(await queries.OfBureauAsync(id, caller.Bureau, caller.RequestAborted), receipts, caller.RequestAborted);

    private static async Task<Results<FileContentHttpResult, NotFound>> File(Guid id, int number, SubmissionQueries queries, SesDbContext db,
        IFileStore files, [AsParameters] StaffCaller caller)
    {
        if (await queries.OfBureauAsync(id, caller.Bureau, caller.RequestAborted) is null) return TypedResults.NotFound();
        var file = await db.SubmissionFiles.AsNoTracking().SingleOrDefaultAsync(f => f.SubmissionId == id && f.Number == number, caller.RequestAborted);
        if (file is null || await files.GetAsync(file.Sha256, caller.RequestAborted) is not { } bytes) return TypedResults.NotFound();
        return TypedResults.File(bytes, file.ContentType, file.Name);
    }

    /// <summary>The receipt, made now if the timestamp authority was down when the submission came in.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> ReceiptOf(Submission? s, SubmissionReceipts receipts,
        CancellationToken ct)
    {
        if (s is null) return TypedResults.NotFound();
        try
        {
            var pdf = await receipts.IssueAsync(s.Id, ct);
            var at = s.SubmittedAt.ToOffset(LegalDates.Beijing).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            return TypedResults.File(pdf, "application/pdf", $"{SubmissionReceipts.SigningReason}-{at}.pdf");
        }
        catch (TimestampException)
        {
            return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, ErrorCodes.TsaUnavailable, "时间戳服务不可用，回执暂未生成，请稍后再下载");
        }
    }
}
