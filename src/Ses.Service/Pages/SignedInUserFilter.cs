using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Ses.Service.Accounts;

namespace Ses.Service.Pages;

/// <summary>
/// On every page of a signed-in user: until the initial password is changed, every page but the password page sends
/// there (注册通知第三条第（一）项). A user disabled or signed out since has already been treated as signed out
/// (<see cref="SessionCheck"/>), and the must-change mark is current because changing the password ends earlier sign-ins.
/// </summary>
public sealed class SignedInUserFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && user.MustChange() && page != "/Password" && !page.StartsWith("/SignIn/", StringComparison.Ordinal))
        {
            context.Result = new RedirectResult("/password");
            return;
        }
        await next();
    }
}
