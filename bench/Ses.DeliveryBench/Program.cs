using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Notifications;
using Ses.Service.Storage;

// Delivery benchmarks on a fresh SQLite file in a temporary folder (docs/benchmarks.md):
//   dotnet run -c Release --project bench/Ses.DeliveryBench -- deemed [count]          the job over <count> due deliveries (default 100000)
//   dotnet run -c Release --project bench/Ses.DeliveryBench -- serve [count] [workers]  serving + notification enqueue
//                                                                                      (default 10000, 4; the first 500 warm up)
// Database__SqliteSynchronous=normal measures with that setting (README, Database keys).
var mode = args.FirstOrDefault() ?? "deemed";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : mode == "serve" ? 10_000 : 100_000;
var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var folder = Directory.CreateTempSubdirectory("ses-delivery-bench-").FullName;
var options = new DatabaseOptions
{
    ConnectionString = $"Data Source={Path.Combine(folder, "ses.db")}", FilesPath = Path.Combine(folder, "files"),
    SqliteSynchronous = Environment.GetEnvironmentVariable("Database__SqliteSynchronous") ?? "full",
};
var engine = DocumentEngine.Load(TemplateLibrary.Locate(null));
var servedAt = new DateTimeOffset(2026, 2, 13, 15, 30, 0, TimeSpan.Zero); // deemed on 25 February (Spring Festival)
try
{
    await using (var db = DataSetup.Open(options)) await DataSetup.MigrateAsync(db);
    var counterparty = await SeedAsync(options, count, served: mode == "deemed");
    if (mode == "deemed")
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var db = DataSetup.Open(options);
        var job = new DeliveryJob(db, new CalendarStore(db, engine), engine, Outbox(db, clock), clock, NullLogger<DeliveryJob>.Instance);
        var t = Stopwatch.StartNew();
        var result = await job.RunOnceAsync(CancellationToken.None);
        t.Stop();
        await using var check = DataSetup.Open(options);
        var deemed = await check.Deliveries.CountAsync(d => d.ElectronicRule == DeliveryRules.Deemed);
        var chain = await EvidenceLog.VerifyAsync(check, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deemed job: {result.Deemed} of {count} due deliveries marked in {t.Elapsed.TotalSeconds:F1} s "
            + $"({result.Deemed / t.Elapsed.TotalSeconds:F0}/s); stored deemed {deemed}; evidence chain intact {chain.Intact} ({chain.Entries} entries)"));
        return result.Deemed == count && deemed == count && chain.Intact ? 0 : 1;
    }
    else
    {
        await using var read = DataSetup.Open(options);
        var all = await read.IssuedDocuments.OrderBy(d => d.Sequence).Select(d => d.Id).ToListAsync();
        // The first documents warm the process up (JIT tiers, EF Core's compiled queries) and are not measured.
        var warmUp = Math.Min(500, all.Count / 5);
        await ServeAll(all[..warmUp], workers);
        var ids = all[warmUp..];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var t = Stopwatch.StartNew();
        await ServeAll(ids, workers);
        t.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var gc = string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(2) - gen2} full), "
            + $"paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F1} s, "
            + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / ids.Count:F0} KB allocated a document");
        await using var check = DataSetup.Open(options);
        var served = await check.Deliveries.CountAsync() - warmUp;
        var queued = await check.NotificationMessages.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve: {served} documents served by {workers} workers in {t.Elapsed.TotalSeconds:F1} s = {served / t.Elapsed.TotalSeconds:F0}/s "
            + $"(after {warmUp} warm-up), {cpu.TotalMilliseconds / served:F2} ms of CPU a document, {gc}, {queued} notifications queued in all; "
            + $"synchronous={options.SqliteSynchronous}"));
        return served == ids.Count ? 0 : 1;
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

async Task ServeAll(List<Guid> ids, int workers)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
    {
        await using var db = DataSetup.Open(options);
        var store = new DiskFileStore(options.FilesPath);
        var service = new DeliveryService(db, engine, new CalendarStore(db, engine), store, TimeProvider.System,
            Outbox(db, TimeProvider.System), new ConsentLetters(db, store, TimeProvider.System), NullLogger<DeliveryService>.Instance);
        int i;
        while ((i = Interlocked.Increment(ref next)) < ids.Count)
        {
            await service.ServeAsync(ids[i], "xibei", ServiceMode.Electronic, "bench_officer", CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    })));
}

// Email on (an SMTP host configured), so serving queues both an SMS and an email per contact.
static NotificationOutbox Outbox(SesDbContext db, TimeProvider time) => new(db,
    new NotificationOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", From = "ses@example.com" } }, time, NullLogger<NotificationOutbox>.Instance);

async Task<Guid> SeedAsync(DatabaseOptions o, int n, bool served)
{
    await using var db = DataSetup.Open(o);
    var cp = new Counterparty
    {
        Id = Guid.NewGuid(), Kind = "foreign", Name = "压测相对人", IdScheme = "licence", IdValue = "BENCH0001", SupervisingBureau = "xibei",
        Contact1Name = "甲", Contact1Mobile = "13800000011", Contact1Email = "ops@example.com", Contact2Name = "乙", Contact2Mobile = "13800000012",
        CreatedAt = servedAt,
    };
    db.Counterparties.Add(cp);
    db.CounterpartyAccounts.Add(new CounterpartyAccount
    {
        Id = Guid.NewGuid(), CounterpartyId = cp.Id, UserName = "bench_ops", Department = "运行部", PasswordHash = "x", MustChangePassword = false,
        CreatedAt = servedAt,
    });
    // Electronic service rests on a verified confirmation letter.
    db.ConsentLetters.Add(new ConsentLetter
    {
        Id = Guid.NewGuid(), CounterpartyId = cp.Id, Bureau = "xibei", SignedOn = new DateOnly(2026, 1, 5), FileName = "确认函.pdf", FileSize = 1,
        ContentType = "application/pdf", FileSha256 = new string('c', 64), VerifiedBy = "bench_admin", VerifiedAt = servedAt,
    });
    await db.SaveChangesAsync();
    var deemedOn = new DateOnly(2026, 2, 25);
    // Written in bulk (as the job writes its evidence), 50,000 documents a transaction: seeding a million took minutes through SaveChanges.
    // Ids as the service makes them (version 7, time-ordered: issued and served one after the other), not random ones.
    for (var start = 0; start < n; start += 50_000)
    {
        var documents = new List<IssuedDocument>();
        var deliveries = new List<DeliveryRecord>();
        for (var i = start; i < Math.Min(n, start + 50_000); i++)
        {
            var doc = new IssuedDocument
            {
                Id = Guid.CreateVersion7(servedAt.AddDays(-1).AddMilliseconds(i)), Bureau = "xibei", Series = "信告", Year = 2026, Sequence = i + 1,
                Number = $"西北局信告字〔2026〕{i + 1}号", FormId = "notice-org",
                Party = cp.Name, CounterpartyId = cp.Id, Officer = "bench_officer", IssuedAt = servedAt,
                PdfSha256 = new string('a', 64), DocxSha256 = new string('b', 64),
            };
            documents.Add(doc);
            if (served)
            {
                deliveries.Add(new DeliveryRecord
                {
                    Id = Guid.CreateVersion7(servedAt.AddMilliseconds(i)), DocumentId = doc.Id, CounterpartyId = cp.Id, Bureau = "xibei", Electronic = true,
                    ServedAt = servedAt,
                    ServedBy = "bench_officer", DeemedOn = deemedOn, Version = 1,
                });
            }
        }
        await Transactions.WriteAsync(db, async () =>
        {
            await BulkInsert.InsertAsync(db, documents, CancellationToken.None);
            await BulkInsert.InsertAsync(db, deliveries, CancellationToken.None);
            return 0;
        }, CancellationToken.None);
    }
    return cp.Id;
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
