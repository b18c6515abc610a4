using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Counterparties;

/// <summary>
/// Registering counterparties and their accounts, for the API and the administrator's pages alike. Only the
/// counterparties the administrator's bureau supervises are found.
/// </summary>
public sealed class CounterpartyAdmin(SesDbContext db, DocumentEngine engine, TimeProvider time)
{
    public Task<Counterparty?> SupervisedAsync(Guid id, string bureau, CancellationToken ct) =>
        db.Counterparties.SingleOrDefaultAsync(c => c.Id == id && c.SupervisingBureau == bureau, ct);

    public async Task<(Counterparty? Counterparty, Refusal? Refused)> CreateAsync(
        CounterpartyRequest request, string bureau, string actor, string source, CancellationToken ct)
    {
        var problems = CounterpartyRules.Check(request);
        // Checked as entered, with the rules the documents and the delivery certificate apply when they print it, so
        // a page or the API can never store a name that later cannot be printed.
        Printable("name", "名称", request.Name);
        Printable("address", "地址", request.Address);
        for (var i = 0; i < (request.Contacts?.Count ?? 0); i++)
        {
            Printable($"contacts[{i}].name", "联系人姓名", request.Contacts![i]?.Name);
            Printable($"contacts[{i}].email", "电子邮箱", request.Contacts![i]?.Email);
        }
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));
        var idValue = Identifiers.Normalize(request.IdValue);
        if (await db.Counterparties.AnyAsync(c => c.IdScheme == request.IdScheme && c.IdValue == idValue, ct))
        {
            return (null, Refusal.Conflict(ErrorCodes.CounterpartyExists, "该标识号码的相对人已登记"));
        }
        var now = time.GetUtcNow();
        var c = new Counterparty
        {
            Id = Guid.CreateVersion7(now), Kind = request.Kind, Name = request.Name.Trim(), IdScheme = request.IdScheme, IdValue = idValue,
            Address = request.Address?.Trim() ?? "", SupervisingBureau = bureau, CreatedAt = now,
            Contact1Name = request.Contacts![0].Name.Trim(),
            Contact1Mobile = Identifiers.Normalize(request.Contacts[0].Mobile),
            Contact1Email = request.Contacts[0].Email?.Trim() ?? "",
            Contact2Name = request.Contacts[1].Name.Trim(),
            Contact2Mobile = Identifiers.Normalize(request.Contacts[1].Mobile),
            Contact2Email = request.Contacts[1].Email?.Trim() ?? "",
        };
        db.Counterparties.Add(c);
        db.AuditEntries.Add(Audit(now, actor, "counterparty.created", c.Id.ToString(), source));
        await db.SaveChangesAsync(ct);
        return (c, null);

        void Printable(string field, string label, string? value)
        {
            if (!string.IsNullOrEmpty(value) && !problems.Any(p => p.Field == field)
                && EntryChecks.Text(engine, field, label, value, lineBreaks: false) is { } p)
            {
                problems.Add(p);
            }
        }
    }

    /// <summary>A new account with a random initial password (returned once; it must be changed at the first sign-in).</summary>
    public async Task<(CounterpartyAccount? Account, string? InitialPassword, Refusal? Refused)> CreateAccountAsync(
        Guid id, AccountRequest request, string bureau, string actor, string source, CancellationToken ct)
    {
        if (await SupervisedAsync(id, bureau, ct) is null) return (null, null, Refusal.NotFound);
        var problems = new List<Problem>();
        if (CounterpartyRules.CheckAccountName(request.UserName) is { } p) problems.Add(p);
        if (string.IsNullOrWhiteSpace(request.Department) || request.Department.Length > 64)
        {
            problems.Add(new("department", ErrorCodes.FieldRequired, "「绑定部门」必须填写，且不超过 64 字"));
        }
        if (problems.Count > 0) return (null, null, Refusal.Invalid(problems));
        if (await db.CounterpartyAccounts.AnyAsync(a => a.UserName == request.UserName, ct)
            || await db.StaffUsers.AnyAsync(u => u.UserName == request.UserName, ct))
        {
            return (null, null, Refusal.Conflict(ErrorCodes.AccountExists, "账号名称已被使用"));
        }
        var now = time.GetUtcNow();
        var password = Passwords.Random();
        var account = new CounterpartyAccount
        {
            Id = Guid.CreateVersion7(now), CounterpartyId = id, UserName = request.UserName, Department = request.Department.Trim(),
            PasswordHash = Passwords.Hash(password), MustChangePassword = true, CreatedAt = now,
        };
        db.CounterpartyAccounts.Add(account);
        db.AuditEntries.Add(Audit(now, actor, "account.created", account.UserName, source));
        await db.SaveChangesAsync(ct);
        return (account, password, null);
    }

    public async Task<CounterpartyAccount?> DisableAccountAsync(Guid id, Guid accountId, string bureau, string actor, string source, CancellationToken ct)
    {
        if (await SupervisedAsync(id, bureau, ct) is null) return null;
        var account = await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.Id == accountId && a.CounterpartyId == id, ct);
        if (account is null) return null;
        account.Active = false;
        account.SecurityStamp = SecurityStamps.New();
        db.AuditEntries.Add(Audit(time.GetUtcNow(), actor, "account.disabled", account.UserName, source));
        await db.SaveChangesAsync(ct);
        return account;
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, string subject, string source) =>
        EvidenceEntries.Audit(at, actor, action, subject, source);
}
