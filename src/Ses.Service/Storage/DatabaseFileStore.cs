using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Storage;

/// <summary>
/// Files in the database (<c>Database:Provider=postgres</c>): every instance reads every file. A file put here is held
/// in memory until a record naming it is saved; <see cref="StoredFileWriter"/> then writes it in that record's
/// transaction. So a file is stored if and only if a committed record names it: a step that fails, or an instance killed
/// in the middle, leaves no orphan file behind.
/// </summary>
public sealed partial class DatabaseFileStore(IServiceScopeFactory scopes, TimeProvider time, ILogger<DatabaseFileStore> logger) : IFileStore
{
    /// <summary>A file held this long without a committed record naming it is dropped (its step failed or never finished).</summary>
    public static readonly TimeSpan Unclaimed = TimeSpan.FromMinutes(30);

    // How often held files are checked against the database (a file committed with its record is no longer held).
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (byte[] Content, DateTimeOffset Since)> _held = new(StringComparer.Ordinal);
    private int _sweeping;
    private DateTimeOffset _lastSweep;

    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>How many files are held, waiting for a record (tests).</summary>
    internal int Held => _held.Count;

    public async Task<(string Sha256, bool Created)> PutAsync(byte[] content, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        await SweepAsync(ct);
        if (await ExistsAsync(sha, ct)) return (sha, false);
        var created = _held.TryAdd(sha, (content, time.GetUtcNow()));
        return (sha, created);
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => f.Sha256 == sha256).Select(f => f.Content).SingleOrDefaultAsync(ct);
        return stored ?? (_held.TryGetValue(sha256, out var held) ? held.Content : null);
    }

    /// <summary>Drops a held file (its step failed); a file in the database is named by a committed record and stays.</summary>
    public void Forget(string sha256) => _held.TryRemove(sha256, out _);

    /// <summary>The held content of a file a record being saved names, or null when it is not held here.</summary>
    internal byte[]? HeldContent(string sha256) => _held.TryGetValue(sha256, out var held) ? held.Content : null;

    private async Task<bool> ExistsAsync(string sha, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return await db.Set<StoredFile>().AnyAsync(f => f.Sha256 == sha, ct);
    }

    /// <summary>Lets go of held files that reached the database with their record, and of those no record claimed in time.</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep < SweepEvery || _held.IsEmpty || Interlocked.Exchange(ref _sweeping, 1) == 1) return;
        try
        {
            _lastSweep = now;
            var old = _held.Where(h => now - h.Value.Since >= SweepEvery).Select(h => h.Key).ToList();
            if (old.Count == 0) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => old.Contains(f.Sha256)).Select(f => f.Sha256).ToListAsync(ct);
            foreach (var sha in stored) _held.TryRemove(sha, out _);
            var dropped = old.Except(stored).Count(sha => _held.TryGetValue(sha, out var h) && now - h.Since >= Unclaimed && _held.TryRemove(sha, out _));
            if (dropped > 0) LogDropped(logger, dropped);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} files no committed record named were dropped from memory")]
    private static partial void LogDropped(ILogger logger, int count);
}
