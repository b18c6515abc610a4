using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
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
        var admin = app.MapGroup("/api/counterparties").WithTags("Counterparties").RequireAuthorization(AuthSetup.AdminPolicy).RequirePasswordChanged();
        admin.MapPost("/", Create).WithName("CreateCounterparty").WithSummary("Register a counterparty supervised by the administrator's bureau");
        admin.MapGet("/{id:guid}", Get).WithName("GetCounterparty");
        admin.MapGet("/{id:guid}/accounts", Accounts).WithName("ListAccounts");
        admin.MapPost("/{id:guid}/accounts", CreateAccount).WithName("CreateAccount")
            .WithSummary("Create an account with a random initial password, shown once; it must be changed at first sign-in");
        admin.MapPost("/{id:guid}/accounts/{accountId:guid}/disable", DisableAccount).WithName("DisableAccount");

        // Officers find the counterparty a document is addressed to, legal staff the one they look into, as on the pages.
        var staff = app.MapGroup("/api/counterparties").WithTags("Counterparties").RequireAuthorization(AuthSetup.StaffPolicy).RequirePasswordChanged();
        staff.MapGet("/", List).WithName("ListCounterparties")
            .WithSummary("The counterparties the bureau supervises, ?q= by name (part of it) or identifier; administrators see the contacts too");

        var my = app.MapGroup("/api/my").WithTags("Counterparty account").RequireAuthorization(AuthSetup.AccountPolicy).RequirePasswordChanged();
        my.MapGet("/counterparty", MyCounterparty).WithName("MyCounterparty").WithSummary("The signed-in account's own counterparty");
        return app;
    }

    private static Task<Counterparty?> Supervised(SesDbContext db, Guid id, HttpContext http) =>
        db.Counterparties.SingleOrDefaultAsync(c => c.Id == id && c.SupervisingBureau == http.User.StaffBureau(), http.RequestAborted);

    private static async Task<Results<Created<CounterpartyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CounterpartyRequest request, CounterpartyAdmin admin, HttpContext http)
    {
        var (c, refused) = await admin.CreateAsync(request, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        if (c is not null) return TypedResults.Created($"/api/counterparties/{c.Id}", CounterpartyResponse.From(c));
        return refused!.Problems.Count > 0 ? ApiProblems.Invalid(refused.Problems) : ApiProblems.Conflict(refused.Code, refused.Message);
    }

    private static async Task<Results<Ok<List<CounterpartyResponse>>, Ok<List<CounterpartySummary>>>> List(SesDbContext db, HttpContext http, string? q = null)
    {
        var found = (await CounterpartySearch.Query(db, http.User.StaffBureau(), q).ToListAsync(http.RequestAborted)).OrderBy(c => c.Name, StringComparer.Ordinal);
        return http.User.IsInRole(StaffRole.Admin)
            ? TypedResults.Ok(found.Select(CounterpartyResponse.From).ToList())
            : TypedResults.Ok(found.Select(CounterpartySummary.From).ToList());
    }

    private static async Task<Results<Ok<CounterpartyResponse>, NotFound>> Get(Guid id, SesDbContext db, HttpContext http) =>
        await Supervised(db, id, http) is { } c ? TypedResults.Ok(CounterpartyResponse.From(c)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<AccountResponse>>, NotFound>> Accounts(Guid id, SesDbContext db, HttpContext http) =>
        await Supervised(db, id, http) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == id).ToListAsync(http.RequestAborted))
                .OrderBy(a => a.UserName, StringComparer.Ordinal).Select(AccountResponse.From).ToList());

    private static async Task<Results<Created<CreatedAccount>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAccount(
        Guid id, AccountRequest request, CounterpartyAdmin admin, HttpContext http)
    {
        var (account, password, refused) = await admin.CreateAccountAsync(id, request, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        if (account is not null) return TypedResults.Created($"/api/counterparties/{id}/accounts", new CreatedAccount(AccountResponse.From(account), password!));
        if (refused!.Problems.Count > 0) return ApiProblems.Invalid(refused.Problems);
        return refused.Status == StatusCodes.Status404NotFound ? TypedResults.NotFound() : ApiProblems.Conflict(refused.Code, refused.Message);
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound>> DisableAccount(Guid id, Guid accountId, CounterpartyAdmin admin, HttpContext http) =>
        await admin.DisableAccountAsync(id, accountId, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted) is { } account
            ? TypedResults.Ok(AccountResponse.From(account))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<CounterpartyResponse>, NotFound>> MyCounterparty(SesDbContext db, HttpContext http)
    {
        var id = http.User.AccountCounterparty();
        // A disabled account's token stops working here at once, not when it expires.
        var active = await db.CounterpartyAccounts.AnyAsync(a => a.Id == http.User.UserId() && a.Active, http.RequestAborted);
        return active && await db.Counterparties.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, http.RequestAborted) is { } c
            ? TypedResults.Ok(CounterpartyResponse.From(c))
            : TypedResults.NotFound();
    }
}
