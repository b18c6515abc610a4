using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Records;
using Ses.Service.Storage;
using Ses.Service.Submissions;

namespace Ses.Service.Evaluations;

/// <summary>
/// The general-aviation integrity evaluation (《通用航空企业诚信经营评价管理暂行办法》): officers run the round, all staff of
/// the bureau read it and the grades (第十九条), the enterprises upload materials and apply for review, the public reads
/// the results (第十三条).
/// </summary>
public static class EvaluationsEndpoints
{
    public const string PublicJsonPath = "/public/ga-evaluations.json";
    public const string PublicCsvPath = "/public/ga-evaluations.csv";

    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapStaffGroup("/api/evaluation-rounds", AuthSetup.OfficerPolicy).WithTags("Evaluations");
        rounds.MapPost("/", Create).WithName("CreateEvaluationRound").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A year's round with its notice to the enterprises and the day their materials are due (暂行办法第十条、第十一条)");
        rounds.MapPost("/{id:guid}/enterprises", AddEnterprise).WithName("AddEvaluatedEnterprise").ProducesProblem(StatusCodes.Status409Conflict);
        rounds.MapPost("/{id:guid}/pre-evaluation", (Guid id, EvaluationRoundService s, [AsParameters] StaffCaller c) =>
            Answer(s.PreEvaluateAsync(id, CaseActor.From(c), c.RequestAborted))).WithName("PreEvaluateRound")
            .WithSummary("Item 10 from the credit records, then every enterprise scored; repeatable until published");
        rounds.MapPost("/{id:guid}/publication", (Guid id, NoticeOptions? o, EvaluationRoundService s, [AsParameters] StaffCaller c) =>
            Answer(s.PublishAsync(id, o ?? new(null, null, null), CaseActor.From(c), c.RequestAborted))).WithName("PublishPreEvaluation")
            .WithSummary("Publish the pre-evaluation result for 5 working days and serve each enterprise its notice (暂行办法第十三条)");
        rounds.MapPost("/{id:guid}/final", (Guid id, EvaluationRoundService s, [AsParameters] StaffCaller c) =>
            Answer(s.FinalAsync(id, CaseActor.From(c), c.RequestAborted))).WithName("PublishEvaluationResult")
            .WithSummary("Publish the final result once the publication is over and every review completed");

        var evaluations = app.MapStaffGroup("/api/evaluations", AuthSetup.OfficerPolicy).WithTags("Evaluations");
        evaluations.MapPost("/{id:guid}/entries", AddEntry).WithName("AddEvaluationEntry")
            .WithSummary("An event of the year with its evidence (items 1-12 except 7)");
        evaluations.MapPost("/{id:guid}/entries/import", (Guid id, EntryImport request, EvaluationRoundService s, [AsParameters] StaffCaller c) =>
            Answer(s.ImportAsync(id, request, CaseActor.From(c), c.RequestAborted))).WithName("ImportEvaluationEntries")
            .WithSummary("Events imported from a file in the format of `ses ga score`, with the evidence of the import; all or nothing");
        evaluations.MapPost("/{id:guid}/entries/{entryId:guid}/remove", RemoveEntry).WithName("RemoveEvaluationEntry");
        evaluations.MapPost("/{id:guid}/review", Review).WithName("DecideEvaluationReview")
            .WithSummary("The review's result, notified in writing (暂行办法第十五条)");

        var staff = app.MapStaffGroup("/api", AuthSetup.StaffPolicy).WithTags("Evaluations");
        staff.MapGet("/evaluation-rounds", async (EvaluationQueries q, [AsParameters] StaffCaller c) =>
            TypedResults.Ok(await q.RoundsAsync(c.Bureau, c.RequestAborted))).WithName("ListEvaluationRounds");
        staff.MapGet("/evaluation-rounds/{id:guid}", async Task<Results<Ok<RoundView>, NotFound>> (Guid id, EvaluationQueries q,
            [AsParameters] StaffCaller c) =>
            await q.RoundAsync(id, c.Bureau, c.RequestAborted) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound()).WithName("GetEvaluationRound");
        staff.MapGet("/evaluations/{id:guid}", async Task<Results<Ok<EvaluationView>, NotFound>> (Guid id, EvaluationQueries q,
            [AsParameters] StaffCaller c) =>
            await q.EvaluationAsync(id, c.Bureau, c.RequestAborted) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound()).WithName("GetEvaluation");
        staff.MapGet("/evaluations/{id:guid}/materials/{materialId:guid}", Material).WithName("EvaluationMaterialFile")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        staff.MapGet("/evaluations/{id:guid}/entries/{entryId:guid}/file", EntryFile).WithName("EvaluationEntryFile")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        staff.MapGet("/ga-grades", async (EvaluationQueries queries, [AsParameters] StaffCaller c, string? q = null) =>
            TypedResults.Ok(await queries.GradesAsync(c.Bureau, q, c.RequestAborted))).WithName("InspectionGrades")
            .WithSummary("The latest published grade of the bureau's enterprises, for planning inspections (暂行办法第十九条); ?q= part of the name");

        var my = app.MapAccountGroup("/api/my/evaluations").WithTags("Counterparty account");
        my.MapGet("/", async (EvaluationQueries q, [AsParameters] AccountCaller c) =>
            TypedResults.Ok(await q.MineAsync(c.CounterpartyId, c.RequestAborted))).WithName("MyEvaluations");
        my.MapPost("/{id:guid}/materials", Upload).WithName("UploadEvaluationMaterials");
        my.MapPost("/{id:guid}/review", Apply).WithName("ApplyForEvaluationReview")
            .WithSummary("The written review application with its evidence, during the publication only (暂行办法第十四条)");

        app.MapGet(PublicJsonPath, async (EvaluationQueries q, CancellationToken ct) => TypedResults.Ok(await q.PublicAsync(ct)))
            .WithName("PublicEvaluationsJson").WithTags("Public").AllowAnonymous()
            .WithSummary("The general-aviation evaluation results: enterprise, type, grade (暂行办法第十三条)");
        app.MapGet(PublicCsvPath, PublicCsv).WithName("PublicEvaluationsCsv").WithTags("Public").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<Results<Ok<T>, ValidationProblem, NotFound, ProblemHttpResult>> Answer<T>(Task<(T? View, Refusal? Refused)> work)
        where T : class
    {
        var (view, refused) = await work;
        return view is null ? ApiProblems.From<Ok<T>>(refused!) : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<RoundView>, ValidationProblem, NotFound, ProblemHttpResult>> Create(RoundRequest request,
        EvaluationRoundService service, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await service.CreateAsync(request, CaseActor.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<RoundView>>(refused!) : TypedResults.Created($"/api/evaluation-rounds/{view.Id}", view);
    }

    private static Task<Results<Ok<RoundView>, ValidationProblem, NotFound, ProblemHttpResult>> AddEnterprise(Guid id, EnterpriseRequest request,
        EvaluationRoundService service, [AsParameters] StaffCaller caller) =>
        Answer(service.AddEnterpriseAsync(id, request, CaseActor.From(caller), caller.RequestAborted));

    private static Task<Results<Ok<EvaluationView>, ValidationProblem, NotFound, ProblemHttpResult>> AddEntry(Guid id, EntryRequest request,
        EvaluationRoundService service, [AsParameters] StaffCaller caller) =>
        Answer(service.AddEntryAsync(id, request, CaseActor.From(caller), caller.RequestAborted));

    private static Task<Results<Ok<EvaluationView>, ValidationProblem, NotFound, ProblemHttpResult>> RemoveEntry(Guid id, Guid entryId,
        EntryRemoval request, EvaluationRoundService service, [AsParameters] StaffCaller caller) =>
        Answer(service.RemoveEntryAsync(id, entryId, request, CaseActor.From(caller), caller.RequestAborted));

    private static Task<Results<Ok<EvaluationView>, ValidationProblem, NotFound, ProblemHttpResult>> Review(Guid id, ReviewDecision request,
        EvaluationRoundService service, [AsParameters] StaffCaller caller) =>
        Answer(service.DecideReviewAsync(id, request, CaseActor.From(caller), caller.RequestAborted));

    private static async Task<Results<Ok<MyEvaluationView>, ValidationProblem, NotFound, ProblemHttpResult>> Upload(Guid id, MaterialUpload request,
        EvaluationAccountService service, [AsParameters] AccountCaller caller)
    {
        var problems = new List<Problem>();
        var uploads = Attachments.Decode(request.Attachments, problems);
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        return await Answer(service.UploadAsync(id, request, uploads, Submitter.From(caller), caller.RequestAborted));
    }

    private static async Task<Results<Created<SubmissionView>, ValidationProblem, NotFound, ProblemHttpResult>> Apply(Guid id, ReviewApplication request,
        EvaluationAccountService service, [AsParameters] AccountCaller caller)
    {
        var problems = new List<Problem>();
        var uploads = Attachments.Decode(request.Attachments, problems);
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        var (view, refused) = await service.ApplyAsync(id, request.Reason, uploads, Submitter.From(caller), caller.RequestAborted);
        return view is null ? ApiProblems.From<Created<SubmissionView>>(refused!) : TypedResults.Created($"/api/my/submissions/{view.Id}", view);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Material(Guid id, Guid materialId, SesDbContext db, IFileStore files,
        [AsParameters] StaffCaller caller)
    {
        var m = await (from x in db.EvaluationMaterials.AsNoTracking()
                       join e in db.Evaluations.AsNoTracking() on x.EvaluationId equals e.Id
                       where x.Id == materialId && e.Id == id && e.Bureau == caller.Bureau
                       select x).SingleOrDefaultAsync(caller.RequestAborted);
        return m is not null && await files.GetAsync(m.Sha256, caller.RequestAborted) is { } bytes
            ? TypedResults.File(bytes, m.ContentType, m.FileName)
            : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> EntryFile(Guid id, Guid entryId, SesDbContext db, IFileStore files,
        [AsParameters] StaffCaller caller)
    {
        var x = await (from n in db.EvaluationEntries.AsNoTracking()
                       join e in db.Evaluations.AsNoTracking() on n.EvaluationId equals e.Id
                       where n.Id == entryId && e.Id == id && e.Bureau == caller.Bureau && n.FileSha256 != null
                       select n).SingleOrDefaultAsync(caller.RequestAborted);
        return x is not null && await files.GetAsync(x.FileSha256!, caller.RequestAborted) is { } bytes
            ? TypedResults.File(bytes, "application/octet-stream", x.FileName)
            : TypedResults.NotFound();
    }

    private static async Task<FileContentHttpResult> PublicCsv(EvaluationQueries queries, CancellationToken ct)
    {
        var text = new StringBuilder();
        PublicRecordsCsv.Line(text, ["年度", "结果", "评价机关", "企业名称", "企业类型", "等级", "公布日期", "公示截止日期"]);
        foreach (var p in await queries.PublicAsync(ct))
        {
            PublicRecordsCsv.Line(text, [p.Year.ToString(CultureInfo.InvariantCulture), p.Stage, p.Bureau, p.Enterprise, p.Type, p.Grade,
                Day(p.PublishedOn), p.PublicationEndsOn is { } end ? Day(end) : ""]);
        }
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8",
            Path.GetFileName(PublicCsvPath));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
