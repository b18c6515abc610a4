using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Calendar;

/// <summary>The working-day calendar in force, and importing a new year (administrators).</summary>
public static class CalendarEndpoints
{
    public sealed record CalendarResponse(IReadOnlyList<int> ScheduledYears, IReadOnlyList<string> Sources);

    public sealed record ImportResponse(IReadOnlyList<int> Years);

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(AuthSetup.StaffPolicy).RequirePasswordChanged();
        calendar.MapGet("/", Current).WithName("Calendar").WithSummary("Years with a holiday schedule and where the data came from");
        calendar.MapPost("/years", Import).WithName("ImportCalendarYear").RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Import whole years from a text/csv body: date,is_off_day,name (the State Council's annual notice)")
            .Accepts<string>("text/csv");
        return app;
    }

    private static async Task<Ok<CalendarResponse>> Current(CalendarStore store, HttpContext http)
    {
        var c = await store.CurrentAsync(http.RequestAborted);
        return TypedResults.Ok(new CalendarResponse([.. c.ScheduledYears.Order()], c.Sources));
    }

    private static async Task<Results<Ok<ImportResponse>, ValidationProblem>> Import(CalendarStore store, TimeProvider time, HttpContext http, string? name = null)
    {
        using var reader = new StreamReader(http.Request.Body);
        var csv = await reader.ReadToEndAsync(http.RequestAborted);
        var source = string.IsNullOrWhiteSpace(name) ? $"imported-{time.GetUtcNow():yyyyMMddHHmmss}.csv" : Path.GetFileName(name);
        var (years, problems) = await store.ImportAsync(csv, source, http.User.UserName(), http.Source(), time.GetUtcNow(), http.RequestAborted);
        return problems.Count > 0
            ? ApiProblems.Invalid([.. problems.Select(p => new Ses.Documents.Validation.Problem("csv", "calendar.line", p))])
            : TypedResults.Ok(new ImportResponse(years));
    }
}
