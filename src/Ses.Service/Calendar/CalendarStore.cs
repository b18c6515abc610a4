using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Alerts;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Evidence;
using Ses.Service.Issuing;

namespace Ses.Service.Calendar;

/// <summary>
/// The calendar in force: the shipped 2020–2026 data plus the years a system administrator imported (each November
/// the next year's notice is published). An imported year replaces that year whole. The calendar fixes deemed
/// delivery dates and deadlines, so an import that would move a date of an existing delivery is refused unless
/// confirmed, and says what it moves; every import is recorded in the evidence log.
/// </summary>
public sealed class CalendarStore(SesDbContext db, DocumentEngine engine)
{
    public async Task<HolidayCalendar> CurrentAsync(CancellationToken ct)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var calendar = HolidayCalendar.Default;
        foreach (var source in days.GroupBy(d => d.Source))
        {
            calendar = calendar.With(HolidayCalendar.From(source.Select(d => (d.Date, d.IsOffDay, d.Name)), source.Key));
        }
        return calendar;
    }

    /// <summary>
    /// Imports whole years from a <c>date,is_off_day,name</c> file. A file with problems imports nothing; a file that
    /// moves dates of existing deliveries imports nothing unless <paramref name="confirm"/>, and the result lists the
    /// moves either way. Imported: the pending deemed dates it moves are recomputed with their evidence entries, the
    /// import itself is an evidence entry, and the alerts of the years it brings are cleared.
    /// </summary>
    public async Task<CalendarImportResult> ImportAsync(
        string csv, string source, string actor, string from, DateTimeOffset now, bool confirm, CancellationToken ct)
    {
        var parsed = HolidayCalendar.Parse(csv, source, out var problems);
        if (parsed is null) return new([], problems, [], false);
        var years = parsed.ScheduledYears.Order().ToList();
        var rows = parsed.Entries.Select(e => new CalendarDay
        {
            Date = e.Date, IsOffDay = e.Off, Name = e.Name, Source = source, ImportedAt = now, ImportedBy = Truncate(actor, 64),
        }).ToList();
        return await EvidenceLog.WriteAsync(db, async chain =>
        {
            // Under the evidence lock: no delivery changes between computing the moves and importing.
            var before = await CurrentAsync(ct);
            var after = before.With(parsed);
            var (moves, pending, documents) = await MovesAsync(before, after, years, ct);
            if (moves.Count > 0 && !confirm) return new CalendarImportResult(years, [], moves, false);

            var first = new DateOnly(years[0], 1, 1);
            var last = new DateOnly(years[^1], 12, 31);
            await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ExecuteDeleteAsync(ct);
            db.CalendarDays.AddRange(rows);
            var yearText = string.Join(",", years);
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "calendar.imported", yearText, from,
                $"{source}: {rows.Count} days, {moves.Count} dates moved"));
            foreach (var r in pending)
            {
                var deemed = LegalDates.DeemedDelivery(r.ServedAt, after);
                var previous = r.DeemedOn;
                r.DeemedOn = deemed.Date;
                r.DeemedProvisional = deemed.Provisional;
                r.Version++;
                var document = documents[r.DocumentId];
                await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, r.Id,
                    EvidenceEvents.DeemedDateRecomputed, "deemed-recomputed", actor, now, new()
                {
                    ["previousDeemedOn"] = previous?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["deemedOn"] = deemed.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["provisional"] = deemed.Provisional ? "true" : null,
                    ["calendar"] = source,
                }), ct);
            }
            // What fixes legal dates is itself on the record, with the imported file's SHA-256 (in the PDF hash column).
            var csvSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
            await chain.AppendAsync(EvidenceEntries.ForFile(Truncate($"节假日日历 {yearText}", 128), csvSha256,
                EvidenceEvents.CalendarImported, "calendar-imported", actor, now, new()
                {
                    ["years"] = yearText,
                    ["source"] = source,
                    ["days"] = rows.Count.ToString(CultureInfo.InvariantCulture),
                    ["moves"] = moves.Count.ToString(CultureInfo.InvariantCulture),
                    ["confirmed"] = moves.Count > 0 ? "true" : null,
                }), ct);
            var keys = years.Select(AdminAlerts.MissingYearKey).ToList();
            foreach (var alert in await db.AdminAlerts.Where(a => keys.Contains(a.Key) && a.AcknowledgedAt == null).ToListAsync(ct))
            {
                alert.AcknowledgedAt = now;
                alert.AcknowledgedBy = Truncate(actor, 64);
            }
            return new CalendarImportResult(years, [], moves, true);
        }, ct);
    }

    /// <summary>
    /// The dates of existing deliveries the new calendar moves, the pending deliveries whose deemed date is to be
    /// recomputed (moved, or no longer provisional), and their documents.
    /// </summary>
    private async Task<(List<CalendarMove> Moves, List<DeliveryRecord> Pending, Dictionary<Guid, IssuedDocument> Documents)> MovesAsync(
        HolidayCalendar before, HolidayCalendar after, List<int> years, CancellationToken ct)
    {
        var first = new DateOnly(years[0], 1, 1);
        var last = new DateOnly(years[^1], 12, 31);
        // The 3rd working day after sending never lies a month ahead; the longest period (6 months, moved off a rest
        // day) never reaches from more than 7 months before.
        var servedFrom = new DateTimeOffset(first.AddMonths(-1).ToDateTime(TimeOnly.MinValue), LegalDates.Beijing);
        var servedTo = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), LegalDates.Beijing);
        var deliveredFrom = first.AddMonths(-7);
        var pending = await db.Deliveries
            .Where(d => d.Electronic && d.ElectronicOn == null && d.DeemedOn != null
                && (d.DeemedProvisional || (d.ServedAt >= servedFrom && d.ServedAt < servedTo)))
            .ToListAsync(ct);
        var delivered = await db.Deliveries.AsNoTracking()
            .Where(d => d.DeliveredOn != null && d.DeliveredOn >= deliveredFrom && d.DeliveredOn <= last)
            .ToListAsync(ct);
        var documentIds = pending.Concat(delivered).Select(d => d.DocumentId).Distinct().ToList();
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var partyIds = pending.Concat(delivered).Select(d => d.CounterpartyId).Distinct().ToList();
        var parties = await db.Counterparties.AsNoTracking().Where(c => partyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var moves = new List<CalendarMove>();
        var recompute = new List<DeliveryRecord>();
        foreach (var r in pending.Where(r => documents[r.DocumentId].VoidedAt is null))
        {
            var deemed = LegalDates.DeemedDelivery(r.ServedAt, after);
            if (deemed.Date != r.DeemedOn)
            {
                moves.Add(new(r.Id, documents[r.DocumentId].Number, parties.GetValueOrDefault(r.CounterpartyId, ""), "视为送达日", "deemed",
                    r.DeemedOn!.Value, deemed.Date));
            }
            if (deemed.Date != r.DeemedOn || deemed.Provisional != r.DeemedProvisional) recompute.Add(r);
        }
        foreach (var r in delivered.Where(r => documents[r.DocumentId].VoidedAt is null))
        {
            var d = documents[r.DocumentId];
            var form = engine.Templates.FindForm(d.FormId);
            var old = Deadlines.For(form, d.DataJson, r.DeliveredOn!.Value, before);
            var now = Deadlines.For(form, d.DataJson, r.DeliveredOn!.Value, after).ToDictionary(x => x.Period);
            moves.AddRange(old.Where(x => now[x.Period].LastDay != x.LastDay)
                .Select(x => new CalendarMove(r.Id, d.Number, parties.GetValueOrDefault(r.CounterpartyId, ""), x.Name, x.Period,
                    x.LastDay, now[x.Period].LastDay)));
        }
        return ([.. moves.OrderBy(m => m.From).ThenBy(m => m.Number, StringComparer.Ordinal)], recompute, documents);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
