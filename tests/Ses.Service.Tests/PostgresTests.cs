using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Records;

namespace Ses.Service.Tests;

/// <summary>
/// Several instances on one PostgreSQL database: the real server that .ci/run starts (SES_TEST_POSTGRES holds an
/// administrator connection string); each test makes and drops its own database.
/// </summary>
public sealed class PostgresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-pg-").FullName;
    private readonly PostgresTestDatabase _postgres = new();

    public void Dispose()
    {
        _postgres.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Connection() => _postgres.ConnectionString();

    private DevelopmentServiceFactory Instance(string connection, TimeProvider? time = null) =>
        new(_folder, time: time, settings: new Dictionary<string, string>
    {
        ["Database:Provider"] = "postgres",
        ["Database:ConnectionString"] = connection,
    });

    private static async Task<IssuedDocument?> Issue(IServiceProvider services, string party)
    {
        await using var scope = services.CreateAsyncScope();
        var data = JsonSerializer.SerializeToElement(new { party, actDate = "2025-01-06", actDescription = "提交虚假材料" });
        return (await scope.ServiceProvider.GetRequiredService<DraftService>()
            .IssueAsync(new IssueRequest { FormId = "notice-org", Data = data, Officer = "officer1", Source = "test" }, CancellationToken.None)).Document;
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabase_Give640DistinctNumbers1To640()
    {
        var connection = Connection();
        using var a = Instance(connection);
        using var b = Instance(connection);
        _ = a.Server;
        _ = b.Server;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var services = i % 2 == 0 ? a.Services : b.Services;
            for (var j = 0; j < 20; j++) Assert.NotNull(await Issue(services, $"相对人{i}-{j}"));
        })));
        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        Assert.IsType<PostgresSesDbContext>(db);
        var numbers = (await db.IssuedDocuments.AsNoTracking().Select(d => d.Sequence).ToListAsync(TestContext.Current.CancellationToken)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 640), numbers);
        var issuedAt = await db.IssuedDocuments.AsNoTracking().Select(d => d.IssuedAt).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.Zero, issuedAt.Offset);
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabase_RemindAndDeemEachDeliveryExactlyOnce_WithOneUnbrokenEvidenceChain()
    {
        var connection = Connection();
        var clock = new TestClock(TestClock.Beijing(2026, 2, 13, 23, 30));
        using var a = Instance(connection, clock);
        using var b = Instance(connection, clock);
        var world = await DeliveryWorld.CreateAsync(a);
        var (cp, _, names) = await world.CounterpartyAsync("PostgreSQL 测试航空");
        var ids = new List<string>();
        for (var i = 0; i < 6; i++) ids.Add((await world.ServeAsync((await world.IssueAsync(cp, "PostgreSQL 测试航空")).Id)).GetProperty("id").GetString()!);
        var other = new DeliveryWorld(b);

        clock.Now = TestClock.Beijing(2026, 2, 24, 8);
        var reminded = await Task.WhenAll(world.RunJobAsync(), other.RunJobAsync(), world.RunJobAsync(), other.RunJobAsync());
        Assert.Equal(6, reminded.Sum(r => r.Reminded));

        // One delivery is confirmed on instance b while both instances run the job after the deemed day.
        clock.Now = TestClock.Beijing(2026, 2, 26, 0, 5);
        var account = await new DeliveryWorld(b).AccountAsync(names[0]);
        var confirm = account.PostAsync($"/api/my/deliveries/{ids[0]}/confirm", null, TestContext.Current.CancellationToken);
        var deemed = await Task.WhenAll(world.RunJobAsync(), other.RunJobAsync(), world.RunJobAsync());
        Assert.Equal(HttpStatusCode.OK, (await confirm).StatusCode);
        // The confirmation may have come first and recorded that delivery's deemed date itself.
        Assert.InRange(deemed.Sum(r => r.Deemed), 5, 6);

        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(12, await db.NotificationMessages.CountAsync(m => m.Kind == "reminder", ct));
        Assert.Equal(6, await db.EvidenceEntries.CountAsync(e => e.Action == "deemed", ct));
        Assert.All(await db.Deliveries.AsNoTracking().ToListAsync(ct), d => Assert.Equal(new DateOnly(2026, 2, 25), d.DeliveredOn));
        var chain = await EvidenceLog.VerifyAsync(db, ct);
        Assert.True(chain.Intact, chain.Reason);
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabase_ExpireEachCreditRecordExactlyOnce()
    {
        var connection = Connection();
        var clock = new TestClock(TestClock.Beijing(2026, 7, 1, 10));
        using var a = Instance(connection, clock);
        using var b = Instance(connection, clock);
        var world = await Cases.CaseWorld.CreateAsync(a, "xibei");
        for (var i = 0; i < 3; i++) await world.RecordedAsync("2026-07-01", act: $"未按规定提供服务（第 {i + 1} 起）");
        var ct = TestContext.Current.CancellationToken;

        // A year after the decision's delivery (实施办法第十七条): in force through 1 July 2027, removed from the 2nd.
        clock.Now = TestClock.Beijing(2027, 7, 2, 9);
        var removed = await Task.WhenAll(new[] { a, b, a, b }.Select(f => Task.Run(async () =>
        {
            await using var scope = f.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RecordExpiryJob>().RunOnceAsync(ct);
        })));

        await using var check = a.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SesDbContext>();
        var records = await db.CreditRecords.AsNoTracking().ToListAsync(ct);
        // Each case: the organisation's record and its two linked persons'.
        Assert.Equal(9, records.Count);
        Assert.Equal(9, removed.Sum());
        Assert.All(records, r => Assert.Equal(RecordState.Expired, r.State));
        Assert.Equal(9, await db.EvidenceEntries.CountAsync(e => e.Event == EvidenceEvents.RecordRemoved, ct));
        var chain = await EvidenceLog.VerifyAsync(db, ct);
        Assert.True(chain.Intact, chain.Reason);
    }
}
