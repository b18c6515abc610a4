using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Pages;

namespace Ses.Service.Accounts;

/// <summary>
/// Every request of a signed-in user, API and pages alike, right after authentication (no route can forget it):
/// <list type="bullet">
/// <item>the user still exists, is active and the token's or cookie's security stamp is still the user's (one lookup
/// by primary key, no cache, so a disabling or sign-out on one instance holds on every instance at the next request).
/// Otherwise the API answers 401 (<c>account.disabled</c> or <c>auth.revoked</c>) and a page signs the browser out (its
/// cookie is removed) and sends it to the sign-in page of its kind of user (the sign-in pages themselves just show);</item>
/// <item>a change through the API (POST, PUT, PATCH, DELETE under <c>/api</c>) authenticated by the cookie comes from
/// this site: the browser says so (<c>Sec-Fetch-Site: same-origin</c>, or an <c>Origin</c> of this host) or the
/// request carries the anti-forgery token (header <c>RequestVerificationToken</c>, from
/// <c>GET /api/auth/antiforgery</c>); otherwise 403 <c>auth.cross-site</c>. Bearer tokens are not sent by browsers on
/// their own and are not concerned.</item>
/// </list>
/// The sign-in routes are left alone: they do not act as the signed-in user.
/// </summary>
public sealed class SessionCheck(RequestDelegate next)
{
    private sealed record Session(bool Active, string Stamp);

    private static readonly CompiledPerModel<Func<SesDbContext, Guid, CancellationToken, Task<Session?>>> AccountSession = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, Guid id, CancellationToken ct) =>
            db.CounterpartyAccounts.AsNoTracking().Where(a => a.Id == id).Select(a => new Session(a.Active, a.SecurityStamp)).SingleOrDefault()));

    private static readonly CompiledPerModel<Func<SesDbContext, Guid, CancellationToken, Task<Session?>>> StaffSession = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, Guid id, CancellationToken ct) =>
            db.StaffUsers.AsNoTracking().Where(u => u.Id == id).Select(u => new Session(u.Active, u.SecurityStamp)).SingleOrDefault()));

    public async Task InvokeAsync(HttpContext http, SesDbContext db, IAntiforgery antiforgery)
    {
        if (http.User.Identity?.IsAuthenticated != true || IsSignIn(http.Request))
        {
            await next(http);
            return;
        }
        var api = PagesSetup.IsApi(http);
        var cookie = !AuthSetup.UsesBearer(http.Request);
        if (await EndedAsync(http.User, db, http.RequestAborted) is { } ended)
        {
            if (cookie) await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (api)
            {
                await ended.ExecuteAsync(http);
                return;
            }
            if (!IsSignInPage(http.Request))
            {
                // The sign-in page of the user's kind, back to this page afterwards.
                var signIn = PagesSetup.SignInPath(http.User.IsAccount() ? "/inbox" : "/");
                http.Response.Redirect(HttpMethods.IsGet(http.Request.Method)
                    ? signIn + QueryString.Create("ReturnUrl", http.Request.PathBase + http.Request.Path + http.Request.QueryString)
                    : signIn);
                return;
            }
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        else if (api && cookie && IsChange(http.Request.Method) && !SameOrigin(http.Request) && !await antiforgery.IsRequestValidAsync(http))
        {
            await ApiProblems.Forbidden(ErrorCodes.AuthCrossSite, "请求未携带防伪令牌，或来自其他网站，已拒绝").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    /// <summary>Null while the sign-in holds, else the API's answer.</summary>
    private static async Task<IResult?> EndedAsync(ClaimsPrincipal user, SesDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(SesClaims.Subject), out var id)) return Revoked;
        var session = user.IsAccount() ? await AccountSession.For(db)(db, id, ct) : await StaffSession.For(db)(db, id, ct);
        if (session is null) return Revoked;
        if (!session.Active) return ApiProblems.Unauthorized(ErrorCodes.AccountDisabled, "账号已停用");
        return session.Stamp == user.FindFirstValue(SesClaims.Stamp) ? null : Revoked;
    }

    private static IResult Revoked => ApiProblems.Unauthorized(ErrorCodes.AuthRevoked, "登录已失效（已退出、已修改密码或已被停用），请重新登录");

    private static bool IsSignIn(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/auth/staff/login") || request.Path.StartsWithSegments("/api/auth/account/login");

    private static bool IsSignInPage(HttpRequest request) =>
        request.Path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/signout", StringComparison.OrdinalIgnoreCase);

    private static bool IsChange(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>What the browser itself says about where the request comes from (Fetch Metadata, or the Origin header).</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is [{ } site]) return site == "same-origin";
        return request.Headers.Origin is [{ } origin] && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
