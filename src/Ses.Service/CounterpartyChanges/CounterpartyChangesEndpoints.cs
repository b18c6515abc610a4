using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Counterparties;
using Ses.Service.Http;

namespace Ses.Service.CounterpartyChanges;

/// <summary>配置管理 for the counterparty's accounts; the review of its changes for the supervising bureau's administrators.</summary>
public static class CounterpartyChangesEndpoints
{
    public static IEndpointRouteBuilder MapCounterpartyChanges(this IEndpointRouteBuilder app)
    {
        var my = app.MapAccountGroup("/api/my").WithTags("Counterparty account");
        my.MapGet("/settings", Settings).WithName("MySettings").WithSummary("The counterparty's data, accounts and changes (配置管理)");
        my.MapPost("/details", Details).WithName("ChangeMyDetails")
            .WithSummary("Change the contacts and address (at once) or the name and identifier (after the bureau's review)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        my.MapPost("/account-requests", RequestAccount).WithName("RequestAccount")
            .WithSummary("Ask for another account; the bureau approves it and the initial password goes to the contacts by SMS")
            .ProducesProblem(StatusCodes.Status409Conflict);
        my.MapPost("/accounts/{accountId:guid}/disable", Disable).WithName("DisableMyAccount")
            .WithSummary("Disable one of the counterparty's own accounts (never the last active one)").ProducesProblem(StatusCodes.Status409Conflict);

        var admin = app.MapStaffGroup("/api/counterparty-changes", AuthSetup.AdminPolicy).WithTags("Counterparties");
        admin.MapGet("/", Pending).WithName("PendingCounterpartyChanges").WithSummary("The changes of supervised counterparties waiting for review");
        admin.MapPost("/{id:guid}", Decide).WithName("DecideCounterpartyChange").WithSummary("Approve or reject a change waiting for review")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<MySettings>, NotFound>> Settings(CounterpartyChangeService changes, [AsParameters] AccountCaller caller) =>
        await changes.SettingsAsync(caller.CounterpartyId, caller.RequestAborted) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    private static async Task<Results<Ok<DetailsResult>, ValidationProblem, NotFound, ProblemHttpResult>> Details(DetailsChange request,
        CounterpartyChangeService changes, [AsParameters] AccountCaller caller)
    {
        var (result, refused) = await changes.DetailsAsync(caller.CounterpartyId, request, caller.UserName, caller.Source, caller.RequestAborted);
        return result is null ? ApiProblems.From<Ok<DetailsResult>>(refused!) : TypedResults.Ok(result);
    }

    private static async Task<Results<Created<CounterpartyChangeView>, ValidationProblem, NotFound, ProblemHttpResult>> RequestAccount(
        AccountRequest request, CounterpartyChangeService changes, [AsParameters] AccountCaller caller)
    {
        var (change, refused) = await changes.AccountRequestAsync(caller.CounterpartyId, request, caller.UserName, caller.Source, caller.RequestAborted);
        return change is null ? ApiProblems.From<Created<CounterpartyChangeView>>(refused!) : TypedResults.Created("/api/my/settings", change);
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Disable(Guid accountId,
        CounterpartyChangeService changes, [AsParameters] AccountCaller caller)
    {
        var (account, refused) = await changes.DisableAsync(caller.CounterpartyId, accountId, caller.UserName, caller.Source, caller.RequestAborted);
        return account is null ? ApiProblems.From<Ok<AccountResponse>>(refused!) : TypedResults.Ok(account);
    }

    private static async Task<Ok<List<CounterpartyChangeView>>> Pending(CounterpartyChangeService changes, [AsParameters] StaffCaller caller) =>
        TypedResults.Ok(await changes.PendingAsync(caller.Bureau, caller.RequestAborted));

    private static async Task<Results<Ok<CounterpartyChangeView>, ValidationProblem, NotFound, ProblemHttpResult>> Decide(Guid id, ChangeDecision decision,
        CounterpartyChangeService changes, [AsParameters] StaffCaller caller)
    {
        var (change, refused) = await changes.DecideAsync(id, decision, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return change is null ? ApiProblems.From<Ok<CounterpartyChangeView>>(refused!) : TypedResults.Ok(change);
    }
}
