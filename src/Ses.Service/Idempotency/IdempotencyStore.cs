using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Idempotency;

/// <summary>What a keyed request found when it tried to claim its key.</summary>
public enum ClaimOutcome
{
    /// <summary>The key is this request's: it runs.</summary>
    Claimed,

    /// <summary>An earlier request with the key has finished: its answer is given again.</summary>
    Answered,

    /// <summary>An earlier request with the key is still running (on any instance).</summary>
    Running,

    /// <summary>The key was used for another request (another route or body).</summary>
    OtherRequest,
}

/// <summary>
/// Claims, completes and releases keyed requests in the database, each in a context of its own (never the request's, whose
/// changes are the handler's). The unique index on caller and key decides between instances and concurrent retries.
/// </summary>
public sealed partial class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider time, IdempotencyOptions options, ILogger<IdempotencyStore> log)
{
    // The next time this instance deletes the keys past their retention (ticks of UTC time; 0: at the first claim).
    private long _nextPurge;

    public async Task<(ClaimOutcome Outcome, IdempotentRequest Request)> ClaimAsync(string caller, string key, string fingerprint, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claim = new IdempotentRequest
        {
            Id = Guid.CreateVersion7(now), Caller = caller, Key = key, Fingerprint = fingerprint, StartedAt = now, LeaseUntil = now + options.Lease,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        // A retry usually finds its key: read first, and insert only a key not seen yet.
        var earlier = await FindAsync(db, caller, key, ct);
        if (earlier is null)
        {
            db.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
                // Not cancelled with the request: the claim is stored, and a purge cut short must not leave it unanswered.
                await PurgeAsync(db, now, CancellationToken.None);
                return (ClaimOutcome.Claimed, claim);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another request with the key (on this instance or another) claimed it between the read and the insert.
                db.ChangeTracker.Clear();
            }
            earlier = await FindAsync(db, caller, key, ct) ?? throw new InvalidOperationException("an idempotency key refused as taken is not stored");
        }
        if (earlier.Fingerprint != fingerprint) return (ClaimOutcome.OtherRequest, earlier);
        if (earlier.Status is not null) return (ClaimOutcome.Answered, earlier);
        if (earlier.LeaseUntil > now) return (ClaimOutcome.Running, earlier);
        // The instance that claimed it stopped without an answer (killed, or lost the database): the first retry after the
        // lease takes the claim over, and the request runs again — the work itself refuses to issue or serve twice.
        var taken = await db.Set<IdempotentRequest>()
            .Where(r => r.Id == earlier.Id && r.Status == null && r.LeaseUntil == earlier.LeaseUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, now + options.Lease).SetProperty(r => r.StartedAt, now), ct);
        return taken == 1 ? (ClaimOutcome.Claimed, earlier) : (ClaimOutcome.Running, earlier);
    }

    /// <summary>
    /// Deletes the keys answered longer ago than the retention, and claims abandoned as long, when this instance's purge
    /// is due (one claim in <see cref="IdempotencyOptions.PurgeMinutes"/> pays for it; several instances delete alike).
    /// </summary>
    private async Task PurgeAsync(SesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var due = Interlocked.Read(ref _nextPurge);
        if (now.UtcTicks < due) return;
        if (Interlocked.CompareExchange(ref _nextPurge, (now + TimeSpan.FromMinutes(options.PurgeMinutes)).UtcTicks, due) != due) return;
        var old = now - options.Retention;
        try
        {
            await db.Set<IdempotentRequest>().Where(r => r.StartedAt < old && (r.CompletedAt != null || r.LeaseUntil < old)).ExecuteDeleteAsync(ct);
        }
        catch (DbException e)
        {
            // The claim stands: keys kept a little longer harm nothing, and the next purge deletes them.
            LogNotPurged(log, e, options.Retention);
        }
    }

    private static Task<IdempotentRequest?> FindAsync(SesDbContext db, string caller, string key, CancellationToken ct) =>
        db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);

    /// <summary>Keeps the answer; from now on every retry with the key receives it.</summary>
    public async Task CompleteAsync(Guid id, int status, string? contentType, string? location, byte[] body)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var now = time.GetUtcNow();
        // Not cancelled with the request: the work is done, and its answer must outlive a client that stopped waiting.
        await db.Set<IdempotentRequest>().Where(r => r.Id == id && r.Status == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body).SetProperty(r => r.CompletedAt, now), CancellationToken.None);
    }

    /// <summary>Gives the key up after a failure with no answer worth keeping (a server error): a retry runs the request again.</summary>
    public async Task ReleaseAsync(Guid id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        await db.Set<IdempotentRequest>().Where(r => r.Id == id && r.Status == null).ExecuteDeleteAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency keys older than {Retention} were not deleted this time")]
    private static partial void LogNotPurged(ILogger logger, Exception e, TimeSpan retention);
}
