using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ses.Service.Data;

namespace Ses.Service.Accounts;

/// <summary>What reserving a password check came to.</summary>
public enum SignInReservation
{
    /// <summary>The password may be checked.</summary>
    Granted,

    /// <summary>The password may be checked; it is the last check before the lockout, which has already begun.</summary>
    Last,

    /// <summary>The name is locked out: no password is checked.</summary>
    Locked,
}

/// <summary>
/// Lockout after <see cref="Passwords.MaxFailures"/> password checks, per name as typed on the staff or account route,
/// known or not. A check is reserved in the database before the password is verified, by one conditional UPDATE that
/// only one caller can win per remaining attempt, so parallel attempts cannot check more than the limit; the reservation
/// that uses up the last attempt starts the lockout at once, and a successful sign-in clears the name's entry.
/// </summary>
public static class SignInLockout
{
    // An entry not tried for a day, and not locked, is forgotten (keeps names typed once from piling up).
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    public static string KeyOf(string kind, string? userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + userName)));

    public static Task<SignInReservation> ReserveAsync(SesDbContext db, string key, DateTimeOffset now, CancellationToken ct) =>
        Transactions.WriteAsync(db, async () =>
        {
            var stored = db.Database.IsSqlite() ? SqliteTime.ConvertToProvider(now)! : now;
            var created = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO sign_in_attempts ("Key", "Failures", "LastAttemptAt") VALUES ({key}, 0, {stored}) ON CONFLICT DO NOTHING""", ct);
            if (created == 1)
            {
                var old = now - Forgotten;
                await db.SignInAttempts.Where(a => a.LastAttemptAt < old && (a.LockedUntil == null || a.LockedUntil < now)).ExecuteDeleteAsync(ct);
            }
            var open = db.SignInAttempts.Where(a => a.Key == key && (a.LockedUntil == null || a.LockedUntil <= now));
            if (await open.Where(a => a.Failures < Passwords.MaxFailures - 1)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failures, a => a.Failures + 1).SetProperty(a => a.LastAttemptAt, now), ct) == 1)
            {
                return SignInReservation.Granted;
            }
            DateTimeOffset? until = now + Passwords.LockoutTime;
            var last = await open.Where(a => a.Failures >= Passwords.MaxFailures - 1)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failures, 0).SetProperty(a => a.LockedUntil, until).SetProperty(a => a.LastAttemptAt, now), ct);
            return last == 1 ? SignInReservation.Last : SignInReservation.Locked;
        }, ct);

    /// <summary>A successful sign-in: the name's failures (and a lockout its last check began) are forgotten.</summary>
    public static Task ClearAsync(SesDbContext db, string key, CancellationToken ct) =>
        db.SignInAttempts.Where(a => a.Key == key).ExecuteDeleteAsync(ct);
}
