using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Audit;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>Signing in and out, and changing a password.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/staff/login", StaffLogin).WithName("StaffLogin")
            .WithSummary("Staff sign-in: a bearer token, or with cookie=true a cookie");
        auth.MapPost("/account/login", AccountLogin).WithName("AccountLogin")
            .WithSummary("Counterparty account sign-in: a bearer token, or with cookie=true a cookie");
        auth.MapPost("/password", ChangePassword).WithName("ChangePassword").RequireAuthorization()
            .WithSummary("Change the signed-in user's password (required after the first sign-in); sign in again afterwards");
        auth.MapPost("/logout", (Func<HttpContext, Task<IResult>>)Logout).WithName("Logout").RequireAuthorization();
        return app;
    }

    public sealed record LoginRequest(string UserName, string Password);

    public sealed record PasswordChange(string CurrentPassword, string NewPassword);

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> StaffLogin(
        LoginRequest request, SesDbContext db, TimeProvider time, HttpContext http, bool cookie = false)
    {
        var user = await SignInRules.FindStaffAsync(db, request.UserName, http.RequestAborted);
        return SignIn(await SignInRules.CheckAsync(user, request.Password, db, time, http), cookie, scheme => SesClaims.ForStaff(user!, scheme));
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> AccountLogin(
        LoginRequest request, SesDbContext db, TimeProvider time, HttpContext http, bool cookie = false)
    {
        var account = await SignInRules.FindAccountAsync(db, request.UserName, http.RequestAborted);
        return SignIn(await SignInRules.CheckAsync(account, request.Password, db, time, http), cookie, scheme => SesClaims.ForAccount(account!, scheme));
    }

    /// <summary>The answer to a sign-in checked by <see cref="SignInRules.CheckAsync"/>.</summary>
    private static Results<SignInHttpResult, ProblemHttpResult> SignIn(SignInOutcome outcome, bool cookie, Func<string, System.Security.Claims.ClaimsPrincipal> principal)
    {
        if (outcome == SignInOutcome.Locked) return ApiProblems.Of(StatusCodes.Status423Locked, "auth.locked", "登录失败次数过多，账号已暂时锁定，请稍后再试");
        if (outcome != SignInOutcome.SignedIn) return ApiProblems.Unauthorized("auth.failed", "用户名或密码错误");
        var scheme = cookie ? CookieAuthenticationDefaults.AuthenticationScheme : BearerTokenDefaults.AuthenticationScheme;
        return TypedResults.SignIn(principal(scheme), authenticationScheme: scheme);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
        PasswordChange request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var problem = await SignInRules.ChangePasswordAsync(await SignInRules.CurrentAsync(db, http), request.CurrentPassword, request.NewPassword, db, time, http);
        if (problem is { Code: "auth.failed" }) return ApiProblems.Unauthorized(problem.Code, problem.Message);
        if (problem is not null) return ApiProblems.Invalid([problem]);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Logout(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    internal static AuditEntry Audit(DateTimeOffset at, string actor, string action, HttpContext http, string? subject = null) => new()
    {
        At = at, Actor = actor, Action = action, Subject = subject ?? actor, Source = http.Source(),
    };
}
