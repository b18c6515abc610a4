using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Records;
using Ses.Service.Units;

// The daily expiry job (实施办法第十七条) on a fresh SQLite file in a temporary folder (docs/benchmarks.md):
//   dotnet run -c Release --project bench/Ses.RecordsBench -- expiry [count]   <count> records due (default 100000), one in five a
//                                                                              person recorded with an organisation
// Database__SqliteSynchronous=normal measures with that setting (README, Database keys).
var mode = args.FirstOrDefault() ?? "expiry";
if (mode != "expiry")
{
    await Console.Error.WriteLineAsync("usage: Ses.RecordsBench expiry [count]");
    return 2;
}
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var folder = Directory.CreateTempSubdirectory("ses-records-bench-").FullName;
var options = new DatabaseOptions
{
    ConnectionString = $"Data Source={Path.Combine(folder, "ses.db")}", FilesPath = Path.Combine(folder, "files"),
    SqliteSynchronous = Environment.GetEnvironmentVariable("Database__SqliteSynchronous") ?? "full",
};
var engine = DocumentEngine.Load(TemplateLibrary.Locate(null));
try
{
    await using (var db = DataSetup.Open(options)) await DataSetup.MigrateAsync(db);
    await SeedAsync(options, count);
    // 2026-03-02 09:00 Beijing: every record (last day 2026-02-28) is due.
    var clock = new FixedClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    await using (var db = DataSetup.Open(options))
    {
        var calendars = new CalendarStore(db, engine);
        var records = new RecordService(db, calendars, engine, new RecordQueries(db, calendars, engine, clock), clock);
        var job = new RecordExpiryJob(db, records, clock, NullLogger<RecordExpiryJob>.Instance);
        var cpu = Environment.CpuUsage.TotalTime;
        var t = Stopwatch.StartNew();
        var expired = await job.RunOnceAsync(CancellationToken.None);
        t.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;
        await using var check = DataSetup.Open(options);
        var stored = await check.CreditRecords.CountAsync(r => r.State == RecordState.Expired);
        var entries = await check.EvidenceEntries.CountAsync(e => e.Event == EvidenceEvents.RecordRemoved);
        var chain = await EvidenceLog.VerifyAsync(check, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expiry job: {expired} of {count} due records expired in {t.Elapsed.TotalSeconds:F1} s ({expired / t.Elapsed.TotalSeconds:F0}/s); "
            + $"stored expired {stored}; {entries} RecordRemoved entries; evidence chain intact {chain.Intact} ({chain.Entries} entries); "
            + $"process CPU {cpu.TotalSeconds:F1} s; synchronous={options.SqliteSynchronous}"));
        return expired == count && stored == count && entries == count && chain.Intact ? 0 : 1;
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

async Task SeedAsync(DatabaseOptions o, int n)
{
    var at = new DateTimeOffset(2025, 2, 20, 2, 0, 0, TimeSpan.Zero);
    await using var db = DataSetup.Open(o);
    var cp = new Counterparty
    {
        Id = Guid.NewGuid(), Kind = "org", Name = "压测相对人", IdScheme = "licence", IdValue = "BENCH0001", SupervisingBureau = "xibei",
        Contact1Name = "甲", Contact1Mobile = "13800000011", Contact2Name = "乙", Contact2Mobile = "13800000012", CreatedAt = at,
    };
    var unit = new Unit { Id = Guid.NewGuid(), Bureau = "xibei", Name = "运输管理处", Kind = UnitKind.Department };
    var c = new CreditCase
    {
        Id = Guid.NewGuid(), Bureau = "xibei", CounterpartyId = cp.Id, Act = "压测", Facts = "压测", ActDate = new DateOnly(2025, 2, 1), Clauses = "8-1-5",
        DecisionNumber = "西北局罚〔2025〕1号", DecisionDate = new DateOnly(2025, 2, 10), DecisionIssuer = "民航西北地区管理局", CollectingUnitId = unit.Id,
        State = CaseState.Recorded, CreatedBy = "bench_officer", CreatedAt = at,
    };
    db.Counterparties.Add(cp);
    db.Units.Add(unit);
    db.CreditCases.Add(c);
    await db.SaveChangesAsync();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    Guid organisation = default;
    for (var start = 0; start < n; start += 5000)
    {
        db.ChangeTracker.Clear();
        for (var i = start; i < Math.Min(n, start + 5000); i++)
        {
            // Every fifth record is a person recorded with the organisation before it (实施办法第八条第三款).
            var person = i % 5 == 4;
            var id = Guid.CreateVersion7(at);
            if (!person) organisation = id;
            db.CreditRecords.Add(new CreditRecord
            {
                Id = id, Bureau = "xibei", CaseId = c.Id, CounterpartyId = cp.Id, PartyName = person ? "压测个人" : $"压测航空{i}有限公司",
                PartyKind = person ? RecordParty.Person : RecordParty.Organisation, IdScheme = person ? "id" : "uscc",
                IdValue = (person ? "610102" : "916100") + i.ToString("D12", CultureInfo.InvariantCulture), Act = "故意提供虚假材料", Clauses = "8-1-5",
                GoverningClause = "8-1-5", ValidityYears = 1, DecisionNumber = $"西北局信决字〔2025〕{i + 1}号", DecisionDocumentId = Guid.NewGuid(),
                DecisionDeliveredOn = new DateOnly(2025, 2, 28), EnteredOn = new DateOnly(2025, 3, 3), EnteredBy = "bench_legal",
                ValidUntil = new DateOnly(2026, 2, 28), RepairEligibleFrom = new DateOnly(2025, 6, 4), LinkedToRecordId = person ? organisation : null,
                PersonRole = person ? PersonRoles.LegalRepresentative : null, State = RecordState.InForce, PublishedAt = person ? null : at, Version = 1,
            });
        }
        await db.SaveChangesAsync();
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
