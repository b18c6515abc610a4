using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Idempotency;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// <c>Idempotency-Key</c> on issuing and serving: a retried POST gets the first answer and nothing is issued or served
/// twice — on one instance, and across two instances on PostgreSQL with the retries racing the first request.
/// </summary>
public sealed class IdempotencyTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>A draft notice for <paramref name="party"/>, created through the API; its id.</summary>
    internal static async Task<string> DraftAsync(HttpClient officer, string party)
    {
        var created = await officer.PostAsJsonAsync("/api/drafts",
            new { formId = "notice-org", data = new { party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created)).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? key, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) Assert.True(request.Headers.TryAddWithoutValidation(IdempotencyKey.Header, key));
        return client.SendAsync(request, Ct);
    }

    private static int Documents(DevelopmentServiceFactory f, string party)
    {
        using var scope = f.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SesDbContext>().IssuedDocuments.Count(d => d.Party == party);
    }

    [Fact]
    public async Task Issue_RetriedWithTheSameKey_AnswersTheFirstAnswer_AndIssuesOnce()
    {
        var world = await DeliveryWorld.CreateAsync(factory);
        var party = "幂等签发测试" + Guid.NewGuid().ToString("N")[..6];
        var draft = await DraftAsync(world.Officer, party);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(world.Officer, $"/api/drafts/{draft}/issue", key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var retry = await PostAsync(world.Officer, $"/api/drafts/{draft}/issue", key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, Documents(factory, party));

        // Without the key the same POST runs again, and the draft refuses a second issue.
        var plain = await PostAsync(world.Officer, $"/api/drafts/{draft}/issue", null);
        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        Assert.Equal("draft.issued", (await Json(plain)).GetProperty("code").GetString());
        Assert.Equal(1, Documents(factory, party));
    }

    [Fact]
    public async Task Key_IsTheCallers_AndForOneRequestOnly()
    {
        var world = await DeliveryWorld.CreateAsync(factory);
        var other = await DeliveryWorld.CreateAsync(factory);
        var party = "幂等键归属测试" + Guid.NewGuid().ToString("N")[..6];
        var (a, b) = (await DraftAsync(world.Officer, party), await DraftAsync(world.Officer, party));
        var key = "key-" + Guid.NewGuid();

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(world.Officer, $"/api/drafts/{a}/issue", key)).StatusCode);
        var reused = await PostAsync(world.Officer, $"/api/drafts/{b}/issue", key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency.key-reused", (await Json(reused)).GetProperty("code").GetString());
        // Another officer's identical key is their own: it neither replays the first answer nor is refused as reused.
        var draftOfOther = await DraftAsync(other.Officer, party);
        var theirs = await PostAsync(other.Officer, $"/api/drafts/{draftOfOther}/issue", key);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, Documents(factory, party));

        foreach (var bad in new[] { "a b", new string('k', 201), "含中文" })
        {
            var invalid = await PostAsync(world.Officer, $"/api/drafts/{b}/issue", bad);
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var problem = await Json(invalid);
            Assert.Equal("idempotency.key-invalid", problem.GetProperty("problems")[0].GetProperty("code").GetString());
        }
        Assert.Equal(2, Documents(factory, party));
    }

    [Fact]
    public async Task Serve_RetriedWithTheSameKey_ServesOnce()
    {
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, _, _) = await world.CounterpartyAsync("幂等送达测试航空");
        var (id, _) = await world.IssueAsync(cp, "幂等送达测试航空");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(world.Officer, $"/api/documents/{id}/serve", key, new { mode = "electronic" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var retry = await PostAsync(world.Officer, $"/api/documents/{id}/serve", key, new { mode = "electronic" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        // The same key with another body is another request.
        var changed = await PostAsync(world.Officer, $"/api/documents/{id}/serve", key, new { mode = "paper" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(1, world.WithDb(db => db.Deliveries.Count(d => d.DocumentId == Guid.Parse(id))));
    }

    [Fact]
    public async Task ConcurrentRetriesOnTwoInstances_IssueOnce_OthersReplayOrAreToldItRuns()
    {
        using var two = new TwoInstances();
        var onA = await DeliveryWorld.CreateAsync(two.A);
        var officerOnB = await TestUsers.SignIn(two.B, onA.OfficerName);
        var party = "并发重试测试";
        var draft = await DraftAsync(onA.Officer, party);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => PostAsync(i % 2 == 0 ? onA.Officer : officerOnB, $"/api/drafts/{draft}/issue", key), Ct)));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        var running = answers.Where(a => a.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(answers.Length, created.Count + running.Count);
        Assert.Single(created, a => !a.Headers.Contains("Idempotent-Replayed"));
        foreach (var r in running)
        {
            Assert.Equal("request.in-progress", (await Json(r)).GetProperty("code").GetString());
            Assert.Equal("1", r.Headers.GetValues("Retry-After").Single());
        }
        var body = await created[0].Content.ReadAsStringAsync(Ct);
        foreach (var c in created) Assert.Equal(body, await c.Content.ReadAsStringAsync(Ct));

        // Once the first has finished, every retry on either instance gets its answer.
        foreach (var client in new[] { onA.Officer, officerOnB })
        {
            var late = await PostAsync(client, $"/api/drafts/{draft}/issue", key);
            Assert.Equal(HttpStatusCode.Created, late.StatusCode);
            Assert.Equal(body, await late.Content.ReadAsStringAsync(Ct));
        }
        Assert.Equal(1, Documents(two.A, party));
    }

    [Fact]
    public async Task AClaimLeftByAnInstanceThatDied_IsTakenOverAfterItsLease()
    {
        var world = await DeliveryWorld.CreateAsync(factory);
        var party = "实例中断测试" + Guid.NewGuid().ToString("N")[..6];
        var draft = await DraftAsync(world.Officer, party);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/drafts/{draft}/issue";
        // Claim the key as the filter would, then "die": no answer is ever stored.
        var store = factory.Services.GetRequiredService<IdempotencyStore>();
        var caller = $"staff:{TestUsers.StaffId(factory, world.OfficerName)}";
        var fingerprint = IdempotencyFilter.Fingerprint("POST", path, []);
        Assert.Equal(ClaimOutcome.Claimed, (await store.ClaimAsync(caller, key, fingerprint, Ct)).Outcome);

        var meanwhile = await PostAsync(world.Officer, path, key);
        Assert.Equal(HttpStatusCode.Conflict, meanwhile.StatusCode);
        Assert.Equal(0, Documents(factory, party));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            var past = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.Set<IdempotentRequest>().Where(r => r.Caller == caller && r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, past), Ct);
        }
        var after = await PostAsync(world.Officer, path, key);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(1, Documents(factory, party));
    }

    /// <summary>
    /// An answered key is replayed within the retention (24 h by default); after it the key is deleted by the next claim's
    /// purge, and the same key runs as a new request — which the draft refuses to issue twice.
    /// </summary>
    [Fact]
    public async Task AnsweredKeys_AreKeptForTheRetention_ThenDeleted()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 3, 2, 9));
        using var f = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-idem-").FullName, owns: true, clock);
        var world = await DeliveryWorld.CreateAsync(f);
        var party = "幂等保留测试";
        var draft = await DraftAsync(world.Officer, party);
        var key = Guid.NewGuid().ToString();
        int Keys()
        {
            using var scope = f.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<SesDbContext>().Set<IdempotentRequest>().Count(r => r.Key == key);
        }

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(world.Officer, $"/api/drafts/{draft}/issue", key)).StatusCode);
        clock.Now = TestClock.Beijing(2026, 3, 3, 8, 50);
        await world.SignInStaffAsync();
        // Another key claimed 23 h 50 min later: the purge runs, and this key is within its retention.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(world.Officer, $"/api/drafts/{await DraftAsync(world.Officer, party)}/issue",
            Guid.NewGuid().ToString())).StatusCode);
        var replayed = await PostAsync(world.Officer, $"/api/drafts/{draft}/issue", key);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(1, Keys());

        // 24 h 30 min after it: the next claim's purge deletes it, and the key sent again runs as a new request.
        clock.Now = TestClock.Beijing(2026, 3, 3, 9, 30);
        await world.SignInStaffAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(world.Officer, $"/api/drafts/{await DraftAsync(world.Officer, party)}/issue",
            Guid.NewGuid().ToString())).StatusCode);
        Assert.Equal(0, Keys());
        var reused = await PostAsync(world.Officer, $"/api/drafts/{draft}/issue", key);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("draft.issued", (await Json(reused)).GetProperty("code").GetString());
        Assert.Equal(3, Documents(f, party));
    }
}
