using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Issuing;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// Two instances on PostgreSQL issuing in the same series at the same time take turns (<see cref="IssuingTurn"/>): the
/// numbers stay gap-free and no document is rendered a second time inside the database lock because the other
/// instance took the number it was prepared for.
/// </summary>
public sealed class IssuingTurnTests
{
    private const int EachInstance = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstancesIssuingInOneSeries_TakeTurns_NumbersGapFree_NothingRenderedAgain()
    {
        using var two = new TwoInstances();
        var onA = await DeliveryWorld.CreateAsync(two.A);
        var officerOnB = await TestUsers.SignIn(two.B, onA.OfficerName);
        var drafts = new List<string>();
        for (var i = 0; i < 2 * EachInstance; i++) drafts.Add(await IdempotencyTests.DraftAsync(onA.Officer, $"轮流签发测试{i}"));

        var answers = await Task.WhenAll(drafts.Select((id, i) =>
            Task.Run(() => (i % 2 == 0 ? onA.Officer : officerOnB).PostAsync($"/api/drafts/{id}/issue", null, Ct), Ct)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        await using var scope = two.A.Services.CreateAsyncScope();
        var sequences = await scope.ServiceProvider.GetRequiredService<SesDbContext>().IssuedDocuments
            .Where(d => d.Party.StartsWith("轮流签发测试")).Select(d => d.Sequence).OrderBy(s => s).ToListAsync(Ct);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.Equal(sequences[0] + sequences.Count - 1, sequences[^1]);
        Assert.Equal(2 * EachInstance, sequences.Count);
        var queues = new[] { two.A, two.B }.Select(f => f.Services.GetRequiredService<IssueQueue>()).ToList();
        Assert.All(queues, q => Assert.True(q.TurnsTaken > 0, "each instance issued in turns of its own"));
        Assert.All(queues, q => Assert.Equal(0, q.RenderedAgain));
    }
}
