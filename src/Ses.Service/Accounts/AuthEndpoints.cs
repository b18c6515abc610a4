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
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == request.UserName, http.RequestAborted);
        return await SignIn(user, request, db, time, http, cookie, scheme => SesClaims.ForStaff(user!, scheme));
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> AccountLogin(
        LoginRequest request, SesDbContext db, TimeProvider time, HttpContext http, bool cookie = false)
    {
        var account = await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.UserName == request.UserName, http.RequestAborted);
        return await SignIn(account, request, db, time, http, cookie, scheme => SesClaims.ForAccount(account!, scheme));
    }

    /// <summary>One rule for staff and accounts: the same answer for an unknown name as for a wrong password, lockout
    /// after <see cref="Passwords.MaxFailures"/> failures, every outcome audited.</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignIn(ICredentials? user, LoginRequest request,
        SesDbContext db, TimeProvider time, HttpContext http, bool cookie, Func<string, System.Security.Claims.ClaimsPrincipal> principal)
    {
        var now = time.GetUtcNow();
        if (user is null || !user.Active) return ApiProblems.Unauthorized("auth.failed", "用户名或密码错误");
        if (user.LockedUntil is { } until && until > now)
        {
            return ApiProblems.Of(StatusCodes.Status423Locked, "auth.locked", "登录失败次数过多，账号已暂时锁定，请稍后再试");
        }
        if (!Passwords.Verify(user.PasswordHash, request.Password ?? ""))
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= Passwords.MaxFailures)
            {
                user.LockedUntil = now + Passwords.LockoutTime;
                user.FailedSignIns = 0;
                db.AuditEntries.Add(Audit(now, user.UserName, "auth.locked", http));
            }
            await db.SaveChangesAsync(http.RequestAborted);
            return ApiProblems.Unauthorized("auth.failed", "用户名或密码错误");
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        db.AuditEntries.Add(Audit(now, user.UserName, "auth.signed-in", http));
        await db.SaveChangesAsync(http.RequestAborted);
        var scheme = cookie ? CookieAuthenticationDefaults.AuthenticationScheme : BearerTokenDefaults.AuthenticationScheme;
        return TypedResults.SignIn(principal(scheme), authenticationScheme: scheme);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
        PasswordChange request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        ICredentials? user = http.User.IsAccount()
            ? await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.Id == http.User.UserId(), http.RequestAborted)
            : await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == http.User.UserId(), http.RequestAborted);
        if (user is null || !Passwords.Verify(user.PasswordHash, request.CurrentPassword ?? ""))
        {
            return ApiProblems.Unauthorized("auth.failed", "当前密码错误");
        }
        if (Passwords.Check(request.NewPassword ?? "", user.UserName) is { } rule)
        {
            return ApiProblems.Invalid([new Ses.Documents.Validation.Problem("newPassword", rule, rule switch
            {
                "password.too-short" => $"「新密码」至少 {Passwords.MinLength} 个字符",
                "password.contains-name" => "「新密码」不得包含用户名",
                _ => "「新密码」应包含大写字母、小写字母、数字、符号中的至少三类",
            })]);
        }
        user.PasswordHash = Passwords.Hash(request.NewPassword!);
        user.MustChangePassword = false;
        db.AuditEntries.Add(Audit(time.GetUtcNow(), user.UserName, "auth.password-changed", http));
        await db.SaveChangesAsync(http.RequestAborted);
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
        At = at, Actor = actor, Action = action, Subject = subject ?? actor, Source = http.Connection.RemoteIpAddress?.ToString() ?? "local",
    };
}
