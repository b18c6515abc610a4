using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ses.Service.Data;

/// <summary>Write transactions that serialise with every other writer from the first statement on.</summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it; any exception rolls everything back. SQLite
    /// begins IMMEDIATE (takes the write lock at once, waiting up to the connection's timeout for other writers), so
    /// two writers never deadlock upgrading a read lock.
    /// </summary>
    public static async Task<T> WriteAsync<T>(SesDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        // SQLite has one writer at a time. Its busy handler polls with growing sleeps, which leaves the lock idle and
        // lets an unlucky writer starve under load; writers of this process therefore queue first-come first-served on
        // a semaphore per database file, and the busy timeout only arbitrates between processes.
        var queue = db.Database.IsSqlite() ? WriterQueue(db) : null;
        if (queue is not null) await EnterAsync(queue, db, ct);
        try
        {
            return await WriteLockedAsync(db, work, ct);
        }
        finally
        {
            queue?.Release();
        }
    }

    // By connection string (as configured), each resolved once to its database file's semaphore.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    /// <summary>The first-come first-served queue of the writers of <paramref name="db"/>'s SQLite file in this process.</summary>
    internal static SemaphoreSlim WriterQueue(SesDbContext db) =>
        Queues.GetOrAdd(db.Database.GetConnectionString()!, connection =>
            Files.GetOrAdd(Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource), _ => new SemaphoreSlim(1, 1)));

    /// <summary>
    /// Waits for the writers' queue as long as SQLite's busy handler would wait for the lock (the connection's default
    /// timeout), then gives up with an error instead of waiting for ever.
    /// </summary>
    internal static async Task EnterAsync(SemaphoreSlim queue, SesDbContext db, CancellationToken ct)
    {
        if (!await queue.WaitAsync(BusyTimeout(db), ct)) throw new TimeoutException("the database stayed busy with other writers; nothing was written");
    }

    /// <inheritdoc cref="EnterAsync"/>
    internal static void Enter(SemaphoreSlim queue, SesDbContext db)
    {
        if (!queue.Wait(BusyTimeout(db))) throw new TimeoutException("the database stayed busy with other writers; nothing was written");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan> Timeouts = new(StringComparer.Ordinal);

    private static TimeSpan BusyTimeout(SesDbContext db) =>
        Timeouts.GetOrAdd(db.Database.GetConnectionString()!, connection => TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connection).DefaultTimeout));

    private static async Task<T> WriteLockedAsync<T>(SesDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = db.Database.IsSqlite()
                ? ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false)
                : await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            await db.Database.UseTransactionAsync(tx, ct);
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, ct);
            await db.Database.CloseConnectionAsync();
        }
    }
}
