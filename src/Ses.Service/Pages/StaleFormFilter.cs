using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ses.Service.Pages;

/// <summary>
/// The pages' anti-forgery check, in place of Razor Pages' own (which answers a blank 400): a form posted without a
/// valid token is never acted on. A page that keeps typed data (<see cref="IKeepsTypedData"/>) is shown again by its
/// GET handler with the posted values, a fresh token and a Chinese message, answering 400; any other page answers
/// the Chinese 400 page. A body that cannot be read as a form (broken multipart, larger than allowed) is never acted on
/// either: the Chinese 400 or 413 page, not an error.
/// </summary>
public sealed class StaleFormFilter : IAsyncPageFilter
{
    private static readonly object Unreadable = new();

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var http = context.HttpContext;
        // A page without handlers (the error and information pages) does nothing with a post; it is only shown.
        if (!Unsafe(http.Request.Method) || context.ActionDescriptor.HandlerMethods.Count == 0) return;
        bool valid;
        try
        {
            valid = await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (Exception e) when (UnreadableStatus(e) is { } status)
        {
            // Reading the form for its token failed: the client sent what no handler could read. What is shown instead (the
            // error page, run again in this request) sees an empty form rather than failing on the same body.
            context.HandlerMethod = null;
            http.Items[Unreadable] = status;
            http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            return;
        }
        if (valid) return;
        context.HandlerMethod = context.HandlerInstance is IKeepsTypedData
            ? context.ActionDescriptor.HandlerMethods.SingleOrDefault(h => HttpMethods.IsGet(h.HttpMethod) && h.Name is null)
            : null;
        StaleForm.Mark(http, kept: context.HandlerMethod is not null);
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // (The error page shown for it runs in the same request: it has no handlers and is only shown.)
        if (context.ActionDescriptor.HandlerMethods.Count > 0 && context.HttpContext.Items.TryGetValue(Unreadable, out var status)
            && status is int unreadable)
        {
            context.Result = new StatusCodeResult(unreadable);
            return;
        }
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

    /// <summary>413 for a body larger than allowed, 400 for one that is not a well-formed form; null for anything else.</summary>
    private static int? UnreadableStatus(Exception e) => (e is AntiforgeryValidationException { InnerException: { } inner } ? inner : e) switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static bool Unsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}
