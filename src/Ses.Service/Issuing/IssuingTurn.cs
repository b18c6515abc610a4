using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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
/// waiting for it is bounded (<see cref="Wait"/>), and an instance that could not get it — the holder hangs, the
/// connection broke — only tries without waiting for a while (<see cref="CoolDown"/>) and otherwise issues without it,
/// a lost prediction being rendered again inside the lock as before. The turn's connection is not pooled, so closing it
/// ends the session and its lock; an instance that dies loses it the same way (TCP keepalive finds a vanished host).
/// </remarks>
internal sealed partial class IssuingTurn(IServiceScopeFactory scopes, ILogger logger) : IAsyncDisposable
{
    /// <summary>How long an instance waits for the turn before it issues without it.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>After the turn could not be had, how long only a turn free at once is taken.</summary>
    public static readonly TimeSpan CoolDown = TimeSpan.FromMinutes(1);

    // Next to the evidence log's transaction lock (319522); a session lock, released by hand or with the connection.
    private const long LockKey = 319523;

    private NpgsqlConnection? _connection;
    private bool _sqlite;
    private long _taken;
    // Touched only by the issue loop.
    private long _patientAfter;

    public bool Held { get; private set; }

    /// <summary>How many turns this instance has taken (tests compare it with the groups issued).</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>
    /// Takes the turn unless held already, waiting for it unless <paramref name="waitForIt"/> is false (the service is
    /// stopping) or the last try failed lately; on SQLite, or when it cannot be had, issuing goes on without it.
    /// </summary>
    public async Task TakeAsync(bool waitForIt)
    {
        if (Held || _sqlite) return;
        try
        {
            if (_connection is null)
            {
                string? settings;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
                    _sqlite = db.Database.IsSqlite();
                    settings = db.Database.GetConnectionString();
                }
                if (_sqlite) return;
                var builder = new NpgsqlConnectionStringBuilder(settings) { Pooling = false, TcpKeepAlive = true, KeepAlive = 15 };
                _connection = new NpgsqlConnection(builder.ConnectionString);
                await _connection.OpenAsync();
                await ExecuteAsync($"SET lock_timeout = {(int)Wait.TotalMilliseconds}");
            }
            if (waitForIt && Stopwatch.GetTimestamp() >= _patientAfter)
            {
                await ExecuteAsync($"SELECT pg_advisory_lock({LockKey})");
                Held = true;
            }
            else
            {
                Held = await ScalarAsync($"SELECT pg_try_advisory_lock({LockKey})");
            }
            if (Held) Interlocked.Increment(ref _taken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogTurnNotTaken(logger, e.Message);
            _patientAfter = Stopwatch.GetTimestamp() + (long)(CoolDown.TotalSeconds * Stopwatch.Frequency);
            await CloseAsync();
        }
    }

    /// <summary>Whether another instance waits for the turn (then the holder hands it on after its group).</summary>
    public async Task<bool> OthersWaitingAsync()
    {
        if (!Held) return false;
        try
        {
            // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
            return await ScalarAsync($"""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND classid = 0 AND objid::bigint = {LockKey} AND objsubid = 1)
                """);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogTurnLost(logger, e.Message);
            await CloseAsync();
            return false;
        }
    }

    /// <summary>Hands the turn on.</summary>
    public async Task ReleaseAsync()
    {
        if (!Held) return;
        try
        {
            await ExecuteAsync($"SELECT pg_advisory_unlock({LockKey})");
            Held = false;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Closing the connection (not pooled) ends the session, and its lock with it.
            LogTurnLost(logger, e.Message);
            await CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await CloseAsync();
    }

    private async Task ExecuteAsync(FormattableString sql)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> ScalarAsync(FormattableString sql)
    {
        await using var command = Command(sql);
        return await command.ExecuteScalarAsync() is true;
    }

    // Only numbers of ours go into the text (the key, the timeout): nothing from outside.
    private NpgsqlCommand Command(FormattableString sql) =>
        new(sql.ToString(CultureInfo.InvariantCulture), _connection ?? throw new InvalidOperationException("the turn's connection is closed"));

    private async Task CloseAsync()
    {
        Held = false;
        var connection = _connection;
        _connection = null;
        if (connection is null) return;
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            LogTurnLost(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Issuing without the turn to number documents for now (another instance holds it, or the database is unreachable): {Reason}")]
    private static partial void LogTurnNotTaken(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The turn to number documents was given up with its connection: {Reason}")]
    private static partial void LogTurnLost(ILogger logger, string reason);
}
