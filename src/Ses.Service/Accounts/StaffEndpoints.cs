using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>The staff of the administrator's own bureau: list, create (random initial password, shown once), disable.</summary>
public static class StaffEndpoints
{
    public sealed record StaffRequest(string UserName, string DisplayName, string Role);

    public sealed record StaffResponse(Guid Id, string UserName, string DisplayName, string Role, string Bureau, bool Active, bool MustChangePassword)
    {
        public static StaffResponse From(StaffUser u) => new(u.Id, u.UserName, u.DisplayName, u.Role, u.Bureau, u.Active, u.MustChangePassword);
    }

    public sealed record CreatedStaff(StaffResponse User, string InitialPassword);

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/staff").WithTags("Staff").RequireAuthorization(AuthSetup.AdminPolicy).RequirePasswordChanged();
        staff.MapGet("/", List).WithName("ListStaff");
        staff.MapPost("/", Create).WithName("CreateStaff").WithSummary("Add an officer, legal staff member or administrator to the bureau");
        staff.MapPost("/{id:guid}/disable", Disable).WithName("DisableStaff");
        return app;
    }

    private static async Task<Ok<List<StaffResponse>>> List(StaffAdmin admin, HttpContext http) =>
        TypedResults.Ok((await admin.ListAsync(http.User.StaffBureau(), http.RequestAborted)).Select(StaffResponse.From).ToList());

    private static async Task<Results<Created<CreatedStaff>, ValidationProblem, ProblemHttpResult>> Create(StaffRequest request, StaffAdmin admin, HttpContext http)
    {
        var (user, password, refused) = await admin.CreateAsync(request.UserName, request.DisplayName, request.Role, http.User.StaffBureau(), http.User.UserName(),
            http.Source(), http.RequestAborted);
        if (user is not null) return TypedResults.Created($"/api/staff/{user.Id}", new CreatedStaff(StaffResponse.From(user), password!));
        return refused!.Problems.Count > 0 ? ApiProblems.Invalid(refused.Problems) : ApiProblems.Conflict(refused.Code, refused.Message);
    }

    private static async Task<Results<Ok<StaffResponse>, NotFound, ProblemHttpResult>> Disable(Guid id, StaffAdmin admin, HttpContext http)
    {
        var (user, refused) = await admin.DisableAsync(id, http.User.UserId(), http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        if (user is not null) return TypedResults.Ok(StaffResponse.From(user));
        return refused!.Status == StatusCodes.Status404NotFound ? TypedResults.NotFound() : ApiProblems.Conflict(refused.Code, refused.Message);
    }
}
