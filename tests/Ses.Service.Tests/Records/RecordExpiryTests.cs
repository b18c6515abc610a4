using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Records;

namespace Ses.Service.Tests.Records;

/// <summary>
/// 实施办法第十七条: a record is in force through the last day of its validity and SES removes it automatically the next
/// day (Beijing), with the persons recorded with an organisation, one evidence entry each — once, however many
/// instances run the job.
/// </summary>
public sealed class RecordExpiryTests(RecordExpiryFixture factory) : IClassFixture<RecordExpiryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Expiry_InForceThroughTheLastDay_RemovedTheNextBeijingDay_WithLinkedPersons_AndTakenOffThePublicList()
    {
        factory.Clock.Now = TestClock.Beijing(2025, 2, 28);
        var world = await RecordsWorld.CreateAsync(factory, "xibei", decisionDate: "2024-02-01");
        // Delivered 2024-02-29: in force through 2025-02-28 (no 29 February in 2025).
        var leap = await world.EnterAsync(world.Entry(RecordsWorld.NewName("宝鸡航空有限公司"), RecordsWorld.NewIdentifier(), new DateOnly(2024, 2, 29),
            new DateOnly(2024, 3, 5), [RecordsWorld.Person("legal-rep", "吴法人", RecordsWorld.PersonId())]));
        // Delivered 2024-02-27: its last day was 2025-02-27.
        var earlier = await world.EnterAsync(world.Entry(RecordsWorld.NewName("汉中航空有限公司"), RecordsWorld.NewIdentifier(), new DateOnly(2024, 2, 27),
            new DateOnly(2024, 3, 5),
            [RecordsWorld.Person("legal-rep", "郑法人", RecordsWorld.PersonId()), RecordsWorld.Person("principal", "冯负责", RecordsWorld.PersonId())]));
        // 3 years under 实施办法第八条第一款第（三）项: through 2027-02-28.
        var severe = await world.EnterAsync(world.Entry(RecordsWorld.NewName("延安航空有限公司"), RecordsWorld.NewIdentifier(), new DateOnly(2024, 2, 29),
            new DateOnly(2024, 3, 5), clauses: "8-1-3", governing: "8-1-3", years: 3));

        // 2025-02-28 23:59 Beijing (15:59 UTC): the leap-day record's last day — still in force.
        factory.Clock.Now = TestClock.Beijing(2025, 2, 28, 23, 59);
        Assert.Equal(3, await RunAsync());
        Assert.Equal("in-force", State(leap));
        Assert.Equal(("expired", new DateOnly(2025, 2, 28)), (State(earlier), RemovedOn(earlier)));
        Assert.All(Linked(earlier), r => Assert.Equal(("expired", new DateOnly(2025, 2, 28)), (r.State, r.RemovedOn!.Value)));

        // 2025-03-01 00:00 Beijing (still 2025-02-28 in UTC): removed from 2025-03-01.
        factory.Clock.Now = TestClock.Beijing(2025, 3, 1, 0, 0);
        Assert.Equal(2, await RunAsync());
        Assert.Equal(("expired", new DateOnly(2025, 3, 1)), (State(leap), RemovedOn(leap)));
        Assert.Equal("expired", Assert.Single(Linked(leap)).State);
        Assert.Equal("in-force", State(severe));
        Assert.Equal(0, await RunAsync());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var removed = await db.EvidenceEntries.Where(e => e.Event == "RecordRemoved" && e.Subject == $"信用记录 {leap}").ToListAsync(Ct);
        var facts = EvidenceEntries.Facts(Assert.Single(removed).Detail);
        Assert.Equal(("expired", "2025-03-01", "job"), (facts["state"], facts["removedOn"], removed[0].Actor));
        Assert.Contains("实施办法第十七条", facts["reason"]);
        var record = await db.CreditRecords.SingleAsync(r => r.Id == leap, Ct);
        Assert.Equal(TestClock.Beijing(2025, 3, 1, 0, 0), record.UnpublishedAt);
        var feed = await scope.ServiceProvider.GetRequiredService<RecordQueries>().PublicAsync(Ct);
        Assert.Contains(feed.Removed, r => r.Id == leap && r.RemovedReason == "expired" && r.RemovedOn == new DateOnly(2025, 3, 1));
        Assert.DoesNotContain(feed.InForce, r => r.Id == leap);
        Assert.True((await EvidenceLog.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task Expiry_TwoRunsAtOnce_RemoveEachRecordOnce()
    {
        factory.Clock.Now = TestClock.Beijing(2025, 2, 28);
        var world = await RecordsWorld.CreateAsync(factory, "huabei", decisionDate: "2024-02-01");
        var ids = new List<Guid>();
        for (var i = 0; i < 1200; i++)
        {
            ids.Add(await world.EnterAsync(world.Entry(RecordsWorld.NewName("并发航空"), RecordsWorld.NewIdentifier(), new DateOnly(2024, 2, 26),
                new DateOnly(2024, 3, 5), i % 10 == 0 ? [RecordsWorld.Person("legal-rep", "陈法人", RecordsWorld.PersonId())] : null)));
        }
        var due = ids.Count + ids.Count / 10;

        factory.Clock.Now = TestClock.Beijing(2025, 3, 3);
        var runs = await Task.WhenAll(RunAsync(), RunAsync());
        // Records left due by the first test of this class (none if it ran first) are counted as well.
        Assert.True(runs.Sum() >= due, $"{runs[0]} + {runs[1]} < {due}");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var mine = await db.CreditRecords.Where(r => r.CaseId == world.Case).ToListAsync(Ct);
        Assert.Equal(due, mine.Count);
        Assert.All(mine, r => Assert.Equal(("expired", new DateOnly(2025, 2, 27)), (r.State, r.RemovedOn!.Value)));
        var subjects = mine.Select(r => $"信用记录 {r.Id}").ToList();
        var entries = await db.EvidenceEntries.Where(e => e.Event == "RecordRemoved" && subjects.Contains(e.Subject)).Select(e => e.Subject).ToListAsync(Ct);
        Assert.Equal(due, entries.Count);
        Assert.Equal(due, entries.Distinct().Count());
        Assert.True((await EvidenceLog.VerifyAsync(db, Ct)).Intact);
        factory.Clock.Now = TestClock.Beijing(2025, 2, 28);
    }

    /// <summary>One run of the job, in a scope of its own (as one instance's run).</summary>
    private async Task<int> RunAsync()
    {
        await Task.Yield();
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecordExpiryJob>().RunOnceAsync(Ct);
    }

    private string State(Guid id) => Read(db => db.CreditRecords.Single(r => r.Id == id).State);

    private DateOnly RemovedOn(Guid id) => Read(db => db.CreditRecords.Single(r => r.Id == id).RemovedOn!.Value);

    private List<CreditRecord> Linked(Guid id) => Read(db => db.CreditRecords.Where(r => r.LinkedToRecordId == id).ToList());

    private T Read<T>(Func<SesDbContext, T> read)
    {
        using var scope = factory.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }
}
