using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Evidence;

namespace Ses.Service.Records;

/// <summary>
/// Removes every record whose validity has ended (实施办法第十七条第二款: 届满后自动失效，由 SES 自动移除): a record in force
/// whose last day is before today (Beijing) becomes <c>expired</c> from the day after its last day, with its linked
/// persons, one evidence entry each. Each batch re-reads its candidates inside the evidence transaction (the evidence
/// lock on PostgreSQL, the write lock on SQLite), so several instances never expire a record twice.
/// </summary>
public sealed class RecordExpiryJob(SesDbContext db, RecordService records, TimeProvider time, ILogger<RecordExpiryJob> log)
{
    /// <summary>Records removed per transaction.</summary>
    public const int Batch = 1000;

    /// <summary>Who the evidence names as removing them.</summary>
    public const string Actor = "job";

    /// <summary>Expires what is due today; returns how many records were removed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var done = 0;
        while (true)
        {
            var n = await EvidenceLog.WriteAsync(db, async chain =>
            {
                var due = await db.CreditRecords.Where(r => r.State == RecordState.InForce && r.ValidUntil < today)
                    .OrderBy(r => r.ValidUntil).ThenBy(r => r.Id).Take(Batch).ToListAsync(ct);
                // The persons recorded with an organisation go with it (they share its last day: normally in the batch already).
                var organisations = due.Where(r => r.LinkedToRecordId is null).Select(r => r.Id).ToList();
                var linked = await db.CreditRecords
                    .Where(r => r.LinkedToRecordId != null && organisations.Contains(r.LinkedToRecordId.Value) && r.State == RecordState.InForce)
                    .ToListAsync(ct);
                var all = due.Union(linked).ToList();
                foreach (var r in all)
                {
                    // 实施办法第十七条: in force through its last day; removed from the next.
                    var reason = string.Create(CultureInfo.InvariantCulture,
                        $"信用记录有效期至 {r.ValidUntil:yyyy-MM-dd} 届满，自动失效，由 SES 自动移除（实施办法第十七条）");
                    await records.RemoveOneAsync(chain, r, RecordState.Expired, reason, r.ValidUntil.AddDays(1), Actor, null, now, ct);
                }
                if (all.Count > 0)
                {
                    db.AuditEntries.Add(EvidenceEntries.Audit(now, Actor, "record.expired", $"{all.Count} records", Actor,
                        string.Create(CultureInfo.InvariantCulture, $"first={all[0].Id} validUntil<{today:yyyy-MM-dd}")));
                }
                return (Due: due.Count, Removed: all.Count);
            }, ct);
            db.ChangeTracker.Clear();
            done += n.Removed;
            if (n.Due < Batch) break;
        }
        if (done > 0) log.LogExpired(done);
        return done;
    }
}
