using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>
/// The staff of the administrator's own bureau, for the API and the pages alike: create (random initial password, shown
/// once), move to another unit, disable. A refused request changes nothing.
/// </summary>
public sealed partial class StaffAdmin(SesDbContext db, TimeProvider time)
{
    public async Task<List<StaffUser>> ListAsync(string bureau, CancellationToken ct) =>
        (await db.StaffUsers.AsNoTracking().Where(u => u.Bureau == bureau).ToListAsync(ct)).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A member of the bureau's staff, in one of <see cref="StaffRole.All"/> (a system administrator is made only on the
    /// server: <see cref="CreateSystemAdminAsync"/>), in a unit of the bureau (<see cref="UnitProblemAsync"/>).
    /// </summary>
    public Task<(StaffUser? User, string? InitialPassword, Refusal? Refused)> CreateAsync(string? userName, string? displayName, string? role,
        Guid? unitId, string bureau, string actor, string source, CancellationToken ct) =>
        AddAsync(userName, displayName, role, StaffRole.All, unitId, bureau, actor, source, ct);

    /// <summary>
    /// A system administrator (the server-wide holiday calendar), made by whoever runs the server (<c>ses staff
    /// add-sysadmin</c>): no bureau administrator can make one.
    /// </summary>
    public Task<(StaffUser? User, string? InitialPassword, Refusal? Refused)> CreateSystemAdminAsync(string? userName, string? displayName, string bureau,
        string actor, string source, CancellationToken ct) =>
        AddAsync(userName, displayName, StaffRole.SystemAdmin, [StaffRole.SystemAdmin], unitId: null, bureau, actor, source, ct);

    private async Task<(StaffUser? User, string? InitialPassword, Refusal? Refused)> AddAsync(string? userName, string? displayName, string? role,
        string[] roles, Guid? unitId, string bureau, string actor, string source, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (userName is null || !Name().IsMatch(userName))
        {
            problems.Add(new("userName", ErrorCodes.StaffName, "「用户名」应为 3 至 32 位英文字母、数字或 _ . -，以字母或数字开头"));
        }
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 64) problems.Add(new("displayName", ErrorCodes.FieldRequired, "「姓名」必须填写，且不超过 64 字"));
        else if (TextRules.Problem("displayName", "姓名", displayName, lineBreaks: false) is { } unprintable) problems.Add(unprintable);
        if (role is null || !roles.Contains(role))
        {
            problems.Add(new("role", ErrorCodes.StaffRole, $"「角色」应为{string.Join("、", roles.Select(StaffRole.Label))}之一"));
        }
        else if (await UnitProblemAsync(role, unitId, bureau, ct) is { } unitProblem)
        {
            problems.Add(unitProblem);
        }
        if (problems.Count > 0) return (null, null, Refusal.Invalid(problems));
        if (await db.StaffUsers.AnyAsync(u => u.UserName == userName, ct) || await db.CounterpartyAccounts.AnyAsync(a => a.UserName == userName, ct))
        {
            return (null, null, Refusal.Conflict(ErrorCodes.AccountExists, "用户名已被使用"));
        }
        var now = time.GetUtcNow();
        var password = Passwords.Random();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(now), UserName = userName!, DisplayName = displayName!.Trim(), Role = role!, Bureau = bureau, UnitId = unitId,
            PasswordHash = Passwords.Hash(password), MustChangePassword = true,
        };
        db.StaffUsers.Add(user);
        db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "staff.created", user.UserName, source));
        await db.SaveChangesAsync(ct);
        return (user, password, null);
    }

    /// <summary>Moves a member of the bureau's staff to another unit of the bureau (or to none, where none is allowed).</summary>
    public async Task<(StaffUser? User, Refusal? Refused)> SetUnitAsync(Guid id, Guid? unitId, string bureau, string actor, string source,
        CancellationToken ct)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.Bureau == bureau, ct);
        if (user is null) return (null, Refusal.NotFound);
        if (user.UnitId == unitId) return (user, null);
        if (await UnitProblemAsync(user.Role, unitId, bureau, ct) is { } problem) return (null, Refusal.Invalid([problem]));
        user.UnitId = unitId;
        var unitName = unitId is null ? "-" : await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor, "staff.unit", $"{user.UserName} → {unitName}", source));
        await db.SaveChangesAsync(ct);
        return (user, null);
    }

    /// <summary>Sets (or, with an empty value, clears) the email a member of the bureau's staff gets reminders at.</summary>
    public async Task<(StaffUser? User, Refusal? Refused)> SetEmailAsync(Guid id, string? email, string bureau, string actor, string source,
        CancellationToken ct)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.Bureau == bureau, ct);
        if (user is null) return (null, Refusal.NotFound);
        var value = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (value is not null && (value.Length > 254 || !CounterpartyRules.Email().IsMatch(value)))
        {
            return (null, Refusal.Invalid("email", ErrorCodes.FieldEmailFormat, "「电子邮箱」格式不正确"));
        }
        user.Email = value;
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor, "staff.email", user.UserName, source));
        await db.SaveChangesAsync(ct);
        return (user, null);
    }

    /// <summary>
    /// The unit must be an active unit of the user's own bureau. An officer collects cases for a unit, so once the bureau
    /// has units an officer must be in one; until then (and for the other roles) the unit may stay empty, and users
    /// made before units existed stay valid.
    /// </summary>
    private async Task<Problem?> UnitProblemAsync(string role, Guid? unitId, string bureau, CancellationToken ct)
    {
        if (unitId is null)
        {
            return role == StaffRole.Officer && await db.Units.AnyAsync(u => u.Bureau == bureau && u.Active, ct)
                ? new("unitId", ErrorCodes.FieldRequired, "承办人须选择「所属单位」：本局的局机关部门或监管局")
                : null;
        }
        return role == StaffRole.SystemAdmin || !await db.Units.AnyAsync(u => u.Id == unitId && u.Bureau == bureau && u.Active, ct)
            ? new("unitId", ErrorCodes.StaffUnit, "「所属单位」应为本局在用的局机关部门或监管局")
            : null;
    }

    public async Task<(StaffUser? User, Refusal? Refused)> DisableAsync(Guid id, Guid self, string bureau, string actor, string source, CancellationToken ct)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id && u.Bureau == bureau, ct);
        if (user is null) return (null, Refusal.NotFound);
        if (user.Id == self) return (null, Refusal.Conflict(ErrorCodes.StaffSelf, "不能停用自己的账号"));
        user.Active = false;
        user.SecurityStamp = SecurityStamps.New();
        db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor, "staff.disabled", user.UserName, source));
        await db.SaveChangesAsync(ct);
        return (user, null);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{2,31}\z")]
    private static partial Regex Name();
}
