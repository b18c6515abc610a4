using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Ses.Documents.Validation;

namespace Ses.Service.Accounts;

/// <summary>Cookies for the browser, bearer tokens for API clients, and the role policies.</summary>
public static class AuthSetup
{
    public const string Scheme = "ses";
    public const string StaffPolicy = "staff";
    public const string OfficerPolicy = "officer";
    public const string AdminPolicy = "admin";

    /// <summary>分管局领导: approvals.</summary>
    public const string LeaderPolicy = "leader";

    /// <summary>法制人员: entering, correcting and marking credit records (实施办法第十四条第二款、第二十四条、第二十七条).</summary>
    public const string LegalPolicy = "legal";
    public const string SystemAdminPolicy = "sysadmin";

    /// <summary>A bureau administrator or legal staff: organisation changes (实施办法第二十二条).</summary>
    public const string AdminOrLegalPolicy = "admin-or-legal";
    public const string AccountPolicy = "account";

    /// <summary>Administrator alerts are server-wide: a bureau administrator or the system administrator.</summary>
    public const string AlertsPolicy = "alerts";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                UsesBearer(ctx.Request) ? BearerTokenDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "ses";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // The API answers 401/403; a page sends the browser to its sign-in page (Pages/PagesSetup).
                o.Events.OnRedirectToLogin = Pages.PagesSetup.OnRedirectToSignIn;
                o.Events.OnRedirectToAccessDenied = Pages.PagesSetup.OnRedirectToDenied;
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind))
            .AddPolicy(OfficerPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind).RequireRole(StaffRole.Officer))
            .AddPolicy(LeaderPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind).RequireRole(StaffRole.Leader))
            .AddPolicy(LegalPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind).RequireRole(StaffRole.Legal))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind).RequireRole(StaffRole.Admin))
            .AddPolicy(SystemAdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind)
                .RequireRole(StaffRole.SystemAdmin))
            .AddPolicy(AlertsPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind)
                .RequireRole(StaffRole.Admin, StaffRole.SystemAdmin))
            .AddPolicy(AdminOrLegalPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind)
                .RequireRole(StaffRole.Admin, StaffRole.Legal))
            .AddPolicy(AccountPolicy, p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.AccountKind));
        builder.Services.AddSingleton<PasswordChecks>();
        return builder;
    }

    /// <summary>Right after <c>UseAuthentication</c>: every signed-in request is checked by <see cref="SessionCheck"/>.</summary>
    public static IApplicationBuilder UseSessionCheck(this IApplicationBuilder app) => app.UseMiddleware<SessionCheck>();

    /// <summary>Whether the request authenticates with a bearer token (else with the cookie).</summary>
    public static bool UsesBearer(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);

    /// <summary>
    /// Until the initial password is changed, everything but changing it is refused. Staff and account routes get it
    /// from <see cref="RouteGroups"/>; the route carries <see cref="PasswordChangeRule"/> as metadata.
    /// </summary>
    public static RouteGroupBuilder RequirePasswordChanged(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (ctx, next) =>
            ctx.HttpContext.User.FindFirst(SesClaims.MustChangePassword)?.Value == "true"
                ? Http.ApiProblems.Forbidden(ErrorCodes.PasswordChangeRequired, "请先修改初始密码")
                : await next(ctx))
            .WithMetadata(PasswordChangeRule.Instance);
}
