using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Units;

// Credit-case benchmarks on a fresh SQLite file in a temporary folder (docs/benchmarks.md):
//   dotnet run -c Release --project bench/Ses.CaseBench -- dashboard [mine] [others] [rounds]
// "My cases" of an officer with <mine> open cases (default 2000) among <others> cases of other officers (default 20000):
// CaseService.MineAsync and its JSON answer, <rounds> times (default 300) after 30 warm-up rounds; prints p50/p95/max.
var mode = args.FirstOrDefault() ?? "dashboard";
if (mode != "dashboard")
{
    Console.Error.WriteLine("modes: dashboard [mine] [others] [rounds]");
    return 2;
}
var mine = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var others = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;
var folder = Directory.CreateTempSubdirectory("ses-case-bench-").FullName;
var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "ses.db")}", FilesPath = Path.Combine(folder, "files") };
var engine = DocumentEngine.Load(TemplateLibrary.Locate(null));
var clock = new FixedClock(new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero));
try
{
    await using (var db = DataSetup.Open(options)) await DataSetup.MigrateAsync(db);
    var officer = await SeedAsync(options, mine, others);
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    var times = new List<double>();
    var rows = 0;
    for (var i = 0; i < 30 + rounds; i++)
    {
        // One request: its own context, as ASP.NET Core scopes it.
        var t = Stopwatch.StartNew();
        await using var db = DataSetup.Open(options);
        var cases = new CaseService(db, new CalendarStore(db, engine), engine, clock);
        var answer = await cases.MineAsync(officer, "xibei", CancellationToken.None);
        var body = JsonSerializer.SerializeToUtf8Bytes(answer, json);
        t.Stop();
        rows = answer.Count;
        if (i >= 30) times.Add(t.Elapsed.TotalMilliseconds);
        if (body.Length == 0) return 1;
    }
    times.Sort();
    double P(double q) => times[(int)Math.Ceiling(q * times.Count) - 1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"dashboard: {rows} open cases of the officer among {mine + others}; {rounds} rounds: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms"));
    return rows == mine ? 0 : 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task<Guid> SeedAsync(DatabaseOptions options, int mine, int others)
{
    await using var db = DataSetup.Open(options);
    var now = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
    var unit = new Unit { Id = Guid.CreateVersion7(), Bureau = "xibei", Name = "运输管理处", Kind = UnitKind.Department, CreatedAt = now };
    db.Units.Add(unit);
    var parties = Enumerable.Range(0, 500).Select(i => new Counterparty
    {
        Id = Guid.CreateVersion7(), Kind = CounterpartyKind.DomesticLegalPerson, Name = $"压测航空服务有限公司{i}", IdScheme = "uscc",
        IdValue = $"9161013{i:D11}", SupervisingBureau = "xibei", Contact1Name = "甲", Contact1Mobile = "13800000001", Contact2Name = "乙",
        Contact2Mobile = "13800000002", CreatedAt = now,
    }).ToList();
    db.Counterparties.AddRange(parties);
    await db.SaveChangesAsync();
    var officer = Guid.CreateVersion7();
    string[] states = [CaseState.Collecting, CaseState.NoticeApproval, CaseState.Statement, CaseState.Meeting, CaseState.Decision, CaseState.Transfer];
    for (var batch = 0; batch < mine + others; batch += 2000)
    {
        for (var i = batch; i < Math.Min(batch + 2000, mine + others); i++)
        {
            var state = states[i % states.Length];
            var decided = new DateOnly(2026, 9, 1).AddDays(i % 45);
            db.CreditCases.Add(new CreditCase
            {
                Id = Guid.CreateVersion7(), Bureau = "xibei", CounterpartyId = parties[i % parties.Count].Id, Act = $"压测事由{i}", Facts = "压测事实",
                ActDate = decided.AddDays(-10), Clauses = "8-1-5", DecisionNumber = $"西北局罚〔2026〕{i + 1}号", DecisionDate = decided,
                DecisionIssuer = "民航西北地区管理局", CollectingUnitId = unit.Id, State = state, Version = 1,
                DueDate = state is CaseState.Collecting or CaseState.Decision ? decided.AddDays(14) : null, DueRule = "实施办法第十二条第一款",
                ReplyDeadline = state == CaseState.Statement ? decided.AddDays(30) : null,
                CreatedBy = "bench", CreatedById = i < mine ? officer : Guid.CreateVersion7(), CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
    return officer;
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
