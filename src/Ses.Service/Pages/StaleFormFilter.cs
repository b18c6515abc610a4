using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ses.Service.Pages;

/// <summary>
/// The pages' anti-forgery check, in place of Razor Pages' own (which answers a blank 400): a form posted without a
/// valid token is never acted on. A page that keeps typed data (<see cref="IKeepsTypedData"/>) is shown again by its
/// GET handler with the posted values, a fresh token and a Chinese message, answering 400; any other page answers
/// the Chinese 400 page.
/// </summary>
public sealed class StaleFormFilter : IAsyncPageFilter
{
    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var http = context.HttpContext;
        // A page without handlers (the error and information pages) does nothing with a post; it is only shown.
        if (!Unsafe(http.Request.Method) || context.ActionDescriptor.HandlerMethods.Count == 0) return;
        if (await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)) return;
        context.HandlerMethod = context.HandlerInstance is IKeepsTypedData
            ? context.ActionDescriptor.HandlerMethods.SingleOrDefault(h => HttpMethods.IsGet(h.HttpMethod) && h.Name is null)
            : null;
        StaleForm.Mark(http, kept: context.HandlerMethod is not null);
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // (The 400 page shown for a stale form runs in the same request: it has no handlers and is only shown.)
        if (!StaleForm.Is(context.HttpContext) || context.ActionDescriptor.HandlerMethods.Count == 0)
        {
            await next();
            return;
        }
        if (context.HandlerMethod is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }
        context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        await next();
    }

    private static bool Unsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}
