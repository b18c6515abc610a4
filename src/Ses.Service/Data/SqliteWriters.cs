using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ses.Service.Data;

/// <summary>
/// The first-come first-served queue of the writers of one SQLite file in this process. A writer waits as long as
/// SQLite's busy handler would wait for the lock (the connection's default timeout), then gives up with an error
/// instead of waiting for ever.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One queue per database file for the life of the process, held in a static cache and never removed; "
        + "its semaphore has no wait handle unless AvailableWaitHandle is read, so there is nothing to release before exit.")]
internal sealed class SqliteWriters(TimeSpan timeout)
{
    // By connection string (as configured), each resolved once to its database file's queue.
    private static readonly ConcurrentDictionary<string, SqliteWriters> Files = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SqliteWriters> ByConnection = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _queue = new(1, 1);
    private int _waiting;

    /// <summary>How many writers are waiting for the queue now (tests wait for it instead of sleeping).</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    public static SqliteWriters Of(SesDbContext db) =>
        ByConnection.GetOrAdd(db.Database.GetConnectionString()!, connection =>
        {
            var settings = new SqliteConnectionStringBuilder(connection);
            return Files.GetOrAdd(Path.GetFullPath(settings.DataSource), _ => new SqliteWriters(TimeSpan.FromSeconds(settings.DefaultTimeout)));
        });

    public async Task EnterAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            if (!await _queue.WaitAsync(timeout, ct)) throw Busy();
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Enter()
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            if (!_queue.Wait(timeout)) throw Busy();
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public void Leave() => _queue.Release();

    private static TimeoutException Busy() => new("the database stayed busy with other writers; nothing was written");
}
