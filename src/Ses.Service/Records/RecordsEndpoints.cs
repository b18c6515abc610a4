using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Records;

/// <summary>
/// Credit records for staff (the bureau's list and detail, the question of 实施办法第二十一条, the marks of
/// 实施办法第二十七条 by legal staff) and the public list of 实施办法第二十条 as JSON and CSV, without sign-in.
/// </summary>
public static class RecordsEndpoints
{
    public const string PublicJsonPath = "/public/credit-records.json";
    public const string PublicCsvPath = "/public/credit-records.csv";

    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var records = app.MapStaffGroup("/api/records", AuthSetup.StaffPolicy).WithTags("Records");
        records.MapGet("/", List).WithName("ListRecords")
            .WithSummary("The bureau's credit records, newest first; state (in-force, expired, repaired, corrected) and q (name or identifier) narrow them");
        records.MapGet("/in-force", InForce).WithName("RecordsInForce")
            .WithSummary("Does this party have a record in force (实施办法第二十一条)? By name or identifier, in every bureau's records, with the measures");
        records.MapGet("/{id:guid}", Get).WithName("GetRecord");

        var legal = app.MapStaffGroup("/api/records", AuthSetup.LegalPolicy).WithTags("Records");
        legal.MapPost("/{id:guid}/mark", Mark).WithName("MarkRecord").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Legal staff mark a record as the subject of a reconsideration or litigation (实施办法第二十七条)");
        legal.MapPost("/{id:guid}/unmark", Unmark).WithName("UnmarkRecord").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Legal staff take the mark off once the reconsideration or litigation has ended");

        // 实施办法第二十条: public, for the CAAC website and 信用中国.
        app.MapGet(PublicJsonPath, PublicJson).WithName("PublicCreditRecordsJson").WithTags("Public").AllowAnonymous()
            .WithSummary("Organisations with records in force, and entries taken down with when and why (实施办法第二十条); never individuals");
        app.MapGet(PublicCsvPath, PublicCsv).WithName("PublicCreditRecordsCsv").WithTags("Public").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The same list as CSV (UTF-8 with BOM, for Excel)");
        return app;
    }

    private static async Task<Results<Ok<RecordList>, ValidationProblem, NotFound, ProblemHttpResult>> List(string? state, string? q,
        RecordQueries queries, [AsParameters] StaffCaller caller)
    {
        var (list, refused) = await queries.ListAsync(caller.Bureau, state, q, caller.RequestAborted);
        return list is null ? ApiProblems.From<Ok<RecordList>>(refused!) : TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<RecordView>, NotFound>> Get(Guid id, RecordQueries queries, [AsParameters] StaffCaller caller) =>
        await queries.GetAsync(id, caller.Bureau, caller.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<InForceAnswer>, ValidationProblem, NotFound, ProblemHttpResult>> InForce(string? q, RecordQueries queries,
        [AsParameters] StaffCaller caller)
    {
        var (answer, refused) = await queries.InForceAsync(q, caller.RequestAborted);
        return answer is null ? ApiProblems.From<Ok<InForceAnswer>>(refused!) : TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<RecordView>, ValidationProblem, NotFound, ProblemHttpResult>> Mark(Guid id, MarkRequest request,
        RecordService records, [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await records.MarkAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return view is null ? ApiProblems.From<Ok<RecordView>>(refused!) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<RecordView>, ValidationProblem, NotFound, ProblemHttpResult>> Unmark(Guid id, RecordService records,
        [AsParameters] StaffCaller caller)
    {
        var (view, refused) = await records.UnmarkAsync(id, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return view is null ? ApiProblems.From<Ok<RecordView>>(refused!) : TypedResults.Ok(view);
    }

    private static async Task<Ok<PublicFeed>> PublicJson(RecordQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PublicAsync(ct));

    private static async Task<FileContentHttpResult> PublicCsv(RecordQueries queries, CancellationToken ct) =>
        TypedResults.File(PublicRecordsCsv.Write(await queries.PublicAsync(ct)), "text/csv; charset=utf-8", Path.GetFileName(PublicCsvPath));
}
