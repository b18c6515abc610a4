using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>Importing a new year's holiday schedule: through the admin API and through <c>ses calendar import</c>.</summary>
public sealed class CalendarImportTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private const string Year2027 = "date,is_off_day,name\n2027-01-01,true,元旦\n2027-01-02,true,元旦\n2027-01-03,true,元旦\n2027-02-20,false,春节\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> SignedIn(string role) => TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", role));

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task SystemAdmin_ImportsAYear_ThenTheCalendarHasItAndCitesTheFile()
    {
        var sysadmin = await SignedIn(StaffRole.SystemAdmin);
        var bad = await sysadmin.PostAsync("/api/calendar/years?name=bad.csv", Csv("2027-13-01,true,x\n"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray().First();
        Assert.Equal("calendar.line-format", problem.GetProperty("code").GetString());
        Assert.StartsWith("bad.csv 第 1 行：应为", problem.GetProperty("message").GetString());
        var before = await sysadmin.GetFromJsonAsync<JsonElement>("/api/calendar", Ct);
        Assert.DoesNotContain(before.GetProperty("scheduledYears").EnumerateArray(), y => y.GetInt32() == 2027);

        var ok = await sysadmin.PostAsync("/api/calendar/years?name=gov-2027.csv", Csv(Year2027), Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var after = await sysadmin.GetFromJsonAsync<JsonElement>("/api/calendar", Ct);
        Assert.Contains(after.GetProperty("scheduledYears").EnumerateArray(), y => y.GetInt32() == 2027);
        Assert.Contains(after.GetProperty("sources").EnumerateArray(), s => s.GetString() == "gov-2027.csv");
    }

    [Fact]
    public async Task BureauAdminAndOfficer_CannotImport()
    {
        foreach (var role in new[] { StaffRole.Officer, StaffRole.Admin, StaffRole.Legal })
        {
            var staff = await SignedIn(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/calendar/years", Csv(Year2027), Ct)).StatusCode);
        }
    }

    [Fact]
    public void Cli_Import_WritesTheYearIntoTheConfiguredDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("ses-cal-").FullName;
        try
        {
            var file = Path.Combine(folder, "2027.csv");
            File.WriteAllText(file, Year2027);
            var environment = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "ses.db")}" };
            var (exit, output) = SesProcess.Run(folder, environment, "calendar", "import", file);
            Assert.True(exit == 0, output);
            Assert.Contains("2027", output);
            var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "ses.db")}" };
            using var db = DataSetup.Open(options);
            Assert.Equal(4, db.CalendarDays.Count(d => d.Source == "2027.csv"));
            Assert.Contains(db.AuditEntries, a => a.Action == "calendar.imported" && a.Subject == "2027");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
