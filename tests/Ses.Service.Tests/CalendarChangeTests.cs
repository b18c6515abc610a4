using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ses.Service.Accounts;
using Ses.Service.Delivery;
using Ses.Service.Evidence;

namespace Ses.Service.Tests;

/// <summary>
/// A calendar import that moves dates of existing deliveries: refused unless confirmed, with the moves listed (API and
/// <c>ses calendar import</c>); recorded in the evidence log; the missing-year alert clears and can be acknowledged.
/// </summary>
public sealed class CalendarChangeTests : IDisposable
{
    private const string Year2027 = "date,is_off_day,name\n2027-01-01,true,元旦\n";

    private readonly TestClock _clock = new(TestClock.Beijing(2026, 12, 30, 10));
    private readonly DevelopmentServiceFactory _factory;

    public CalendarChangeTests() => _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-calchange-").FullName, owns: true, _clock);

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    /// <summary>A notice served on 2026-12-30: deemed on 2027-01-04 by weekday alone (provisional), raising the 2027 alert.</summary>
    private async Task<(DeliveryWorld World, string DeliveryId, string Number)> ServedIntoMissingYearAsync()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("日历变动测试公司");
        var (docId, number) = await world.IssueAsync(cp, "日历变动测试公司");
        var served = await world.ServeAsync(docId);
        Assert.Equal("2027-01-04", Str(served, "deemedOn"));
        return (world, Str(served, "id")!, number);
    }

    [Fact]
    public async Task Import_ThatMovesADeemedDate_IsRefusedUntilConfirmed_ListsTheMove_ThenRecordsItAndClearsTheAlert()
    {
        var (world, id, number) = await ServedIntoMissingYearAsync();
        var alert = Assert.Single((await DeliveryWorld.Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray());
        Assert.Equal("calendar.missing-year:2027", Str(alert, "key"));
        Assert.Contains("/admin/calendar", Str(alert, "message")); // the page that exists
        Assert.Contains("系统管理员", Str(alert, "message"));
        var sysadmin = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.SystemAdmin));

        var refused = await sysadmin.PostAsync("/api/calendar/years?name=gov-2027.csv", Csv(Year2027), Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await DeliveryWorld.Json(refused);
        Assert.Equal("calendar.moves-dates", Str(problem, "code"));
        Assert.Contains("未导入", Str(problem, "title"));
        var move = Assert.Single(problem.GetProperty("moves").EnumerateArray());
        Assert.Equal((number, "日历变动测试公司", "视为送达日", "deemed", "2027-01-04", "2027-01-05"),
            (Str(move, "number"), Str(move, "counterparty"), Str(move, "date"), Str(move, "code"), Str(move, "from"), Str(move, "to")));
        // Nothing changed: the year is not there, the delivery keeps its date, the alert stands, no evidence written.
        var calendar = await DeliveryWorld.Json(await sysadmin.GetAsync("/api/calendar", Ct));
        Assert.DoesNotContain(calendar.GetProperty("scheduledYears").EnumerateArray(), y => y.GetInt32() == 2027);
        Assert.Equal("2027-01-04", Str(await DeliveryWorld.Json(await world.Officer.GetAsync($"/api/deliveries/{id}", Ct)), "deemedOn"));
        Assert.False(world.WithDb(db => db.EvidenceEntries.Any(e => e.Action == "calendar-imported")));
        Assert.Null(world.WithDb(db => db.AdminAlerts.Single()).AcknowledgedAt);

        var confirmed = await sysadmin.PostAsync("/api/calendar/years?name=gov-2027.csv&confirm=true", Csv(Year2027), Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var answer = await DeliveryWorld.Json(confirmed);
        Assert.Equal("2027-01-05", Str(Assert.Single(answer.GetProperty("moves").EnumerateArray()), "to"));
        var view = await DeliveryWorld.Json(await world.Officer.GetAsync($"/api/deliveries/{id}", Ct));
        Assert.Equal("2027-01-05", Str(view, "deemedOn"));
        Assert.False(view.GetProperty("deemedProvisional").GetBoolean());
        var recomputed = view.GetProperty("timeline").EnumerateArray().Single(e => Str(e, "action") == "deemed-recomputed");
        Assert.Contains("原视为送达日：2027-01-04", Str(recomputed, "text"));

        // The import is in the evidence log, with the file's hash; the chain holds.
        var entry = world.WithDb(db => db.EvidenceEntries.Single(e => e.Action == "calendar-imported"));
        Assert.Equal(EvidenceEvents.CalendarImported, entry.Event);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Year2027))), entry.PdfSha256);
        Assert.Equal("2027", EvidenceTexts.Facts(entry.Detail)["years"]);
        Assert.Equal("1", EvidenceTexts.Facts(entry.Detail)["moves"]);
        Assert.True((await world.WithDb(db => EvidenceLog.VerifyAsync(db, Ct))).Intact);

        // The alert cleared itself.
        var cleared = Assert.Single((await DeliveryWorld.Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray());
        Assert.NotNull(Str(cleared, "acknowledgedAt"));
    }

    [Fact]
    public async Task MissingYearAlert_CanBeAcknowledged_ByAnAdministratorOrTheSystemAdministrator()
    {
        var (world, _, _) = await ServedIntoMissingYearAsync();
        var alert = Assert.Single((await DeliveryWorld.Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray());
        var sysadmin = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.SystemAdmin));
        Assert.Equal(HttpStatusCode.OK, (await sysadmin.GetAsync("/api/admin/alerts", Ct)).StatusCode);
        var ack = await sysadmin.PostAsync($"/api/admin/alerts/{alert.GetProperty("id").GetInt64()}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        var after = Assert.Single((await DeliveryWorld.Json(await world.Admin.GetAsync("/api/admin/alerts", Ct))).EnumerateArray());
        Assert.NotNull(Str(after, "acknowledgedAt"));
        // An officer may not.
        var acknowledge = await world.Officer.PostAsync($"/api/admin/alerts/{alert.GetProperty("id").GetInt64()}/acknowledge", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, acknowledge.StatusCode);
    }

    [Fact]
    public async Task Cli_Import_ThatMovesADate_ListsItAndNeedsConfirm()
    {
        var (world, id, number) = await ServedIntoMissingYearAsync();
        var file = Path.Combine(_factory.Folder, "2027.csv");
        await File.WriteAllTextAsync(file, Year2027, Ct);
        var environment = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={Path.Combine(_factory.Folder, "ses.db")}" };

        var (exit, output) = SesProcess.Run(_factory.Folder, environment, "calendar", "import", file);
        Assert.True(exit == 1, output);
        Assert.Contains($"{number}（日历变动测试公司）视为送达日：2027-01-04 → 2027-01-05", output);
        Assert.Contains("--confirm", output);
        Assert.Equal(new DateOnly(2027, 1, 4), world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(id)).DeemedOn));

        (exit, output) = SesProcess.Run(_factory.Folder, environment, "calendar", "import", file, "--confirm");
        Assert.True(exit == 0, output);
        Assert.Contains("已导入 2027 年", output);
        Assert.Equal(new DateOnly(2027, 1, 5), world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(id)).DeemedOn));
        Assert.True(world.WithDb(db => db.EvidenceEntries.Any(e => e.Action == "calendar-imported" && e.Actor == Environment.UserName)));
    }
}
