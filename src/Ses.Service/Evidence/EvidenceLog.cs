using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Evidence;

/// <summary>The hash-chained evidence log: appending (under a lock every writer of deliveries takes) and verifying.</summary>
public static class EvidenceLog
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    // PostgreSQL: one advisory lock serialises every transaction that appends evidence or changes a delivery, so the
    // chain never forks and a decision (confirmation vs. deemed) is taken on the latest committed state.
    // SQLite transactions here begin IMMEDIATE and are serialised already.
    private const long LockKey = 319522;

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction holding the evidence lock from its first statement, then
    /// saves and commits; any exception rolls back the entries and the changes together.
    /// </summary>
    public static Task<T> WriteAsync<T>(SesDbContext db, Func<EvidenceChain, Task<T>> work, CancellationToken ct) =>
        Transactions.WriteAsync(db, async () =>
        {
            if (!db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
            var result = await work(new EvidenceChain(db));
            await db.SaveChangesAsync(ct);
            return result;
        }, ct);

    /// <summary>The entry with its <see cref="EvidenceEntry.Hash"/> computed.</summary>
    internal static EvidenceEntry Seal(EvidenceEntry e) => new()
    {
        Sequence = e.Sequence, Event = e.Event, Action = e.Action, DocumentId = e.DocumentId, DeliveryId = e.DeliveryId, Subject = e.Subject,
        PdfSha256 = e.PdfSha256, Actor = e.Actor, At = e.At, AtUtc = e.AtUtc, AtBeijing = e.AtBeijing, Detail = e.Detail,
        PreviousHash = e.PreviousHash, Hash = HashOf(e),
    };

    /// <summary>SHA-256 (hex) of the entry's canonical form: a JSON array of every field but the hash, version first.</summary>
    public static string HashOf(EvidenceEntry e)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            "ses-evidence-v1", e.Sequence, e.PreviousHash, e.Event, e.Action, e.DocumentId?.ToString("D"), e.DeliveryId?.ToString("D"),
            e.Subject, e.PdfSha256, e.Actor, e.AtUtc, e.AtBeijing, e.Detail,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The outcome of recomputing the chain: how many entries, the head hash, and the first broken entry.</summary>
    public sealed record Verification(long Entries, string Head, long? BrokenAt, string? Reason)
    {
        public bool Intact => BrokenAt is null;
    }

    /// <summary>Recomputes the whole chain in order and names the first entry that does not hold.</summary>
    public static async Task<Verification> VerifyAsync(SesDbContext db, CancellationToken ct)
    {
        var previous = Genesis;
        long expected = 1, count = 0;
        await foreach (var e in db.EvidenceEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? reason = null;
            if (e.Sequence != expected) reason = $"expected entry {expected}, found {e.Sequence} (an entry is missing)";
            else if (e.PreviousHash != previous) reason = $"previous hash {e.PreviousHash} does not match entry {expected - 1}'s hash {previous}";
            else if (HashOf(e) is var h && h != e.Hash) reason = $"stored hash {e.Hash} but the content hashes to {h} (the entry was changed)";
            else if (!SameInstant(e)) reason = "its stored instant differs from its hashed UTC time";
            if (reason is not null) return new Verification(count, previous, expected, reason);
            previous = e.Hash;
            expected++;
            count++;
        }
        return new Verification(count, previous, null, null);

        static bool SameInstant(EvidenceEntry e) =>
            DateTimeOffset.TryParse(e.AtUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.UtcTicks == e.At.UtcTicks;
    }
}
