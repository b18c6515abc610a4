using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages;

/// <summary>
/// On every page of a signed-in user: a user disabled (or removed) since signing in is signed out at once, and until the
/// initial password is changed every page but the password page sends there (seed 000 §三(一)).
/// </summary>
public sealed class SignedInUserFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }
        var db = http.RequestServices.GetRequiredService<SesDbContext>();
        var user = await SignInRules.CurrentAsync(db, http);
        if (user is not { Active: true })
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.Result = new RedirectResult(PagesSetup.SignInPath(http.User.IsAccount() ? "/inbox" : "/"));
            return;
        }
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.MustChangePassword && page != "/Password" && !page.StartsWith("/SignIn/", StringComparison.Ordinal))
        {
            context.Result = new RedirectResult("/password");
            return;
        }
        await next();
    }
}
