using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>The staff of the administrator's own bureau: list, create (random initial password, shown once), move to a unit, disable.</summary>
public static class StaffEndpoints
{
    public sealed record StaffRequest(string UserName, string DisplayName, string Role, Guid? UnitId = null);

    public sealed record StaffUnitRequest(Guid? UnitId);

    public sealed record StaffEmailRequest(string? Email);

    public sealed record StaffResponse(Guid Id, string UserName, string DisplayName, string Role, string Bureau, bool Active, bool MustChangePassword,
        Guid? UnitId, string? Email)
    {
        public static StaffResponse From(StaffUser u) =>
            new(u.Id, u.UserName, u.DisplayName, u.Role, u.Bureau, u.Active, u.MustChangePassword, u.UnitId, u.Email);
    }

    public sealed record CreatedStaff(StaffResponse User, string InitialPassword);

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        var staff = app.MapStaffGroup("/api/staff", AuthSetup.AdminPolicy).WithTags("Staff");
        staff.MapGet("/", List).WithName("ListStaff");
        staff.MapPost("/", Create).WithName("CreateStaff").WithSummary("Add an officer, legal staff member, approving leader or administrator to the bureau")
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/unit", SetUnit).WithName("SetStaffUnit").WithSummary("Move a member of staff to another unit of the bureau");
        staff.MapPost("/{id:guid}/email", SetEmail).WithName("SetStaffEmail")
            .WithSummary("Set (or clear) where a member of staff gets the reminders of their cases' due dates");
        staff.MapPost("/{id:guid}/disable", Disable).WithName("DisableStaff").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<List<StaffResponse>>> List(StaffAdmin admin, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok((await admin.ListAsync(caller.Bureau, caller.RequestAborted)).Select(StaffResponse.From).ToList());

    private static async Task<Results<Created<CreatedStaff>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        StaffRequest request, StaffAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (user, password, refused) = await admin.CreateAsync(request.UserName, request.DisplayName, request.Role, request.UnitId, caller.Bureau,
            caller.UserName, caller.Source, caller.RequestAborted);
        return user is null
            ? ApiProblems.From<Created<CreatedStaff>>(refused!)
            : TypedResults.Created($"/api/staff/{user.Id}", new CreatedStaff(StaffResponse.From(user), password!));
    }

    private static async Task<Results<Ok<StaffResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SetUnit(
        Guid id, StaffUnitRequest request, StaffAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (user, refused) = await admin.SetUnitAsync(id, request.UnitId, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return user is null ? ApiProblems.From<Ok<StaffResponse>>(refused!) : TypedResults.Ok(StaffResponse.From(user));
    }

    private static async Task<Results<Ok<StaffResponse>, ValidationProblem, NotFound, ProblemHttpResult>> SetEmail(
        Guid id, StaffEmailRequest request, StaffAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (user, refused) = await admin.SetEmailAsync(id, request.Email, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return user is null ? ApiProblems.From<Ok<StaffResponse>>(refused!) : TypedResults.Ok(StaffResponse.From(user));
    }

    private static async Task<Results<Ok<StaffResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Disable(
        Guid id, StaffAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (user, refused) = await admin.DisableAsync(id, caller.UserId, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return user is null ? ApiProblems.From<Ok<StaffResponse>>(refused!) : TypedResults.Ok(StaffResponse.From(user));
    }
}
