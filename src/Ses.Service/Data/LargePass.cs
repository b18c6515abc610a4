using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Ses.Service.Data;

/// <summary>
/// Holds the context's connection open for a job's pass over many rows and, on SQLite, gives that connection a larger
/// page cache for the pass (restored when it ends, before the connection returns to the pool). With SQLite's default
/// 2 MB cache, a pass over a million deliveries re-reads the same index pages from the operating system thousands of
/// times over (random GUID keys).
/// </summary>
public sealed class LargePass : IAsyncDisposable
{
    private const int CacheKibibytes = 128 * 1024;

    private readonly SesDbContext _db;
    private readonly long? _previousCache;

    private LargePass(SesDbContext db, long? previousCache)
    {
        _db = db;
        _previousCache = previousCache;
    }

    public static async Task<LargePass> BeginAsync(SesDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (!db.Database.IsSqlite()) return new LargePass(db, null);
        var previous = Convert.ToInt64(await PragmaAsync(db, "PRAGMA cache_size", ct), CultureInfo.InvariantCulture);
        await PragmaAsync(db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{CacheKibibytes}"), ct);
        return new LargePass(db, previous);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_previousCache is { } cache)
            {
                await PragmaAsync(_db, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cache}"), CancellationToken.None);
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> PragmaAsync(SesDbContext db, string pragma, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = pragma;
        return await command.ExecuteScalarAsync(ct);
    }
}
