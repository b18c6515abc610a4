using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Cases;

/// <summary>
/// The routes of procedure steps (a case's, a repair's): <c>POST {group}/{id}/{name}</c> with an optional JSON body,
/// handled by a service of the feature for the signed-in staff member, answering the changed view or the refusal.
/// </summary>
public static class StepRoutes
{
    public static RouteHandlerBuilder MapStep<TService, TRequest, TView>(this RouteGroupBuilder group, string name, string routeName,
        Func<TService, Guid, TRequest, CaseActor, CancellationToken, Task<(TView? View, Refusal? Refused)>> handle)
        where TService : notnull where TRequest : class where TView : class =>
        group.MapPost(name.Length == 0 ? "/{id:guid}" : $"/{{id:guid}}/{name}",
                async Task<Results<Ok<TView>, ValidationProblem, NotFound, ProblemHttpResult>> (Guid id, TRequest? request, TService service,
                    [AsParameters] StaffCaller caller) =>
                {
                    var (view, refused) = await handle(service, id, request ?? Empty<TRequest>(), CaseActor.From(caller), caller.RequestAborted);
                    return view is null ? ApiProblems.From<Ok<TView>>(refused!) : TypedResults.Ok(view);
                })
            .WithName(routeName).ProducesProblem(StatusCodes.Status409Conflict)
            // A step that issues or seals a document waits on the timestamp authority.
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>A step posted without a body: the request record with every field empty.</summary>
    private static T Empty<T>() where T : class
    {
        var constructor = typeof(T).GetConstructors()[0];
        return (T)constructor.Invoke(constructor.GetParameters().Select(_ => (object?)null).ToArray());
    }
}
