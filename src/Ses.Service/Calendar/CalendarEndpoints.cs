using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Calendar;

/// <summary>The working-day calendar in force (staff), and importing a new year (system administrators only: the calendar is server-wide).</summary>
public static class CalendarEndpoints
{
    public sealed record CalendarResponse(IReadOnlyList<int> ScheduledYears, IReadOnlyList<string> Sources);

    /// <summary>The years imported and the dates of existing deliveries the import moved.</summary>
    public sealed record ImportResponse(IReadOnlyList<int> Years, IReadOnlyList<CalendarMove> Moves);

    public const string MovesDatesCode = ErrorCodes.CalendarMovesDates;

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapStaffGroup("/api/calendar").WithTags("Calendar");
        calendar.MapGet("/", Current).WithName("Calendar").WithSummary("Years with a holiday schedule and where the data came from");
        calendar.MapPost("/years", Import).WithName("ImportCalendarYear").RequireAuthorization(AuthSetup.SystemAdminPolicy)
            .WithSummary("Import whole years from a text/csv body: date,is_off_day,name (the State Council's annual notice); "
                + "?confirm=true when it moves existing dates")
            .Accepts<string>("text/csv").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<CalendarResponse>> Current(CalendarStore store, [AsParameters] StaffCaller caller)
    {
        var c = await store.CurrentAsync(caller.RequestAborted);
        return TypedResults.Ok(new CalendarResponse([.. c.ScheduledYears.Order()], c.Sources));
    }

    private static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> Import(CalendarStore store, TimeProvider time,
        [AsParameters] StaffCaller caller, string? name = null, bool confirm = false)
    {
        using var reader = new StreamReader(caller.Http.Request.Body);
        var csv = await reader.ReadToEndAsync(caller.RequestAborted);
        var source = string.IsNullOrWhiteSpace(name) ? $"imported-{time.GetUtcNow():yyyyMMddHHmmss}.csv" : Path.GetFileName(name);
        var result = await store.ImportAsync(csv, source, caller.UserName, caller.Source, time.GetUtcNow(), confirm, caller.RequestAborted);
        if (result.Problems.Count > 0) return ApiProblems.Invalid(result.Problems);
        if (!result.Imported)
        {
            return TypedResults.Problem(title: $"导入将改变 {result.Moves.Count} 个已有送达的视为送达日或期限，未导入；核对所列变动后以 ?confirm=true 确认导入",
                statusCode: StatusCodes.Status409Conflict, type: ApiProblems.TypeBase + MovesDatesCode,
                extensions: new Dictionary<string, object?> { ["code"] = MovesDatesCode, ["moves"] = result.Moves });
        }
        return TypedResults.Ok(new ImportResponse(result.Years, result.Moves));
    }
}
