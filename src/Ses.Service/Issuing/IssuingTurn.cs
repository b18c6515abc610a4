using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Issuing;

/// <summary>
/// Several instances on PostgreSQL: the turn to number documents, a session advisory lock on a connection of its own.
/// The instance holding it predicts, renders, signs and commits its groups knowing that nobody else takes a number
/// meanwhile, so its predictions hold and no document is rendered again inside the database lock; it hands the turn on
/// after a group whenever another instance waits (PostgreSQL queues the waiters first come, first served) or its own
/// queue is empty. On SQLite (one process) there is no turn.
/// </summary>
/// <remarks>
/// The turn only saves work; it is never what keeps numbers right (the counter rows and the evidence lock do that). So
/// waiting for it is bounded (<see cref="Wait"/>): an instance that cannot get it — the holder hangs, the connection
/// broke — issues without it, and a lost prediction is rendered again inside the lock as before. An instance that dies
/// loses its connection, and the turn with it.
/// </remarks>
internal sealed partial class IssuingTurn(IServiceScopeFactory scopes, ILogger logger) : IAsyncDisposable
{
    /// <summary>How long an instance waits for the turn before it issues without it.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Next to the evidence log's transaction lock (319522); a session lock, released by hand or with the connection.
    private const long LockKey = 319523;

    private AsyncServiceScope? _scope;
    private SesDbContext? _db;
    private long _taken;
    private bool _sqlite;

    public bool Held { get; private set; }

    /// <summary>How many turns this instance has taken (tests compare it with the groups issued).</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>Takes the turn unless held already; on SQLite, or when it cannot be had in time, issuing goes on without it.</summary>
    public async Task TakeAsync()
    {
        if (Held || _sqlite) return;
        try
        {
            if (_db is null)
            {
                var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
                if (db.Database.IsSqlite())
                {
                    _sqlite = true;
                    await scope.DisposeAsync();
                    return;
                }
                (_scope, _db) = (scope, db);
                await db.Database.OpenConnectionAsync();
                var timeout = $"{(int)Wait.TotalMilliseconds}ms";
                await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {timeout}, false)");
            }
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})");
            Held = true;
            Interlocked.Increment(ref _taken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogTurnNotTaken(logger, e);
            await CloseAsync();
        }
    }

    /// <summary>Whether another instance waits for the turn (then the holder hands it on after its group).</summary>
    public async Task<bool> OthersWaitingAsync()
    {
        if (!Held || _db is null) return false;
        try
        {
            // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
            return await _db.Database.SqlQuery<bool>($"""
                SELECT EXISTS (SELECT 1 FROM pg_locks
                    WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid::bigint = {LockKey} AND objsubid = 1) AS "Value"
                """).SingleAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogTurnNotTaken(logger, e);
            await CloseAsync();
            return false;
        }
    }

    /// <summary>Hands the turn on.</summary>
    public async Task ReleaseAsync()
    {
        if (!Held || _db is null) return;
        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})");
            Held = false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Closing the connection ends the session, and its lock with it.
            LogTurnNotTaken(logger, e);
            await CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        Held = false;
        if (_scope is { } scope) await scope.DisposeAsync();
        (_scope, _db) = (null, null);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Issuing without the turn to number documents (another instance holds it, or the database is unreachable)")]
    private static partial void LogTurnNotTaken(ILogger logger, Exception error);
}
