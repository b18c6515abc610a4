using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>Signing in and out, and changing a password.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/staff/login", StaffLogin).WithName("StaffLogin")
            .WithSummary("Staff sign-in: a bearer token, or with cookie=true a cookie; says whether the password must be changed first");
        auth.MapPost("/account/login", AccountLogin).WithName("AccountLogin")
            .WithSummary("Counterparty account sign-in: a bearer token, or with cookie=true a cookie; says whether the password must be changed first");
        auth.MapPost("/password", ChangePassword).WithName("ChangePassword").RequireAuthorization()
            .WithSummary("Change the signed-in user's password (required after the first sign-in); every sign-in ends, sign in again afterwards");
        auth.MapPost("/logout", Logout).WithName("Logout").RequireAuthorization()
            .WithSummary("Sign out: every token and cookie of the user ends, on every device");
        auth.MapGet("/antiforgery", Antiforgery).WithName("Antiforgery").RequireAuthorization()
            .WithSummary("For a cookie sign-in: the token to send as header RequestVerificationToken with API changes");
        return app;
    }

    public sealed record LoginRequest(string UserName, string Password);

    public sealed record PasswordChange(string CurrentPassword, string NewPassword);

    /// <summary>A bearer sign-in: send <c>Authorization: Bearer {accessToken}</c>. With <see cref="MustChangePassword"/>
    /// everything but <c>POST /api/auth/password</c> is refused until the password is changed.</summary>
    public sealed record TokenAnswer(string TokenType, string AccessToken, long ExpiresIn, bool MustChangePassword);

    /// <summary>A cookie sign-in (the cookie is set).</summary>
    public sealed record CookieAnswer(bool MustChangePassword);

    public sealed record AntiforgeryAnswer(string HeaderName, string Token);

    private static Task<Results<Ok<TokenAnswer>, Ok<CookieAnswer>, ProblemHttpResult>> StaffLogin(
        LoginRequest request, SesDbContext db, TimeProvider time, HttpContext http, bool cookie = false) =>
        LoginAsync(SesClaims.StaffKind, request, db, time, http, cookie);

    private static Task<Results<Ok<TokenAnswer>, Ok<CookieAnswer>, ProblemHttpResult>> AccountLogin(
        LoginRequest request, SesDbContext db, TimeProvider time, HttpContext http, bool cookie = false) =>
        LoginAsync(SesClaims.AccountKind, request, db, time, http, cookie);

    private static async Task<Results<Ok<TokenAnswer>, Ok<CookieAnswer>, ProblemHttpResult>> LoginAsync(string kind,
        LoginRequest request, SesDbContext db, TimeProvider time, HttpContext http, bool cookie)
    {
        var (outcome, user) = await SignInRules.SignInAsync(kind, request.UserName, request.Password, db, time, http);
        if (outcome == SignInOutcome.Locked) return ApiProblems.Of(StatusCodes.Status423Locked, ErrorCodes.AuthLocked, "登录失败次数过多，账号已暂时锁定，请稍后再试");
        if (outcome != SignInOutcome.SignedIn) return ApiProblems.Unauthorized(ErrorCodes.AuthFailed, "用户名或密码错误");
        if (cookie)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SesClaims.For(user!, CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Ok(new CookieAnswer(user!.MustChangePassword));
        }
        return TypedResults.Ok(Token(SesClaims.For(user!, BearerTokenDefaults.AuthenticationScheme), user!.MustChangePassword, time, http));
    }

    /// <summary>The bearer token as ASP.NET Core's bearer handler issues and reads it (its protector and lifetime),
    /// without a refresh token: a sign-in lasts its lifetime at most.</summary>
    private static TokenAnswer Token(ClaimsPrincipal principal, bool mustChange, TimeProvider time, HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(BearerTokenDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        return new TokenAnswer("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds, mustChange);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
        PasswordChange request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var current = await SignInRules.CurrentAsync(db, http);
        var problem = await SignInRules.ChangePasswordAsync(current, request.CurrentPassword, request.NewPassword, db, time, http);
        if (problem is { Code: ErrorCodes.AuthFailed }) return ApiProblems.Unauthorized(problem.Code, problem.Message);
        if (problem is not null) return ApiProblems.Invalid([problem]);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Logout(SesDbContext db, TimeProvider time, HttpContext http)
    {
        await SignInRules.SignOutEverywhereAsync(db, time, http);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryAnswer> Antiforgery(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryAnswer(tokens.HeaderName!, tokens.RequestToken!));
    }

    internal static AuditEntry Audit(DateTimeOffset at, string actor, string action, HttpContext http, string? subject = null) =>
        EvidenceEntries.Audit(at, actor, action, subject ?? actor, http.Source());
}
