using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Calendar;
using Ses.Service.Data;

namespace Ses.Service.Evidence;

/// <summary>
/// Appends to the evidence log inside one write transaction (<see cref="EvidenceLog.WriteAsync{T}"/>): entries are
/// numbered and chained in the order they are appended.
/// </summary>
public sealed class EvidenceChain
{
    private readonly SesDbContext _db;
    // The chain's last entry: its number and hash are all the next one needs.
    private ChainHead? _last;
    private bool _loaded;

    internal EvidenceChain(SesDbContext db) => _db = db;

    public async Task<EvidenceEntry> AppendAsync(EvidenceFacts facts, CancellationToken ct)
    {
        await LoadAsync(ct);
        var entry = Next(facts);
        _db.EvidenceEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Appends many entries in order and writes them at once (<see cref="BulkInsert"/>), untracked: for a job that
    /// records thousands of events under one lock. They are chained exactly as one <see cref="AppendAsync"/> after another.
    /// </summary>
    public async Task AppendAllAsync(IReadOnlyList<EvidenceFacts> facts, CancellationToken ct)
    {
        await LoadAsync(ct);
        var entries = new List<EvidenceEntry>(facts.Count);
        foreach (var f in facts) entries.Add(Next(f));
        await BulkInsert.InsertAsync(_db, entries, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (_loaded) return;
        _last = await Head.For(_db)(_db, ct);
        _loaded = true;
    }

    private EvidenceEntry Next(EvidenceFacts facts)
    {
        // Millisecond precision: what every database keeps, so the hashed text and the stored instant agree.
        var at = new DateTimeOffset(facts.At.UtcTicks - facts.At.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var detail = JsonSerializer.Serialize(new SortedDictionary<string, string?>(
            (IDictionary<string, string?>?)facts.Detail?.ToDictionary() ?? new Dictionary<string, string?>(), StringComparer.Ordinal));
        var entry = EvidenceLog.Seal(new EvidenceEntry
        {
            Sequence = (_last?.Sequence ?? 0) + 1,
            Event = facts.Event,
            Action = facts.Action,
            DocumentId = facts.DocumentId,
            DeliveryId = facts.DeliveryId,
            Subject = facts.Subject,
            PdfSha256 = facts.PdfSha256,
            Actor = facts.Actor,
            At = at,
            AtUtc = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            AtBeijing = at.ToOffset(LegalDates.Beijing).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            Detail = detail,
            PreviousHash = _last?.Hash ?? EvidenceLog.Genesis,
            Hash = "",
        });
        _last = new ChainHead(entry.Sequence, entry.Hash);
        return entry;
    }

    private sealed record ChainHead(long Sequence, string Hash);

    // Read by every write that appends evidence, inside its lock (Data/CompiledPerModel).
    private static readonly CompiledPerModel<Func<SesDbContext, CancellationToken, Task<ChainHead?>>> Head = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, CancellationToken ct) =>
            db.EvidenceEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new ChainHead(e.Sequence, e.Hash)).FirstOrDefault()));
}
