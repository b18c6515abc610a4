using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Counterparties;

/// <summary>Counterparties and their accounts, managed by the administrators of the supervising bureau; and an
/// account's view of its own counterparty.</summary>
public static class CounterpartiesEndpoints
{
    public static IEndpointRouteBuilder MapCounterparties(this IEndpointRouteBuilder app)
    {
        var admin = app.MapStaffGroup("/api/counterparties", AuthSetup.AdminPolicy).WithTags("Counterparties");
        admin.MapPost("/", Create).WithName("CreateCounterparty").WithSummary("Register a counterparty supervised by the administrator's bureau")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/{id:guid}", Get).WithName("GetCounterparty");
        admin.MapGet("/{id:guid}/accounts", Accounts).WithName("ListAccounts");
        admin.MapPost("/{id:guid}/accounts", CreateAccount).WithName("CreateAccount")
            .WithSummary("Create an account with a random initial password, shown once; it must be changed at first sign-in")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/accounts/{accountId:guid}/disable", DisableAccount).WithName("DisableAccount");

        // Officers find the counterparty a document is addressed to, legal staff the one they look into, as on the pages.
        var staff = app.MapStaffGroup("/api/counterparties").WithTags("Counterparties");
        staff.MapGet("/", List).WithName("ListCounterparties")
            .WithSummary("The counterparties the bureau supervises, ?q= by name (part of it) or identifier; administrators see the contacts too");

        var my = app.MapAccountGroup("/api/my").WithTags("Counterparty account");
        my.MapGet("/counterparty", MyCounterparty).WithName("MyCounterparty").WithSummary("The signed-in account's own counterparty");
        return app;
    }

    private static Task<Counterparty?> Supervised(CounterpartyAdmin admin, Guid id, StaffCaller caller) =>
        admin.SupervisedAsync(id, caller.Bureau, caller.RequestAborted);

    private static async Task<Results<Created<CounterpartyResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CounterpartyRequest request, CounterpartyAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (c, refused) = await admin.CreateAsync(request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return c is null
            ? ApiProblems.From<Created<CounterpartyResponse>>(refused!)
            : TypedResults.Created($"/api/counterparties/{c.Id}", CounterpartyResponse.From(c));
    }

    private static async Task<Results<Ok<List<CounterpartyResponse>>, Ok<List<CounterpartySummary>>>> List(SesDbContext db, [AsParameters] StaffCaller caller,
        string? q = null)
    {
        var found = (await CounterpartySearch.Query(db, caller.Bureau, q).ToListAsync(caller.RequestAborted)).OrderBy(c => c.Name, StringComparer.Ordinal);
        return caller.IsInRole(StaffRole.Admin)
            ? TypedResults.Ok(found.Select(CounterpartyResponse.From).ToList())
            : TypedResults.Ok(found.Select(CounterpartySummary.From).ToList());
    }

    private static async Task<Results<Ok<CounterpartyResponse>, NotFound>> Get(Guid id, CounterpartyAdmin admin, [AsParameters] StaffCaller caller) =>
        await Supervised(admin, id, caller) is { } c ? TypedResults.Ok(CounterpartyResponse.From(c)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<AccountResponse>>, NotFound>> Accounts(Guid id, CounterpartyAdmin admin, SesDbContext db,
        [AsParameters] StaffCaller caller) =>
        await Supervised(admin, id, caller) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == id).ToListAsync(caller.RequestAborted))
                .OrderBy(a => a.UserName, StringComparer.Ordinal).Select(AccountResponse.From).ToList());

    private static async Task<Results<Created<CreatedAccount>, ValidationProblem, NotFound, ProblemHttpResult>> CreateAccount(
        Guid id, AccountRequest request, CounterpartyAdmin admin, [AsParameters] StaffCaller caller)
    {
        var (account, password, refused) = await admin.CreateAccountAsync(id, request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return account is null
            ? ApiProblems.From<Created<CreatedAccount>>(refused!)
            : TypedResults.Created($"/api/counterparties/{id}/accounts", new CreatedAccount(AccountResponse.From(account), password!));
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound>> DisableAccount(Guid id, Guid accountId, CounterpartyAdmin admin,
        [AsParameters] StaffCaller caller) =>
        await admin.DisableAccountAsync(id, accountId, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted) is { } account
            ? TypedResults.Ok(AccountResponse.From(account))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CounterpartyResponse>, NotFound>> MyCounterparty(SesDbContext db, [AsParameters] AccountCaller caller)
    {
        var id = caller.CounterpartyId;
        var userId = caller.UserId;
        // A disabled account's token stops working here at once, not when it expires.
        var active = await db.CounterpartyAccounts.AnyAsync(a => a.Id == userId && a.Active, caller.RequestAborted);
        return active && await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, caller.RequestAborted) is { } c
            ? TypedResults.Ok(CounterpartyResponse.From(c))
            : TypedResults.NotFound();
    }
}
