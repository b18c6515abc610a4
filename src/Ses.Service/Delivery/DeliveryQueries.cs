using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Delivery;

/// <summary>What legal staff search for: a number (part of it), a counterparty (name, identifier or id), a serving date range (Beijing dates).</summary>
public sealed record DeliverySearch(string? Number = null, string? Counterparty = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Reading deliveries as the API and the pages show them: one delivery with its timeline, the bureau's search, the
/// counterparty's inbox. Staff see only their bureau's deliveries, accounts only their counterparty's electronic ones.
/// </summary>
public sealed class DeliveryQueries(SesDbContext db, DocumentEngine engine, CalendarStore calendars, IFileStore files)
{
    public const int SearchLimit = 500;

    public async Task<DeliveryView> ViewAsync(DeliveryRecord r, bool staff, CancellationToken ct, bool timeline = false, bool evidenceInFull = true)
    {
        var d = await db.IssuedDocuments.AsNoTracking().SingleAsync(x => x.Id == r.DocumentId, ct);
        var events = timeline ? await db.EvidenceEntries.AsNoTracking().Where(e => e.DocumentId == d.Id).OrderBy(e => e.Sequence).ToListAsync(ct) : null;
        return DeliveryView.From(r, d, engine.Templates.FindForm(d.FormId), await calendars.CurrentAsync(ct), staff, events, evidenceInFull);
    }

    /// <summary>
    /// The paper delivery's receipt scan of a delivery of the bureau, with its type and its download name (the document's
    /// number, …-送达回证.pdf, not the name it was uploaded under); null if there is none.
    /// </summary>
    public async Task<(byte[] Content, string Type, string Name)?> ReceiptAsync(Guid id, string bureau, CancellationToken ct)
    {
        var r = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Bureau == bureau, ct);
        if (r?.PaperReceiptSha256 is null || await files.GetAsync(r.PaperReceiptSha256, ct) is not { } bytes) return null;
        var number = await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == r.DocumentId).Select(d => d.Number).SingleAsync(ct);
        return (bytes, DeliveryService.ReceiptType(bytes) ?? "application/octet-stream", DownloadNames.Receipt(number, r.PaperReceiptName));
    }

    /// <summary>
    /// A delivery of the bureau with its evidence timeline, else null (other bureaus' deliveries are not found); the
    /// timeline's facts as hashed with <paramref name="evidenceInFull"/> (legal staff), else with the recipients masked.
    /// </summary>
    public async Task<DeliveryView?> OfBureauAsync(Guid id, string bureau, CancellationToken ct, bool evidenceInFull = true) =>
        await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Bureau == bureau, ct) is { } r
            ? await ViewAsync(r, staff: true, ct, timeline: true, evidenceInFull)
            : null;

    /// <summary>The bureau's deliveries matching every given term, newest first, at most <see cref="SearchLimit"/>.</summary>
    public async Task<List<DeliveryView>> SearchAsync(string bureau, DeliverySearch search, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking().Where(d => d.Bureau == bureau);
        if (!string.IsNullOrWhiteSpace(search.Number))
        {
            var n = search.Number.Trim();
            var ids = db.IssuedDocuments.Where(x => x.Bureau == bureau && x.Number.Contains(n)).Select(x => x.Id);
            query = query.Where(d => ids.Contains(d.DocumentId));
        }
        if (!string.IsNullOrWhiteSpace(search.Counterparty))
        {
            var c = search.Counterparty.Trim();
            var ids = Guid.TryParse(c, out var g)
                ? db.Counterparties.Where(x => x.Id == g).Select(x => x.Id)
                : db.Counterparties.Where(x => x.Name.Contains(c) || x.IdValue == c).Select(x => x.Id);
            query = query.Where(d => ids.Contains(d.CounterpartyId));
        }
        // Dates are Beijing calendar dates: [from 00:00, to+1 00:00) at UTC+8.
        if (search.From is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), LegalDates.Beijing).ToUniversalTime();
            query = query.Where(d => d.ServedAt >= start);
        }
        if (search.To is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), LegalDates.Beijing).ToUniversalTime();
            query = query.Where(d => d.ServedAt < end);
        }
        return await ViewsAsync(await query.OrderByDescending(d => d.ServedAt).Take(SearchLimit).ToListAsync(ct), staff: true, ct);
    }

    /// <summary>The documents served electronically on the counterparty, newest first.</summary>
    public async Task<List<DeliveryView>> InboxAsync(Guid counterparty, CancellationToken ct) =>
        await ViewsAsync(await db.Deliveries.AsNoTracking().Where(d => d.CounterpartyId == counterparty && d.Electronic)
            .OrderByDescending(d => d.ServedAt).ToListAsync(ct), staff: false, ct);

    /// <summary>Views of several deliveries without their timelines, in the order given.</summary>
    public async Task<List<DeliveryView>> ViewsAsync(IReadOnlyList<DeliveryRecord> records, bool staff, CancellationToken ct)
    {
        var ids = records.Select(r => r.DocumentId).ToList();
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var calendar = await calendars.CurrentAsync(ct);
        return [.. records.Select(r =>
            DeliveryView.From(r, documents[r.DocumentId], engine.Templates.FindForm(documents[r.DocumentId].FormId), calendar, staff))];
    }
}
