using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ses.Service.Storage;

/// <summary>
/// Writes the files held by <see cref="DatabaseFileStore"/> that the saved records name (any property whose name ends in
/// <c>Sha256</c>), in the same transaction as those records: the caller's, or one begun here around the save and
/// committed with it. <c>ON CONFLICT DO NOTHING</c>: the same bytes named twice, even by two instances at once, are one row.
/// </summary>
internal sealed class StoredFileWriter(DatabaseFileStore store) : SaveChangesInterceptor
{
    private const string Insert = $"""
        INSERT INTO "{StoredFileConfiguration.Table}" ("Sha256", "Content", "Length", "StoredAt") VALUES (@sha, @content, @length, @at)
        ON CONFLICT ("Sha256") DO NOTHING
        """;

    // The transactions begun here for a save that had none, committed or rolled back when it ends.
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _own = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        var named = Named(db.ChangeTracker).Select(sha => (Sha: sha, Content: store.HeldContent(sha))).Where(f => f.Content is not null).ToList();
        if (named.Count == 0) return result;
        if (db.Database.CurrentTransaction is null) _own.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        foreach (var (sha, content) in named)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Insert;
            Add(command, "sha", sha);
            Add(command, "content", content!);
            Add(command, "length", (long)content!.Length);
            Add(command, "at", store.Now);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _own.TryGetValue(db, out var own))
        {
            _own.Remove(db);
            await own.CommitAsync(cancellationToken);
            await own.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _own.TryGetValue(db, out var own))
        {
            _own.Remove(db);
            await own.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    /// <summary>The files the added and changed records name.</summary>
    private static IEnumerable<string> Named(ChangeTracker tracker) => tracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified)
        .SelectMany(e => e.Properties.Where(p => p.Metadata.ClrType == typeof(string) && p.Metadata.Name.EndsWith("Sha256", StringComparison.Ordinal)))
        .Select(p => p.CurrentValue as string)
        .OfType<string>()
        .Where(v => v.Length == 64)
        .Distinct(StringComparer.Ordinal);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
