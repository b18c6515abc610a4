using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Registrations;

/// <summary>
/// Fixed-window counters of public requests per client address and per mobile, in the database: one conditional UPDATE
/// takes a request from the window, so parallel requests on several instances never pass more than the limit.
/// </summary>
public sealed class RegistrationThrottles(SesDbContext db, RegistrationOptions options, TimeProvider time)
{
    public const string CodesPerMobile = "codes-per-mobile";
    public const string CodesPerAddress = "codes-per-address";
    public const string SubmissionsPerAddress = "submissions-per-address";
    public const string LettersPerAddress = "letters-per-address";

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>The 429 refusal of a request over its limit.</summary>
    public static readonly Refusal TooMany = new(StatusCodes.Status429TooManyRequests, ErrorCodes.RegistrationTooMany,
        "注册请求过于频繁，请稍后再试", []);

    /// <summary>Takes one request of <paramref name="limit"/> for <paramref name="value"/> (an address or a mobile); false when none is left.</summary>
    public Task<bool> TakeAsync(string limit, string value, CancellationToken ct)
    {
        var max = limit switch
        {
            CodesPerMobile => options.CodesPerMobile,
            CodesPerAddress => options.CodesPerAddress,
            LettersPerAddress => options.LettersPerAddress,
            _ => options.SubmissionsPerAddress,
        };
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(limit + "\n" + value)));
        var now = time.GetUtcNow();
        var ends = now + options.Window;
        return Transactions.WriteAsync(db, async () =>
        {
            var stored = db.Database.IsSqlite() ? SqliteTime.ConvertToProvider(ends)! : ends;
            if (await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO registration_throttles ("Key", "Count", "WindowEndsAt") VALUES ({key}, 1, {stored}) ON CONFLICT DO NOTHING""", ct) == 1)
            {
                // Windows long over are forgotten when a new key comes.
                var old = now - options.Window;
                await db.RegistrationThrottles.Where(t => t.WindowEndsAt < old).ExecuteDeleteAsync(ct);
                return true;
            }
            var row = db.RegistrationThrottles.Where(t => t.Key == key);
            if (await row.Where(t => t.WindowEndsAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, 1).SetProperty(t => t.WindowEndsAt, ends), ct) == 1)
            {
                return true;
            }
            return await row.Where(t => t.WindowEndsAt > now && t.Count < max).ExecuteUpdateAsync(s => s.SetProperty(t => t.Count, t => t.Count + 1), ct) == 1;
        }, ct);
    }
}
