using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Ses.Service.Tests.Observability;

/// <summary>
/// What a load balancer and an operator read (issue: several instances — operations): <c>/health/live</c> and
/// <c>/health/ready</c>, the Prometheus metrics at <c>/metrics</c> for a scraper on the machine or signed-in staff only,
/// and structured JSON logs with the request's id.
/// </summary>
public sealed partial class ObservabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_OverLoopback_CountTheIssue_ShowTheQueue_RefusedToOthers()
    {
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-metrics-").FullName, owns: true);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Port != 0);
        var world = await DeliveryWorld.CreateAsync(factory);
        var (id, _, _) = await world.CounterpartyAsync("指标测试航空有限公司");
        await world.IssueAsync(id, "指标测试航空有限公司");

        using var http = new HttpClient { BaseAddress = address };
        var text = await http.GetStringAsync("/metrics", Ct);
        Assert.Contains("ses_issue_queue_depth", text, StringComparison.Ordinal);
        Assert.Contains("ses_notifications_backlog", text, StringComparison.Ordinal);
        Assert.Contains("ses_deemed_lag", text, StringComparison.Ordinal);
        var issued = IssueCount().Matches(text).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Sum();
        Assert.True(issued >= 1, text);

        // From elsewhere (forwarded by the proxy on this machine for another client): not there at all.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(forwarded, Ct)).StatusCode);
        // Signed-in staff may read them from anywhere.
        var login = await http.PostAsJsonAsync("/api/auth/staff/login", new { userName = world.OfficerName, password = TestUsers.Password }, Ct);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        using var staff = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        staff.Headers.Add("X-Forwarded-For", "203.0.113.9");
        staff.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(staff, Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_LiveAlways_ReadyWhileItCanWork_NotReadyWhenTheFileStoreIsGone()
    {
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-ready-").FullName, owns: true);
        var client = factory.CreateClient();
        var live = await client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready", Ct);
        Assert.Equal(("ready", "ok", "ok", "ok"), (ready.GetProperty("status").GetString(), ready.GetProperty("database").GetString(),
            ready.GetProperty("fileStore").GetString(), ready.GetProperty("signingKeys").GetString()));

        // The file store's folder replaced by a file: the instance cannot store what it issues.
        var files = Path.Combine(factory.Folder, "files");
        if (Directory.Exists(files)) Directory.Delete(files, recursive: true);
        await File.WriteAllTextAsync(files, "not a folder", Ct);
        var notReady = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var body = await notReady.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("not ready", "not writable"), (body.GetProperty("status").GetString(), body.GetProperty("fileStore").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
    }

    [Fact]
    public void Logs_AreJsonLinesWithScopes_WhenAskedFor()
    {
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-logs-").FullName, owns: true,
            settings: new Dictionary<string, string> { ["Logging:Json"] = "true" });
        _ = factory.Services;
        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = factory.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.Equal((ConsoleFormatterNames.Json, true), (console.FormatterName, json.IncludeScopes));
    }

    [GeneratedRegex("""^ses_issue_duration_milliseconds_count\{[^}]*outcome="issued"[^}]*\} (\d+)""", RegexOptions.Multiline)]
    private static partial Regex IssueCount();
}
