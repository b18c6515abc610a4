using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Alerts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Notifications;

namespace Ses.Service.Delivery;

/// <summary>What one run of the job did.</summary>
public sealed record DeliveryJobResult(int Recomputed, int Deemed, int Reminded);

/// <summary>
/// Marks deemed deliveries as days pass, recomputes provisional deemed dates once their year is imported, and enqueues
/// the reminder on the working day before a deemed date. Each step re-reads its candidates under the evidence lock and
/// changes only those still due, so a run is idempotent and several instances do each thing exactly once.
/// </summary>
public sealed class DeliveryJob(SesDbContext db, CalendarStore calendars, DocumentEngine engine, NotificationOutbox outbox,
    TimeProvider time, ILogger<DeliveryJob> log)
{
    /// <summary>Deliveries handled per transaction.</summary>
    public const int Batch = 500;

    /// <summary>Deliveries deemed per transaction (set-based, so a larger batch costs the other writers little).</summary>
    public const int DeemBatch = 2_000;

    public async Task<DeliveryJobResult> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var calendar = await calendars.CurrentAsync(ct);
        var recomputed = await RecomputeAsync(calendar, now, ct);
        var deemed = await DeemAsync(calendar, today, now, ct);
        var reminded = await RemindAsync(calendar, today, now, ct);
        if (recomputed + deemed + reminded > 0)
        {
            log.LogJobRun(recomputed, deemed, reminded);
        }
        return new DeliveryJobResult(recomputed, deemed, reminded);
    }

    private async Task<int> RecomputeAsync(HolidayCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        // Provisional deemed dates of pending deliveries, once every year they reach has a schedule.
        var candidates = await db.Deliveries.AsNoTracking().Where(d => d.DeemedProvisional && d.ElectronicOn == null)
            .Select(d => new { d.Id, d.ServedAt }).ToListAsync(ct);
        var due = candidates.Where(c => !LegalDates.DeemedDelivery(c.ServedAt, calendar).Provisional).Select(c => c.Id).ToList();
        var done = 0;
        foreach (var chunk in due.Chunk(Batch))
        {
            done += await EvidenceLog.WriteAsync(db, async chain =>
            {
                var n = 0;
                // By id, not by ElectronicOn (set with ElectronicRule): SQLite, having no statistics, would rather walk the index
                // of every pending delivery than the ids' primary key, once per batch.
                var records = await db.Deliveries.Where(d => EF.Parameter(chunk).Contains(d.Id) && d.DeemedProvisional && d.ElectronicRule == null)
                    .ToListAsync(ct);
                var documents = await Documents(records, ct);
                foreach (var r in records)
                {
                    var deemed = LegalDates.DeemedDelivery(r.ServedAt, calendar);
                    var before = r.DeemedOn;
                    r.DeemedOn = deemed.Date;
                    r.DeemedProvisional = false;
                    r.Version++;
                    await chain.AppendAsync(EvidenceEntries.ForDocument(documents[r.DocumentId].Number, documents[r.DocumentId].PdfSha256, r.DocumentId, r.Id,
                        EvidenceEvents.DeemedDateRecomputed, "deemed-recomputed", "job", now, new()
                    {
                        ["provisionalDeemedOn"] = before?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["deemedOn"] = deemed.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["rule"] = deemed.Rule,
                    }), ct);
                    n++;
                }
                return n;
            }, ct);
            db.ChangeTracker.Clear();
        }
        return done;
    }

    private async Task<int> DeemAsync(HolidayCalendar calendar, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        // The deemed day has passed without a confirmation (a confirmation on the deemed day itself still counts).
        // Set-based: a batch is re-read under the evidence lock, decided in memory by the rule a late confirmation applies
        // too (DeliveryService.Deem), its evidence chained in order and inserted at once, and the deliveries updated with
        // one statement per distinct outcome (a day's batch shares a few serving dates, hence a few outcomes).
        var done = 0;
        await using var pass = await LargePass.BeginAsync(db, ct);
        while (true)
        {
            var n = await EvidenceLog.WriteAsync(db, async chain =>
            {
                var due = await db.Deliveries.AsNoTracking()
                    .Where(d => d.Electronic && d.ElectronicOn == null && d.ConfirmedAt == null && d.DeemedOn != null && d.DeemedOn < today)
                    // A voided document has no effect: it is never deemed delivered (nor reminded of, below).
                    .Where(d => !db.IssuedDocuments.Any(i => i.Id == d.DocumentId && i.VoidedAt != null))
                    .OrderBy(d => d.DeemedOn).Take(DeemBatch)
                    .Join(db.IssuedDocuments, d => d.DocumentId, i => i.Id, (d, i) => new { Record = d, i.Number, i.PdfSha256, i.FormId, i.DataJson })
                    .ToListAsync(ct);
                var records = due.Select(d => d.Record).ToList();
                var facts = new List<EvidenceFacts>(due.Count);
                var reaches = new Dictionary<(int From, int To), (DateOnly From, DateOnly To)>();
                foreach (var d in due)
                {
                    facts.Add(DeliveryService.Deem(d.Record, d.Number, d.PdfSha256, calendar, now));
                    if (d.Record.DeliveredOn is { } on
                        && DeliveryService.ProvisionalReach(d.DataJson, engine.Templates.FindForm(d.FormId), on, calendar) is { } last)
                    {
                        reaches.TryAdd((on.Year, last.Year), (on, last));
                    }
                }
                await chain.AppendAllAsync(facts, ct);
                foreach (var outcome in records.GroupBy(r => (r.ElectronicOn, r.ElectronicRule, r.DeliveredOn, r.DeliveryRule, r.DeliveryRuleText)))
                {
                    var ids = outcome.Select(r => r.Id).ToList();
                    var o = outcome.Key;
                    // One array parameter: EF Core would otherwise bind one named parameter per id, and SQLite finds each by name
                    // in a list as long as the batch (quadratic in it). Still due means no ElectronicRule (set with ElectronicOn):
                    // a condition on ElectronicOn would make SQLite walk the index of all pending deliveries for each batch.
                    var changed = await db.Deliveries.Where(d => EF.Parameter(ids).Contains(d.Id) && d.ElectronicRule == null && d.ConfirmedAt == null)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(d => d.ElectronicOn, o.ElectronicOn).SetProperty(d => d.ElectronicRule, o.ElectronicRule)
                            .SetProperty(d => d.DeemedAt, now).SetProperty(d => d.DeliveredOn, o.DeliveredOn)
                            .SetProperty(d => d.DeliveryRule, o.DeliveryRule).SetProperty(d => d.DeliveryRuleText, o.DeliveryRuleText)
                            .SetProperty(d => d.Version, d => d.Version + 1), ct);
                    // Read under the same lock a moment ago: anything else is a defect, and throwing rolls the batch back.
                    if (changed != ids.Count) throw new InvalidOperationException($"Deemed {changed} of {ids.Count} deliveries read under the evidence lock.");
                }
                foreach (var (from, to) in reaches.Values) await AdminAlerts.MissingYearsAsync(db, calendar, from, to, now, log, ct);
                return records.Count;
            }, ct);
            db.ChangeTracker.Clear();
            done += n;
            if (n < DeemBatch) return done;
        }
    }

    private async Task<int> RemindAsync(HolidayCalendar calendar, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        // The reminder goes out from the working day before the deemed date (or at once, if serving came later).
        var last = today;
        while (true)
        {
            last = last.AddDays(1);
            if (calendar.IsWorkingDay(last).Working) break;
        }
        var done = 0;
        while (true)
        {
            var n = await EvidenceLog.WriteAsync(db, async chain =>
            {
                var records = await db.Deliveries
                    .Where(d => d.Electronic && d.ElectronicOn == null && d.ConfirmedAt == null && d.ReminderAt == null && d.DeemedOn != null
                                && d.DeemedOn >= today && d.DeemedOn <= last)
                    .Where(d => !db.IssuedDocuments.Any(i => i.Id == d.DocumentId && i.VoidedAt != null))
                    .OrderBy(d => d.DeemedOn).Take(Batch).ToListAsync(ct);
                var documents = await Documents(records, ct);
                var partyIds = records.Select(r => r.CounterpartyId).Distinct().ToList();
                var parties = await db.Counterparties.AsNoTracking().Where(c => partyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
                foreach (var r in records)
                {
                    r.ReminderAt = now;
                    r.Version++;
                    var d = documents[r.DocumentId];
                    outbox.EnqueueForCounterparty(parties[r.CounterpartyId], NotificationKind.Reminder,
                        DeliveryNotices.Reminder(d, engine.Templates.FindForm(d.FormId)?.Title ?? d.FormId, DeliveryNotices.BureauName(engine, d.Bureau), r),
                        r.Id);
                    await chain.AppendAsync(EvidenceEntries.ForDocument(documents[r.DocumentId].Number, documents[r.DocumentId].PdfSha256, r.DocumentId, r.Id,
                        EvidenceEvents.ConsignmentNotification, "reminder-scheduled", "job", now, new()
                    {
                        ["deemedOn"] = r.DeemedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["kind"] = "reminder",
                    }), ct);
                }
                return records.Count;
            }, ct);
            db.ChangeTracker.Clear();
            done += n;
            if (n < Batch) return done;
        }
    }

    private async Task<Dictionary<Guid, IssuedDocument>> Documents(List<DeliveryRecord> records, CancellationToken ct)
    {
        var ids = records.Select(r => r.DocumentId).Distinct().ToList();
        return await db.IssuedDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
    }
}
