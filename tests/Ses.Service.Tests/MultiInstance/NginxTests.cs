using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Idempotency;
using Ses.Service.Storage;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// The whole journey through nginx in front of three real instances on PostgreSQL: requests are balanced round robin,
/// so a sign-in on one instance is continued on the others; then, under load, one instance is killed (SIGKILL).
/// </summary>
public sealed class NginxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "Nginx-Passw0rd-1";

    private sealed record People(string Officer, string Account, Guid Counterparty);

    /// <summary>An officer, a counterparty with a verified letter and an account, straight in the database (passwords changed).</summary>
    private static async Task<People> SeedAsync(NginxCluster cluster, string party)
    {
        await using var db = DataSetup.Open(new DatabaseOptions { Provider = "postgres", ConnectionString = cluster.ConnectionString });
        var suffix = Guid.NewGuid().ToString("N");
        var officer = new StaffUser
        {
            Id = Guid.NewGuid(), UserName = "nginx_officer_" + suffix[..8], DisplayName = "负载测试承办人", Role = StaffRole.Officer, Bureau = "xibei",
            PasswordHash = Passwords.Hash(Password),
        };
        var counterparty = new Counterparty
        {
            Id = Guid.NewGuid(), Kind = "foreign", Name = party, IdScheme = "test", IdValue = suffix, SupervisingBureau = "xibei",
            Contact1Name = "甲", Contact1Mobile = "13800000001", Contact2Name = "乙", Contact2Mobile = "13800000002",
        };
        var account = new CounterpartyAccount
        {
            Id = Guid.NewGuid(), CounterpartyId = counterparty.Id, UserName = "nginx_acct_" + suffix[..8], Department = "运行部",
            MustChangePassword = false,
            PasswordHash = Passwords.Hash(Password),
        };
        var letter = new ConsentLetter
        {
            Id = Guid.NewGuid(), CounterpartyId = counterparty.Id, Bureau = "xibei", SignedOn = new DateOnly(2026, 1, 5), FileName = "确认函.pdf",
            FileSize = 1, ContentType = "application/pdf", FileSha256 = new string('c', 64), VerifiedBy = "test", VerifiedAt = DateTimeOffset.UnixEpoch,
        };
        db.AddRange(officer, counterparty, account, letter);
        await db.SaveChangesAsync(Ct);
        return new People(officer.UserName, account.UserName, counterparty.Id);
    }

    /// <summary>A browser-like client of nginx: cookies, and the antiforgery token on every change.</summary>
    private static async Task<HttpClient> CookieClientAsync(NginxCluster cluster, string loginPath, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = cluster.Address,
        };
        var login = await client.PostAsJsonAsync(loginPath + "?cookie=true", new { userName, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery", Ct);
        client.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return client;
    }

    /// <summary>A client of nginx signed in as the staff member with a bearer token (an API client: no cookies, no antiforgery).</summary>
    private static async Task<HttpClient> BearerClientAsync(NginxCluster cluster, string userName)
    {
        var client = new HttpClient { BaseAddress = cluster.Address };
        var login = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName, password = Password }, Ct);
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(login.StatusCode == HttpStatusCode.OK, body.ToString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) request.Headers.Add(IdempotencyKey.Header, key);
        return await client.SendAsync(request, Ct);
    }

    private static object Draft(People people, string party) => new
    {
        formId = "notice-org", counterpartyId = people.Counterparty,
        data = new { party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" },
    };

    [Fact]
    public async Task Journey_ThroughNginx_SignInOnOneInstance_ContinuedOnTheOthers()
    {
        await using var cluster = await NginxCluster.StartAsync();
        const string party = "负载均衡测试航空";
        var people = await SeedAsync(cluster, party);
        using var officer = await CookieClientAsync(cluster, "/api/auth/staff/login", people.Officer);

        var draft = await PostAsync(officer, "/api/drafts", Draft(people, party));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var key = Guid.NewGuid().ToString();
        var issued = await PostAsync(officer, $"/api/drafts/{draftId}/issue", null, key);
        var document = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, document.ToString());
        var documentId = document.GetProperty("id").GetString();
        var number = document.GetProperty("number").GetString()!;
        // Retried through nginx (landing on another instance): the first answer, not a second document.
        var again = await PostAsync(officer, $"/api/drafts/{draftId}/issue", null, key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(documentId, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString());

        var pdf = await officer.GetByteArrayAsync($"/api/documents/{documentId}/pdf", Ct);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var served = await PostAsync(officer, $"/api/documents/{documentId}/serve", new { mode = (string?)null }, Guid.NewGuid().ToString());
        var delivery = await served.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(served.StatusCode == HttpStatusCode.Created, delivery.ToString());
        var deliveryId = delivery.GetProperty("id").GetString();

        using var account = await CookieClientAsync(cluster, "/api/auth/account/login", people.Account);
        var inbox = await account.GetAsync("/api/my/deliveries", Ct);
        var listed = await inbox.Content.ReadAsStringAsync(Ct);
        Assert.True(inbox.StatusCode == HttpStatusCode.OK, listed);
        Assert.Contains(number, listed);
        Assert.Equal(HttpStatusCode.OK, (await account.GetAsync($"/api/my/deliveries/{deliveryId}/pdf", Ct)).StatusCode);
        var confirmed = await PostAsync(account, $"/api/my/deliveries/{deliveryId}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var certificate = await officer.GetAsync($"/api/deliveries/{deliveryId}/certificate", Ct);
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.Equal("application/pdf", certificate.Content.Headers.ContentType?.MediaType);

        // nginx's access log: which instance answered each request. The sign-ins landed on one instance each, and the
        // signed-in requests after them on all three — cookies and antiforgery tokens held everywhere.
        var log = cluster.AccessLog();
        Assert.DoesNotContain(log, l => l[3].Contains(',', StringComparison.Ordinal));
        var upstreams = cluster.Instances.Select(i => $"127.0.0.1:{i.Port}").ToHashSet();
        var staffLogin = log.First(l => l[1] == "/api/auth/staff/login")[3];
        var afterLogin = log.SkipWhile(l => l[1] != "/api/auth/staff/login").Skip(1).Where(l => l[1] != "/api/auth/account/login").ToList();
        Assert.Equal(upstreams, afterLogin.Select(l => l[3]).ToHashSet());
        Assert.Contains(afterLogin, l => l[0] == "POST" && l[3] != staffLogin && l[2].StartsWith('2'));
        Assert.All(log, l => Assert.True(l[2].StartsWith('2'), string.Join(' ', l)));
    }

    [Fact]
    public async Task UnderLoadThroughNginx_KillingAnInstance_NoDocumentIsLostOrIssuedTwice_AndTheChainHolds()
    {
        await using var cluster = await NginxCluster.StartAsync();
        const string party = "故障切换测试航空";
        var people = await SeedAsync(cluster, party);
        using var client = await BearerClientAsync(cluster, people.Officer);

        const int workers = 6, each = 8;
        var told = new ConcurrentBag<(string Id, string Number, string Draft)>();
        var answersLost = 0;
        var victim = cluster.Instances[1].Process;
        var killedAt = -1;
        var killer = Task.Run(async () =>
        {
            while (told.Count < 10) await Task.Delay(20, Ct);
            killedAt = told.Count;
            victim.Kill();
        }, Ct);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var draft = await UntilAnsweredAsync(() => PostAsync(client, "/api/drafts", Draft(people, party)), HttpStatusCode.Created);
                var draftId = draft.GetProperty("id").GetString()!;
                // One key per document, kept across retries: a retry is answered, never issued again.
                var key = Guid.NewGuid().ToString();
                var (status, body) = await RetryIssueAsync(client, draftId, key);
                if (status == HttpStatusCode.Created) told.Add((body.GetProperty("id").GetString()!, body.GetProperty("number").GetString()!, draftId));
                else Interlocked.Increment(ref answersLost);
            }
        }, Ct)));
        await killer;
        Assert.True(victim.HasExited);
        Assert.InRange(killedAt, 10, workers * each - 1);

        await using var db = DataSetup.Open(new DatabaseOptions { Provider = "postgres", ConnectionString = cluster.ConnectionString });
        var documents = await db.IssuedDocuments.AsNoTracking().ToListAsync(Ct);
        // Every document a caller was told was issued exists, once, with the number it was told.
        Assert.Equal(told.Count, told.Select(t => t.Id).Distinct().Count());
        foreach (var (id, number, draftId) in told)
        {
            var document = Assert.Single(documents, d => d.Id == Guid.Parse(id));
            Assert.Equal(number, document.Number);
            Assert.Equal(Guid.Parse(draftId), document.DraftId);
        }
        // Each draft was issued once (a lost answer is a document issued without the caller hearing of it), and the
        // numbers of the series run 1…n without a gap.
        Assert.Equal(workers * each, told.Count + answersLost);
        Assert.Equal(workers * each, documents.Count);
        Assert.All(documents.GroupBy(d => d.DraftId), g => Assert.Single(g));
        Assert.Equal(Enumerable.Range(1, documents.Count), documents.Select(d => d.Sequence).Order());
        // Each document's files are in the database.
        var files = await db.Set<StoredFile>().AsNoTracking().Select(f => f.Sha256).ToListAsync(Ct);
        Assert.All(documents, d => Assert.Contains(d.PdfSha256, files));
        Assert.All(documents, d => Assert.Contains(d.DocxSha256, files));

        var (exit, output) = SesProcess.Run(cluster.Root, cluster.Settings(Path.Combine(cluster.Root, "cli-files")), "audit", "verify");
        Assert.True(exit == 0, output);
    }

    /// <summary>
    /// The delivery job runs every second on each of three instances; deliveries are made due at once in the database
    /// and one instance is killed (SIGKILL) once the first of them is deemed, while the jobs run: each delivery is deemed
    /// exactly once — one 「deemed」 evidence entry — and the evidence chain holds.
    /// </summary>
    [Fact]
    public async Task DeliveryJob_OnThreeInstances_OneKilled_DeemsEachDeliveryOnce()
    {
        await using var cluster = await NginxCluster.StartAsync(extra: new Dictionary<string, string> { ["Delivery__JobIntervalSeconds"] = "1" });
        const string party = "视为送达作业测试航空";
        var people = await SeedAsync(cluster, party);
        using var client = await BearerClientAsync(cluster, people.Officer);
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            var draft = await UntilAnsweredAsync(() => PostAsync(client, "/api/drafts", Draft(people, party)), HttpStatusCode.Created);
            var issued = await UntilAnsweredAsync(() => PostAsync(client, $"/api/drafts/{draft.GetProperty("id").GetString()}/issue", null),
                HttpStatusCode.Created);
            await UntilAnsweredAsync(() => PostAsync(client, $"/api/documents/{issued.GetProperty("id").GetString()}/serve", new { }),
                HttpStatusCode.Created);
        }

        await using var db = DataSetup.Open(new DatabaseOptions { Provider = "postgres", ConnectionString = cluster.ConnectionString });
        var served = await db.Deliveries.AsNoTracking().Where(d => d.CounterpartyId == people.Counterparty).Select(d => d.Id).ToListAsync(Ct);
        Assert.Equal(count, served.Count);
        // Served a month ago, deemed days ago and never confirmed: due for every instance's next run.
        var longAgo = DateTimeOffset.UtcNow.AddDays(-30);
        var deemedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        await db.Deliveries.Where(d => served.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ServedAt, longAgo).SetProperty(d => d.DeemedOn, deemedOn), Ct);
        // The kill comes once the instances are deeming: as soon as the first 「deemed」 entry is in the database (the job
        // deems a batch in one transaction, so that is the first run's commit), while the job keeps running every second.
        IQueryable<Guid> Deemed() => db.EvidenceEntries.AsNoTracking()
            .Where(e => e.Action == "deemed" && e.DeliveryId != null && served.Contains(e.DeliveryId.Value)).Select(e => e.DeliveryId!.Value);
        var waited = Stopwatch.StartNew();
        while (!await Deemed().AnyAsync(Ct))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "no delivery was deemed within 30 s of becoming due");
            await Task.Delay(10, Ct);
        }
        var victim = cluster.Instances[1].Process;
        Assert.False(victim.HasExited);
        victim.Kill();
        await victim.WaitForExitAsync(Ct);

        for (var i = 0; i < 100 && await db.Deliveries.AsNoTracking().CountAsync(d => served.Contains(d.Id) && d.DeemedAt == null, Ct) > 0; i++)
        {
            await Task.Delay(200, Ct);
        }
        Assert.Equal(0, await db.Deliveries.AsNoTracking().CountAsync(d => served.Contains(d.Id) && d.DeemedAt == null, Ct));
        await Task.Delay(2500, Ct); // more runs of the surviving instances: nothing is deemed again
        var deemed = await Deemed().ToListAsync(Ct);
        Assert.Equal(served.Order(), deemed.Order());

        var (exit, output) = SesProcess.Run(cluster.Root, cluster.Settings(Path.Combine(cluster.Root, "cli-files")), "audit", "verify");
        Assert.True(exit == 0, output);
    }

    /// <summary>Issues with the key until an answer comes: 201, or 409 <c>draft.issued</c> when the first answer was lost with its instance.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> RetryIssueAsync(HttpClient client, string draftId, string key)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                var response = await PostAsync(client, $"/api/drafts/{draftId}/issue", null, key);
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    await Task.Delay(200, Ct);
                    continue;
                }
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                if (response.StatusCode == HttpStatusCode.Created) return (response.StatusCode, body);
                var code = body.GetProperty("code").GetString();
                if (code == "request.in-progress")
                {
                    await Task.Delay(250, Ct);
                    continue;
                }
                Assert.True(code == "draft.issued", body.ToString());
                return (response.StatusCode, body);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, Ct);
            }
        }
        Assert.Fail($"draft {draftId} got no answer");
        return default;
    }

    /// <summary>Repeats a request that nginx could not deliver (the instance died under it) until it is answered as expected.</summary>
    private static async Task<JsonElement> UntilAnsweredAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                var response = await send();
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    await Task.Delay(200, Ct);
                    continue;
                }
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                Assert.True(response.StatusCode == expected, body.ToString());
                return body;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, Ct);
            }
        }
        Assert.Fail("no answer through nginx");
        return default;
    }
}
