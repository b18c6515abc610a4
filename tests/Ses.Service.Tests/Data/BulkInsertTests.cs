using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;
using Ses.Service.Evidence;

namespace Ses.Service.Tests.Data;

/// <summary>
/// Entries written at once (<see cref="EvidenceChain.AppendAllAsync"/>, <see cref="BulkInsert"/>) are stored exactly as
/// EF Core stores them one by one: the chain verifies across both kinds, and every field reads back as given — on a real
/// SQLite file and on the real PostgreSQL (more rows than one PostgreSQL statement takes).
/// </summary>
public sealed class BulkInsertTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-bulk-").FullName;
    private readonly PostgresTestDatabase _postgres = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _postgres.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EntriesWrittenAtOnce_ChainWithThoseAddedOneByOne_AndReadBackAsGiven(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var options = provider == "sqlite"
            ? new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "ses.db")}", FilesPath = _folder }
            : new DatabaseOptions { Provider = "postgres", ConnectionString = _postgres.ConnectionString(), FilesPath = _folder };
        await using (var db = DataSetup.Open(options)) await DataSetup.MigrateAsync(db);
        var at = new DateTimeOffset(2026, 2, 25, 16, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);
        var facts = Enumerable.Range(0, 1_300).Select(i => i % 3 == 0
            ? EvidenceEntries.ForFile($"文件{i}", new string('f', 64), EvidenceEvents.AcceptanceRejectionExpiry, "deemed", "job", at.AddSeconds(i),
                new() { ["说明"] = "视为送达", ["empty"] = null })
            : EvidenceEntries.ForDocument($"西北局信告字〔2026〕{i}号", new string('a', 64), Guid.NewGuid(), Guid.NewGuid(),
                EvidenceEvents.AcceptanceRejectionExpiry, "deemed", "job", at.AddSeconds(i), new() { ["deemedOn"] = "2026-02-25" })).ToList();

        await using (var db = DataSetup.Open(options))
        {
            await EvidenceLog.WriteAsync(db, async chain =>
            {
                await chain.AppendAsync(facts[0], ct);
                await chain.AppendAllAsync(facts[1..^1], ct);
                await chain.AppendAsync(facts[^1], ct);
                return 0;
            }, ct);
        }

        await using var check = DataSetup.Open(options);
        var verified = await EvidenceLog.VerifyAsync(check, ct);
        Assert.True(verified.Intact, verified.Reason);
        Assert.Equal(facts.Count, verified.Entries);
        var stored = await check.EvidenceEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        for (var i = 0; i < facts.Count; i++)
        {
            var (f, e) = (facts[i], stored[i]);
            Assert.Equal(i + 1, e.Sequence);
            Assert.Equal((f.Subject, f.PdfSha256, f.DocumentId, f.DeliveryId, f.Event, f.Action, f.Actor),
                (e.Subject, e.PdfSha256, e.DocumentId, e.DeliveryId, e.Event, e.Action, e.Actor));
            Assert.Equal(f.At.UtcTicks - f.At.UtcTicks % TimeSpan.TicksPerMillisecond, e.At.UtcTicks);
            Assert.Equal(f.Detail!.OrderBy(d => d.Key, StringComparer.Ordinal), EvidenceEntries.Facts(e.Detail).OrderBy(d => d.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task OutsideAWriteTransaction_Refused_NothingStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "ses.db")}", FilesPath = _folder };
        await using var db = DataSetup.Open(options);
        await DataSetup.MigrateAsync(db);
        var entry = new EvidenceEntry
        {
            Sequence = 1, Event = "e", Action = "a", Subject = "s", PdfSha256 = "p", Actor = "job", AtUtc = "", AtBeijing = "", Detail = "{}",
            PreviousHash = EvidenceLog.Genesis, Hash = "h",
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(db, [entry], ct));
        Assert.Equal(0, await db.EvidenceEntries.CountAsync(ct));
    }
}
