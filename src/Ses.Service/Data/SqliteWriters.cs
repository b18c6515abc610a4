using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ses.Service.Data;

/// <summary>
/// The first-come first-served queue of the writers of one SQLite file in this process. A writer waits as long as
/// SQLite's busy handler would wait for the lock (the connection's default timeout), then gives up with an error
/// instead of waiting for ever.
/// </summary>
/// <remarks>
/// <para>
/// Group commit (<see cref="WriteInGroupAsync{T}"/>): with <c>synchronous=full</c> every commit waits for the disk, and
/// while it waits nobody else can write. A writer that finishes its work while others queue therefore leaves its
/// transaction open and hands the lock on: the next writer's work runs in the same transaction, each behind its own
/// savepoint, and the last of the group (nobody waiting, or <see cref="MaxGroup"/> writers) commits once for all.
/// Nobody learns the outcome before that commit: each writer returns only after it, and if it fails, all of the group
/// fail and nothing of theirs is stored. A writer whose own work fails is rolled back to its savepoint alone.
/// </para>
/// <para>
/// Every other way in (<see cref="EnterAsync"/>, <see cref="Enter"/>) commits an open group first, and a writer that stops
/// waiting commits it if the lock is free, so a group never stays open without a writer to finish it.
/// </para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One queue per database file for the life of the process, held in a static cache and never removed; "
        + "its semaphore has no wait handle unless AvailableWaitHandle is read, and an open group is always committed by a writer.")]
internal sealed class SqliteWriters(TimeSpan timeout)
{
    /// <summary>The most writers committed together.</summary>
    public const int MaxGroup = 64;

    // By connection string (as configured), each resolved once to its database file's queue.
    private static readonly ConcurrentDictionary<string, SqliteWriters> Files = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SqliteWriters> ByConnection = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _queue = new(1, 1);
    private int _waiting;
    private long _commits;

    // The open group, touched only by the holder of the queue.
    private Group? _group;

    /// <summary>How many writers are waiting for the queue now (tests wait for it instead of sleeping).</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How many group commits this process made on the file (tests compare it with the writes).</summary>
    internal long GroupCommits => Interlocked.Read(ref _commits);

    public static SqliteWriters Of(SesDbContext db) =>
        ByConnection.GetOrAdd(db.Database.GetConnectionString()!, connection =>
        {
            var settings = new SqliteConnectionStringBuilder(connection);
            return Files.GetOrAdd(Path.GetFullPath(settings.DataSource), _ => new SqliteWriters(TimeSpan.FromSeconds(settings.DefaultTimeout)));
        });

    /// <summary>Takes the queue for a write of its own (an open group is committed first).</summary>
    public async Task EnterAsync(CancellationToken ct)
    {
        await WaitAsync(ct);
        CommitGroup();
    }

    /// <summary>Takes the queue for a write of its own (an open group is committed first).</summary>
    public void Enter()
    {
        Interlocked.Increment(ref _waiting);
        var entered = false;
        try
        {
            entered = _queue.Wait(timeout);
            if (!entered) throw Busy();
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            if (!entered) CommitIfFree();
        }
        CommitGroup();
    }

    public void Leave() => _queue.Release();

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/> (whose connection is closed) inside the group's transaction,
    /// behind a savepoint, and returns its result once the group has committed.
    /// </summary>
    public async Task<T> WriteInGroupAsync<T>(SesDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await WaitAsync(ct);
        Task committed;
        T result;
        try
        {
            _group ??= Group.Begin(db);
            var group = _group;
            committed = group.Committed;
            try
            {
                result = await group.RunAsync(db, work, ct);
            }
            catch
            {
                if (group.Broken) _group = null;
                throw;
            }
        }
        finally
        {
            try
            {
                if (_group is { } open && (Waiting == 0 || open.Size >= MaxGroup)) CommitGroup();
            }
            finally
            {
                Leave();
            }
            // Left open for a writer that gave up waiting just now (its own try found the lock still held): nobody
            // would come to commit it. Whichever of the two looks last finds the lock free and commits.
            if (Waiting == 0) CommitIfFree();
        }
        await committed;
        return result;
    }

    private async Task WaitAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        var entered = false;
        try
        {
            entered = await _queue.WaitAsync(timeout, ct);
            if (!entered) throw Busy();
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            if (!entered) CommitIfFree();
        }
    }

    // A writer that stops waiting may have been the one the last of a group handed the lock to.
    private void CommitIfFree()
    {
        if (!_queue.Wait(0)) return;
        try
        {
            CommitGroup();
        }
        finally
        {
            _queue.Release();
        }
    }

    // Holding the queue: commits the open group, if any, and tells its writers. Never throws, so a writer that has taken
    // the queue always reaches the Leave its caller owes.
    private void CommitGroup()
    {
        if (_group is not { } group) return;
        _group = null;
        group.Commit();
        Interlocked.Increment(ref _commits);
    }

    private static TimeoutException Busy() => new("the database stayed busy with other writers; nothing was written");

    /// <summary>One open write transaction on its own connection, shared by the writers of a group.</summary>
    private sealed class Group
    {
        // A context of the writers' own options owns the connection: EF Core opens it as it opens any of its connections
        // (its SQLite functions, the connection interceptors such as synchronous=NORMAL).
        private readonly SesDbContext _owner;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Group(SesDbContext owner, SqliteConnection connection, SqliteTransaction transaction)
        {
            _owner = owner;
            _connection = connection;
            _transaction = transaction;
        }

        public Task Committed => _committed.Task;

        /// <summary>Writers whose work is in the transaction.</summary>
        public int Size { get; private set; }

        /// <summary>A writer's work could not be undone alone: the transaction is gone, and the group failed.</summary>
        public bool Broken { get; private set; }

        public static Group Begin(SesDbContext db)
        {
            var owner = new SesDbContext((DbContextOptions<SesDbContext>)db.GetService<IDbContextOptions>());
            try
            {
                owner.Database.OpenConnection();
                var connection = (SqliteConnection)owner.Database.GetDbConnection();
                return new Group(owner, connection, connection.BeginTransaction(deferred: false));
            }
            catch
            {
                owner.Dispose();
                throw;
            }
        }

        public async Task<T> RunAsync<T>(SesDbContext db, Func<Task<T>> work, CancellationToken ct)
        {
            // The context's own connection is closed (EF Core opens it per query): it works on the group's meanwhile.
            var connectionString = db.Database.GetConnectionString();
            db.Database.SetDbConnection(_connection, contextOwnsConnection: false);
            var savepoint = "w" + Size.ToString(CultureInfo.InvariantCulture);
            try
            {
                await db.Database.UseTransactionAsync(_transaction, ct);
                _transaction.Save(savepoint);
                try
                {
                    var result = await work();
                    _transaction.Release(savepoint);
                    Size++;
                    return result;
                }
                catch (Exception failure)
                {
                    Undo(savepoint, failure);
                    throw;
                }
            }
            finally
            {
                // Back to a connection of the context's own making (EF Core registers its SQLite functions on it).
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
                db.Database.SetDbConnection(null, contextOwnsConnection: true);
                db.Database.SetConnectionString(connectionString);
            }
        }

        /// <summary>Commits and tells the group's writers; never throws.</summary>
        public void Commit()
        {
            try
            {
                _transaction.Commit();
                _committed.TrySetResult();
            }
            catch (Exception e)
            {
                _committed.TrySetException(e);
            }
            finally
            {
                Close();
            }
        }

        // After a failed commit, disposing the transaction rolls back, which can fail too: the writers know already.
        [SuppressMessage("Design", "CA1031:Do not catch general exception types",
            Justification = "The group's outcome is already with its writers; the connection is closed either way.")]
        private void Close()
        {
            try
            {
                _transaction.Dispose();
            }
            catch (Exception)
            {
                // The connection's closing below ends the transaction.
            }
            _owner.Dispose();
        }

        // Back to the writer's savepoint; if SQLite already rolled the whole transaction back (a full disk, an I/O error),
        // the writers before it fail with it.
        private void Undo(string savepoint, Exception failure)
        {
            try
            {
                _transaction.Rollback(savepoint);
                _transaction.Release(savepoint);
            }
            // SQLite rolled the whole transaction back (Microsoft.Data.Sqlite then refuses the transaction: "completed").
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                Broken = true;
                _committed.TrySetException(new InvalidOperationException("a write of the group failed and took the group's transaction with it", failure));
                Close();
            }
        }
    }
}
