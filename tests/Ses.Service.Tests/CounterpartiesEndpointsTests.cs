using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Accounts;

namespace Ses.Service.Tests;

/// <summary>Counterparties and their accounts: registration rules, initial passwords, account sign-in and isolation.</summary>
public sealed class CounterpartiesEndpointsTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private const string Password = TestUsers.Password;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string NewStaff(string bureau, string role) => TestUsers.Create(factory, bureau, role);

    private Task<HttpClient> SignedIn(string path, string user, string password) => TestUsers.SignIn(factory, user, password, path);

    private Task<HttpClient> Admin(string bureau = "xibei") => SignedIn("/api/auth/staff/login", NewStaff(bureau, StaffRole.Admin), Password);

    private static object Airline(string code, string name) => new
    {
        kind = "foreign", name, idScheme = "airline", idValue = code, address = "",
        contacts = new[]
        {
            new { name = "甲", mobile = "13800000011", email = (string?)"a@example.com" },
            new { name = "乙", mobile = "+86 13800000012", email = (string?)null },
        },
    };

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Register_BadIdentifierAndContacts_AllProblemsAtOnceAndNothingStored()
    {
        var admin = await Admin();
        var response = await admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "domestic-legal-person", name = "某公司", idScheme = "uscc", idValue = "91440000100017600A",
            contacts = new[] { new { name = "", mobile = "12345", email = "not-an-email" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await Json(response)).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("field.uscc.checksum", codes);
        Assert.Contains("counterparty.contacts", codes);
        var list = await Json(await admin.GetAsync("/api/counterparties", Ct));
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("name").GetString() == "某公司");
    }

    [Theory]
    [InlineData("中文账号")]
    [InlineData("ab")]
    [InlineData("_ops")]
    public async Task Account_NameWithChineseOrTooShort_IsRefused(string userName)
    {
        var admin = await Admin();
        var id = (await Json(await admin.PostAsJsonAsync("/api/counterparties", Airline(Code(), "名称测试航空"), Ct))).GetProperty("id").GetString();
        var response = await admin.PostAsJsonAsync($"/api/counterparties/{id}/accounts", new { userName, department = "运行部" }, Ct);
        Assert.Equal("account.name", (await Json(response)).GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Account_InitialPasswordMustBeChanged_ThenSeesOnlyItsOwnCounterparty()
    {
        var admin = await Admin();
        var ownId = (await Json(await admin.PostAsJsonAsync("/api/counterparties", Airline(Code(), "甲航空"), Ct))).GetProperty("id").GetString();
        var otherId = (await Json(await admin.PostAsJsonAsync("/api/counterparties", Airline(Code(), "乙航空"), Ct))).GetProperty("id").GetString();
        var userName = $"jia_ops_{Guid.NewGuid():N}"[..20];
        var created = await Json(await admin.PostAsJsonAsync($"/api/counterparties/{ownId}/accounts", new { userName, department = "运行部" }, Ct));
        var initial = created.GetProperty("initialPassword").GetString()!;
        Assert.Equal(16, initial.Length);
        Assert.True(created.GetProperty("account").GetProperty("mustChangePassword").GetBoolean());

        var account = await SignedIn("/api/auth/account/login", userName, initial);
        Assert.Equal("password.change-required", (await Json(await account.GetAsync("/api/my/counterparty", Ct))).GetProperty("code").GetString());
        var changed = await account.PostAsJsonAsync("/api/auth/password", new { currentPassword = initial, newPassword = "Changed-Passw0rd" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        account = await SignedIn("/api/auth/account/login", userName, "Changed-Passw0rd");
        var mine = await Json(await account.GetAsync("/api/my/counterparty", Ct));
        Assert.Equal(ownId, mine.GetProperty("id").GetString());
        // The account is no staff member: the management routes, and with them the other counterparty, are closed.
        Assert.Equal(HttpStatusCode.Forbidden, (await account.GetAsync($"/api/counterparties/{otherId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.GetAsync("/api/register", Ct)).StatusCode);

        var accountId = created.GetProperty("account").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/counterparties/{ownId}/accounts/{accountId}/disable", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await account.GetAsync("/api/my/counterparty", Ct)).StatusCode);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/auth/account/login", new { userName, password = "Changed-Passw0rd" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Admin_OfAnotherBureau_DoesNotFindTheCounterparty()
    {
        var xibei = await Admin("xibei");
        var huadong = await Admin("huadong");
        var id = (await Json(await xibei.PostAsJsonAsync("/api/counterparties", Airline(Code(), "丙航空"), Ct))).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.GetAsync($"/api/counterparties/{id}", Ct)).StatusCode);
        var foreignAccount = await huadong.PostAsJsonAsync($"/api/counterparties/{id}/accounts", new { userName = "bing_ops", department = "x" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreignAccount.StatusCode);
        Assert.DoesNotContain((await Json(await huadong.GetAsync("/api/counterparties", Ct))).EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Register_SameIdentifierTwice_IsAConflict()
    {
        var admin = await Admin();
        var code = Code();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/counterparties", Airline(code, "丁航空"), Ct)).StatusCode);
        var again = await admin.PostAsJsonAsync("/api/counterparties", Airline(code, "丁航空"), Ct);
        Assert.Equal("counterparty.exists", (await Json(again)).GetProperty("code").GetString());
    }

    // A fresh two-letter designator per call (letters only; the fixture's database is shared within the class).
    private static int _next;

    private static string Code()
    {
        var n = Interlocked.Increment(ref _next);
        return $"{(char)('A' + n / 26 % 26)}{(char)('A' + n % 26)}";
    }
}
