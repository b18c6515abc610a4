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
    private EvidenceEntry? _last;
    private bool _loaded;

    internal EvidenceChain(SesDbContext db) => _db = db;

    public async Task<EvidenceEntry> AppendAsync(EvidenceFacts facts, CancellationToken ct)
    {
        if (!_loaded)
        {
            _last = await _db.EvidenceEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
            _loaded = true;
        }
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
        _db.EvidenceEntries.Add(entry);
        _last = entry;
        return entry;
    }
}
