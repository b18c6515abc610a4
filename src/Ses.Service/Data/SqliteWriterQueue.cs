using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ses.Service.Data;

/// <summary>
/// Puts every <c>SaveChanges</c> made outside <see cref="Transactions.WriteAsync{T}"/> in the same first-come
/// first-served queue of the database file's writers. Without it such a save meets a held write lock with
/// SQLite's busy retries, which sleep and can leave a draft or a sign-in waiting most of a second under load.
/// </summary>
internal sealed class SqliteWriterQueue : SaveChangesInterceptor
{
    public static readonly SqliteWriterQueue Instance = new();

    // The queue a context is holding for its save; saves of one context never overlap.
    private readonly ConditionalWeakTable<DbContext, SqliteWriters> _held = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (WritersFor(eventData.Context) is { } writers)
        {
            writers.Enter();
            _held.AddOrUpdate(eventData.Context!, writers);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (WritersFor(eventData.Context) is { } writers)
        {
            await writers.EnterAsync(cancellationToken);
            _held.AddOrUpdate(eventData.Context!, writers);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // EF Core reports a concurrency conflict here and then throws without calling SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // A save inside a transaction of the caller's already holds the writer (or will wait for it as a whole).
    private static SqliteWriters? WritersFor(DbContext? context) =>
        context is SesDbContext db && db.Database.CurrentTransaction is null && db.ChangeTracker.HasChanges() ? SqliteWriters.Of(db) : null;

    // At most once per save: whichever of the events above comes first gives the queue back.
    private void Release(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var writers) && _held.Remove(context)) writers.Leave();
    }
}
