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
