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
/// Signing in, signing out and changing a password, for the API and the pages alike: the same answer, after the same
/// work, for an unknown name as for a wrong password; lockout after <see cref="Passwords.MaxFailures"/> checks per name
/// (<see cref="SignInLockout"/>); every outcome audited.
/// </summary>
public static class SignInRules
{
    /// <summary>
    /// Signs in on the staff (<see cref="SesClaims.StaffKind"/>) or account (<see cref="SesClaims.AccountKind"/>) route:
    /// the user when signed in. Exactly one password hash is verified unless the name is locked out, whether the name
    /// exists, is disabled or not.
    /// </summary>
    public static async Task<(SignInOutcome Outcome, ICredentials? User)> SignInAsync(string kind, string? userName, string? password, SesDbContext db,
        TimeProvider time, HttpContext http)
    {
        var ct = http.RequestAborted;
        ICredentials? user = kind == SesClaims.AccountKind
            ? await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.UserName == userName, ct)
            : await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        var now = time.GetUtcNow();
        var key = SignInLockout.KeyOf(kind, userName);
        var reservation = await SignInLockout.ReserveAsync(db, key, now, ct);
        if (reservation == SignInReservation.Locked) return (SignInOutcome.Locked, null);
        var matches = http.RequestServices.GetRequiredService<PasswordChecks>().Verify(user?.PasswordHash, password);
        if (matches && user is { Active: true })
        {
            await Transactions.WriteAsync(db, async () =>
            {
                await SignInLockout.ClearAsync(db, key, ct);
                db.AuditEntries.Add(AuthEndpoints.Audit(now, user.UserName, "auth.signed-in", http));
                return await db.SaveChangesAsync(ct);
            }, ct);
            return (SignInOutcome.SignedIn, user);
        }
        if (reservation == SignInReservation.Last && user is not null)
        {
            db.AuditEntries.Add(AuthEndpoints.Audit(now, user.UserName, "auth.locked", http));
            await db.SaveChangesAsync(ct);
        }
        return (SignInOutcome.Failed, null);
    }

    /// <summary>The staff member or account signed in as <paramref name="http"/>'s user.</summary>
    public static async Task<ICredentials?> CurrentAsync(SesDbContext db, HttpContext http) =>
        http.User.IsAccount()
            ? await db.CounterpartyAccounts.SingleOrDefaultAsync(a => a.Id == http.User.UserId(), http.RequestAborted)
            : await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == http.User.UserId(), http.RequestAborted);

    /// <summary>
    /// Signing out ends every sign-in of the user, on every device: the security stamp is replaced, so tokens and
    /// cookies issued before are refused from the next request on (<see cref="SessionCheck"/>).
    /// </summary>
    public static async Task SignOutEverywhereAsync(SesDbContext db, TimeProvider time, HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || await CurrentAsync(db, http) is not { } user) return;
        user.SecurityStamp = SecurityStamps.New();
        db.AuditEntries.Add(AuthEndpoints.Audit(time.GetUtcNow(), user.UserName, "auth.signed-out", http));
        await db.SaveChangesAsync(http.RequestAborted);
    }

    /// <summary>
    /// Changes the password of <paramref name="user"/>: null when done, else the problem (field <c>currentPassword</c>
    /// with code <c>auth.failed</c> for a wrong current password, or field <c>newPassword</c> for a rule it breaks). A
    /// changed password ends every earlier sign-in (new security stamp).
    /// </summary>
    public static async Task<Problem?> ChangePasswordAsync(ICredentials? user, string? current, string? next, SesDbContext db, TimeProvider time,
        HttpContext http)
    {
        var checks = http.RequestServices.GetRequiredService<PasswordChecks>();
        if (user is null || !checks.Verify(user.PasswordHash, current)) return new Problem("currentPassword", ErrorCodes.AuthFailed, "当前密码错误");
        if (Passwords.Check(next ?? "", user.UserName) is { } rule)
        {
            return new Problem("newPassword", rule, rule switch
            {
                ErrorCodes.PasswordTooShort => $"「新密码」至少 {Passwords.MinLength} 个字符",
                ErrorCodes.PasswordContainsName => "「新密码」不得包含用户名",
                _ => "「新密码」应包含大写字母、小写字母、数字、符号中的至少三类",
            });
        }
        user.PasswordHash = Passwords.Hash(next!);
        user.MustChangePassword = false;
        user.SecurityStamp = SecurityStamps.New();
        db.AuditEntries.Add(AuthEndpoints.Audit(time.GetUtcNow(), user.UserName, "auth.password-changed", http));
        await db.SaveChangesAsync(http.RequestAborted);
        return null;
    }
}
