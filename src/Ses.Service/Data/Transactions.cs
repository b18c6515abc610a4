using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ses.Service.Data;

/// <summary>Write transactions that serialise with every other writer from the first statement on.</summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it (or in the caller's, when one is open); any exception rolls everything back. SQLite
    /// begins IMMEDIATE (takes the write lock at once, waiting up to the connection's timeout for other writers), so
    /// two writers never deadlock upgrading a read lock.
    /// </summary>
    public static async Task<T> WriteAsync<T>(SesDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        // Inside another write transaction of the same context (a step that composes others', e.g. an approved registration
        // recording its letter): the work joins it, and is committed or rolled back with it.
        if (db.Database.CurrentTransaction is not null) return await work();
        // SQLite has one writer at a time. Its busy handler polls with growing sleeps, which leaves the lock idle and
        // lets an unlucky writer starve under load; writers of this process therefore queue first-come first-served on
        // a semaphore per database file, and the busy timeout only arbitrates between processes.
        var writers = db.Database.IsSqlite() ? SqliteWriters.Of(db) : null;
        // The context's connection closed (not held open by the caller for a long pass): the work may share one commit
        // with the writers queued behind it (SqliteWriters, group commit).
        if (writers is not null && db.Database.GetDbConnection().State == ConnectionState.Closed)
        {
            return await writers.WriteInGroupAsync(db, work, ct);
        }
        if (writers is not null) await writers.EnterAsync(ct);
        try
        {
            return await WriteLockedAsync(db, work, ct);
        }
        finally
        {
            writers?.Leave();
        }
    }

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
