using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Ses.Service.Accounts;

namespace Ses.Service.Pages;

/// <summary>
/// The server-rendered pages (Razor Pages, no JavaScript): each folder is one kind of user's work, guarded by its
/// policy; anti-forgery tokens on every form (checked by <see cref="StaleFormFilter"/>), the same cookie as the API.
/// </summary>
public static class PagesSetup
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Officer", AuthSetup.OfficerPolicy);
            o.Conventions.AuthorizeFolder("/Legal", AuthSetup.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Admin", AuthSetup.AdminPolicy);
            o.Conventions.AuthorizeFolder("/Cases/Officer", AuthSetup.OfficerPolicy);
            o.Conventions.AuthorizeFolder("/Cases/Leader", AuthSetup.LeaderPolicy);
            o.Conventions.AuthorizeFolder("/Cases/Legal", AuthSetup.LegalPolicy);
            o.Conventions.AuthorizeFolder("/Records", AuthSetup.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Corrections", AuthSetup.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Evaluations", AuthSetup.StaffPolicy);
            o.Conventions.AuthorizeFolder("/OrganisationChanges", AuthSetup.AdminOrLegalPolicy);
            o.Conventions.AuthorizeFolder("/Repairs", AuthSetup.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Repairs/Officer", AuthSetup.OfficerPolicy);
            o.Conventions.AuthorizeFolder("/Corrections/Officer", AuthSetup.OfficerPolicy);
            o.Conventions.AuthorizeFolder("/Records/Legal", AuthSetup.LegalPolicy);
            o.Conventions.AuthorizeFolder("/Inbox", AuthSetup.AccountPolicy);
            o.Conventions.AuthorizePage("/Password");
            o.Conventions.AllowAnonymousToFolder("/SignIn");
            o.Conventions.AllowAnonymousToFolder("/Registration");
            o.Conventions.ConfigureFilter(new SignedInUserFilter());
            // Our own anti-forgery check: a stale form is shown again with what was typed, not a blank 400.
            o.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new StaleFormFilter());
        });
        builder.Services.AddScoped<Signing.UploadedDocumentCheck>();
        // Chinese text is written as itself, not as &#x…; entities (HTML-significant characters are still encoded).
        builder.Services.Configure<WebEncoderOptions>(o =>
            o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ses-af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    public static WebApplication MapPages(this WebApplication app)
    {
        // Pages only: no scripts at all, no framing by other sites, forms post only here.
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                if (ctx.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true && ctx.Request.Path != "/api-reference")
                {
                    h.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; object-src 'none'; "
                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
                    h["Referrer-Policy"] = "same-origin";
                }
                return Task.CompletedTask;
            });
            return next(ctx);
        });
        app.UseStaticFiles();
        app.MapRazorPages();
        return app;
    }

    /// <summary>A page that needs a sign-in sends the browser to the sign-in page for its kind of user; the API answers 401.</summary>
    public static Task OnRedirectToSignIn(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        if (IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            ctx.Response.Redirect(SignInPath(ctx.Request.Path)
                + QueryString.Create("ReturnUrl", ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString));
        }
        return Task.CompletedTask;
    }

    /// <summary>A page the signed-in user may not see says so (403 page); the API answers 403.</summary>
    public static Task OnRedirectToDenied(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        if (IsApi(ctx.Request)) ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        else ctx.Response.Redirect("/denied");
        return Task.CompletedTask;
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/tsa") || request.Path.StartsWithSegments("/health");

    /// <summary>Whether a request is for the API (problem details) rather than a browser page.</summary>
    public static bool IsApi(HttpContext context) => IsApi(context.Request) || context.Request.Path.StartsWithSegments("/openapi");

    /// <summary>The sign-in page for a path: counterparty accounts for the inbox, staff for everything else.</summary>
    public static string SignInPath(PathString requested) =>
        requested.StartsWithSegments("/inbox", StringComparison.OrdinalIgnoreCase) ? "/signin/account" : "/signin/staff";
}
