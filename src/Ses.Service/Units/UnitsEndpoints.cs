using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Units;

/// <summary>The units of the administrator's own bureau: list, create, rename, disable.</summary>
public static class UnitsEndpoints
{
    public sealed record UnitRequest(string? Name, string? Kind, Guid? SubmitsToUnitId);

    public sealed record UnitRename(string? Name);

    public sealed record UnitResponse(Guid Id, string Name, string Kind, Guid? SubmitsToUnitId, string Bureau, bool Active)
    {
        public static UnitResponse From(Unit u) => new(u.Id, u.Name, u.Kind, u.SubmitsToUnitId, u.Bureau, u.Active);
    }

    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        var units = app.MapStaffGroup("/api/units", AuthSetup.AdminPolicy).WithTags("Units");
        units.MapGet("/", List).WithName("ListUnits").WithSummary("The bureau's departments and supervision offices");
        units.MapPost("/", Create).WithName("CreateUnit").WithSummary("Add a department, or a supervision office submitting to a department")
            .ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPost("/{id:guid}/rename", Rename).WithName("RenameUnit").ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPost("/{id:guid}/disable", Disable).WithName("DisableUnit").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<List<UnitResponse>>> List(UnitAdmin admin, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok((await admin.ListAsync(caller.Bureau, caller.RequestAborted)).Select(UnitResponse.From).ToList());

    private static async Task<Results<Created<UnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        UnitRequest request, UnitAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (unit, refused) = await admin.CreateAsync(request.Name, request.Kind, request.SubmitsToUnitId, caller.Bureau, caller.UserName,
            caller.Source, caller.RequestAborted);
        return unit is null
            ? ApiProblems.From<Created<UnitResponse>>(refused!)
            : TypedResults.Created($"/api/units/{unit.Id}", UnitResponse.From(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Rename(
        Guid id, UnitRename request, UnitAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (unit, refused) = await admin.RenameAsync(id, request.Name, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return unit is null ? ApiProblems.From<Ok<UnitResponse>>(refused!) : TypedResults.Ok(UnitResponse.From(unit));
    }

    private static async Task<Results<Ok<UnitResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Disable(
        Guid id, UnitAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (unit, refused) = await admin.DisableAsync(id, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return unit is null ? ApiProblems.From<Ok<UnitResponse>>(refused!) : TypedResults.Ok(UnitResponse.From(unit));
    }
}
