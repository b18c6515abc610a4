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
        admin.MapGet("/", List).WithName("ListCounterparties");
        admin.MapGet("/{id:guid}", Get).WithName("GetCounterparty");
        admin.MapGet("/{id:guid}/accounts", Accounts).WithName("ListAccounts");
        admin.MapPost("/{id:guid}/accounts", CreateAccount).WithName("CreateAccount")
            .WithSummary("Create an account with a random initial password, shown once; it must be changed at first sign-in");
        admin.MapPost("/{id:guid}/accounts/{accountId:guid}/disable", DisableAccount).WithName("DisableAccount");

        var my = app.MapGroup("/api/my").WithTags("Counterparty account").RequireAuthorization(AuthSetup.AccountPolicy).RequirePasswordChanged();
        my.MapGet("/counterparty", MyCounterparty).WithName("MyCounterparty").WithSummary("The signed-in account's own counterparty");
        return app;
    }

    private static Task<Counterparty?> Supervised(SesDbContext db, Guid id, HttpContext http) =>
        db.Counterparties.SingleOrDefaultAsync(c => c.Id == id && c.SupervisingBureau == http.User.StaffBureau(), http.RequestAborted);

    private static async Task<Results<Created<CounterpartyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CounterpartyRequest request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var problems = CounterpartyRules.Check(request);
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        var idValue = Identifiers.Normalize(request.IdValue);
        if (await db.Counterparties.AnyAsync(c => c.IdScheme == request.IdScheme && c.IdValue == idValue, http.RequestAborted))
        {
            return ApiProblems.Conflict("counterparty.exists", "该标识号码的相对人已登记");
        }
        var now = time.GetUtcNow();
        var c = new Counterparty
        {
            Id = Guid.CreateVersion7(now), Kind = request.Kind, Name = request.Name.Trim(), IdScheme = request.IdScheme, IdValue = idValue,
            Address = request.Address?.Trim() ?? "", SupervisingBureau = http.User.StaffBureau(), CreatedAt = now,
            Contact1Name = request.Contacts[0].Name.Trim(), Contact1Mobile = Identifiers.Normalize(request.Contacts[0].Mobile), Contact1Email = request.Contacts[0].Email?.Trim() ?? "",
            Contact2Name = request.Contacts[1].Name.Trim(), Contact2Mobile = Identifiers.Normalize(request.Contacts[1].Mobile), Contact2Email = request.Contacts[1].Email?.Trim() ?? "",
        };
        db.Counterparties.Add(c);
        db.AuditEntries.Add(AuthEndpoints.Audit(now, http.User.UserName(), "counterparty.created", http, c.Id.ToString()));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/counterparties/{c.Id}", CounterpartyResponse.From(c));
    }

    private static async Task<Ok<List<CounterpartyResponse>>> List(SesDbContext db, HttpContext http) =>
        TypedResults.Ok((await db.Counterparties.AsNoTracking().Where(c => c.SupervisingBureau == http.User.StaffBureau())
            .ToListAsync(http.RequestAborted)).OrderBy(c => c.Name, StringComparer.Ordinal).Select(CounterpartyResponse.From).ToList());

    private static async Task<Results<Ok<CounterpartyResponse>, NotFound>> Get(Guid id, SesDbContext db, HttpContext http) =>
        await Supervised(db, id, http) is { } c ? TypedResults.Ok(CounterpartyResponse.From(c)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<AccountResponse>>, NotFound>> Accounts(Guid id, SesDbContext db, HttpContext http) =>
        await Supervised(db, id, http) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == id).ToListAsync(http.RequestAborted))
                .OrderBy(a => a.UserName, StringComparer.Ordinal).Select(AccountResponse.From).ToList());

    private static async Task<Results<Created<CreatedAccount>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAccount(
        Guid id, AccountRequest request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        if (await Supervised(db, id, http) is null) return TypedResults.NotFound();
        var problems = new List<Problem>();
        if (CounterpartyRules.CheckAccountName(request.UserName) is { } p) problems.Add(p);
        if (string.IsNullOrWhiteSpace(request.Department) || request.Department.Length > 64) problems.Add(new("department", "field.required", "「绑定部门」必须填写，且不超过 64 字"));
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        if (await db.CounterpartyAccounts.AnyAsync(a => a.UserName == request.UserName, http.RequestAborted) ||
            await db.StaffUsers.AnyAsync(u => u.UserName == request.UserName, http.RequestAborted))
        {
            return ApiProblems.Conflict("account.exists", "账号名称已被使用");
        }
        var now = time.GetUtcNow();
        var password = Passwords.Random();
        var account = new CounterpartyAccount
        {
            Id = Guid.CreateVersion7(now), CounterpartyId = id, UserName = request.UserName, Department = request.Department.Trim(),
            PasswordHash = Passwords.Hash(password), MustChangePassword = true, CreatedAt = now,
        };
        db.CounterpartyAccounts.Add(account);
        db.AuditEntries.Add(AuthEndpoints.Audit(now, http.User.UserName(), "account.created", http, account.UserName));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/counterparties/{id}/accounts", new CreatedAccount(AccountResponse.From(account), password));
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound>> DisableAccount(Guid id, Guid accountId, SesDbContext db, TimeProvider time, HttpContext http)
    {
        if (await Supervised(db, id, http) is null) return TypedResults.NotFound();
        var account = await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.Id == accountId && a.CounterpartyId == id, http.RequestAborted);
        if (account is null) return TypedResults.NotFound();
        account.Active = false;
        db.AuditEntries.Add(AuthEndpoints.Audit(time.GetUtcNow(), http.User.UserName(), "account.disabled", http, account.UserName));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(AccountResponse.From(account));
    }

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
