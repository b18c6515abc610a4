using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>The staff of the administrator's own bureau: list, create (random initial password, shown once), disable.</summary>
public static partial class StaffEndpoints
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

    private static async Task<Ok<List<StaffResponse>>> List(SesDbContext db, HttpContext http) =>
        TypedResults.Ok((await db.StaffUsers.AsNoTracking().Where(u => u.Bureau == http.User.StaffBureau()).ToListAsync(http.RequestAborted))
            .OrderBy(u => u.UserName, StringComparer.Ordinal).Select(StaffResponse.From).ToList());

    private static async Task<Results<Created<CreatedStaff>, ValidationProblem, ProblemHttpResult>> Create(
        StaffRequest request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var problems = new List<Problem>();
        if (request.UserName is null || !Name().IsMatch(request.UserName))
        {
            problems.Add(new("userName", "staff.name", "「用户名」应为 3 至 32 位英文字母、数字或 _ . -，以字母或数字开头"));
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 64) problems.Add(new("displayName", "field.required", "「姓名」必须填写，且不超过 64 字"));
        if (!StaffRole.All.Contains(request.Role)) problems.Add(new("role", "staff.role", $"「角色」应为 {string.Join("、", StaffRole.All)} 之一"));
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        if (await db.StaffUsers.AnyAsync(u => u.UserName == request.UserName, http.RequestAborted) ||
            await db.CounterpartyAccounts.AnyAsync(a => a.UserName == request.UserName, http.RequestAborted))
        {
            return ApiProblems.Conflict("account.exists", "用户名已被使用");
        }
        var password = Passwords.Random();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), UserName = request.UserName!, DisplayName = request.DisplayName.Trim(), Role = request.Role,
            Bureau = http.User.StaffBureau(), PasswordHash = Passwords.Hash(password), MustChangePassword = true,
        };
        db.StaffUsers.Add(user);
        db.AuditEntries.Add(AuthEndpoints.Audit(time.GetUtcNow(), http.User.UserName(), "staff.created", http, user.UserName));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/staff/{user.Id}", new CreatedStaff(StaffResponse.From(user), password));
    }

    private static async Task<Results<Ok<StaffResponse>, NotFound, ProblemHttpResult>> Disable(Guid id, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.Bureau == http.User.StaffBureau(), http.RequestAborted);
        if (user is null) return TypedResults.NotFound();
        if (user.Id == http.User.UserId()) return ApiProblems.Conflict("staff.self", "不能停用自己的账号");
        user.Active = false;
        db.AuditEntries.Add(AuthEndpoints.Audit(time.GetUtcNow(), http.User.UserName(), "staff.disabled", http, user.UserName));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(StaffResponse.From(user));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{2,31}\z")]
    private static partial Regex Name();
}
