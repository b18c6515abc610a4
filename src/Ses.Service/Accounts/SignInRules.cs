using Microsoft.EntityFrameworkCore;
using Ses.Documents.Validation;
using Ses.Service.Data;

namespace Ses.Service.Accounts;

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInOutcome
{
    SignedIn,
    Failed,
    Locked,
}

/// <summary>
/// Signing in and changing a password, for the API and the pages alike: the same answer for an unknown name as for a
/// wrong password, lockout after <see cref="Passwords.MaxFailures"/> failures, every outcome audited.
/// </summary>
public static class SignInRules
{
    public static Task<StaffUser?> FindStaffAsync(SesDbContext db, string? userName, CancellationToken ct) =>
        db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, ct);

    public static Task<Counterparties.CounterpartyAccount?> FindAccountAsync(SesDbContext db, string? userName, CancellationToken ct) =>
        db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.UserName == userName, ct);

    /// <summary>Checks the password of <paramref name="user"/> (null: no such name) and records the attempt.</summary>
    public static async Task<SignInOutcome> CheckAsync(ICredentials? user, string? password, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var now = time.GetUtcNow();
        if (user is null || !user.Active) return SignInOutcome.Failed;
        if (user.LockedUntil is { } until && until > now) return SignInOutcome.Locked;
        if (!Passwords.Verify(user.PasswordHash, password ?? ""))
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= Passwords.MaxFailures)
            {
                user.LockedUntil = now + Passwords.LockoutTime;
                user.FailedSignIns = 0;
                db.AuditEntries.Add(AuthEndpoints.Audit(now, user.UserName, "auth.locked", http));
            }
            await db.SaveChangesAsync(http.RequestAborted);
            return SignInOutcome.Failed;
        }
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        db.AuditEntries.Add(AuthEndpoints.Audit(now, user.UserName, "auth.signed-in", http));
        await db.SaveChangesAsync(http.RequestAborted);
        return SignInOutcome.SignedIn;
    }

    /// <summary>The staff member or account signed in as <paramref name="http"/>'s user.</summary>
    public static async Task<ICredentials?> CurrentAsync(SesDbContext db, HttpContext http) =>
        http.User.IsAccount()
            ? await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.Id == http.User.UserId(), http.RequestAborted)
            : await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == http.User.UserId(), http.RequestAborted);

    /// <summary>
    /// Changes the password of <paramref name="user"/>: null when done, else the problem (field <c>currentPassword</c>
    /// with code <c>auth.failed</c> for a wrong current password, or field <c>newPassword</c> for a rule it breaks).
    /// </summary>
    public static async Task<Problem?> ChangePasswordAsync(ICredentials? user, string? current, string? next, SesDbContext db, TimeProvider time,
        HttpContext http)
    {
        if (user is null || !Passwords.Verify(user.PasswordHash, current ?? "")) return new Problem("currentPassword", "auth.failed", "当前密码错误");
        if (Passwords.Check(next ?? "", user.UserName) is { } rule)
        {
            return new Problem("newPassword", rule, rule switch
            {
                "password.too-short" => $"「新密码」至少 {Passwords.MinLength} 个字符",
                "password.contains-name" => "「新密码」不得包含用户名",
                _ => "「新密码」应包含大写字母、小写字母、数字、符号中的至少三类",
            });
        }
        user.PasswordHash = Passwords.Hash(next!);
        user.MustChangePassword = false;
        db.AuditEntries.Add(AuthEndpoints.Audit(time.GetUtcNow(), user.UserName, "auth.password-changed", http));
        await db.SaveChangesAsync(http.RequestAborted);
        return null;
    }
}
