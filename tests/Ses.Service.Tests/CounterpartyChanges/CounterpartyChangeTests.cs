using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Documents.Validation;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.CounterpartyChanges;

/// <summary>
/// 配置管理 through the API: a counterparty's accounts change its contacts at once (old and new contacts told by SMS), ask
/// for a new name or identifier and another account (the bureau approves; the initial password goes to the contacts),
/// and disable their own accounts — never the last one.
/// </summary>
public sealed class CounterpartyChangeTests : IDisposable
{
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 3, 9, 10));
    private readonly DevelopmentServiceFactory _factory;

    public CounterpartyChangeTests() => _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-changes-").FullName, owns: true, _clock);

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> Json(HttpResponseMessage r) => DeliveryWorld.Json(r);

    private static ContactInput[] Contacts(string mobile1) => [new("周经理", mobile1, "zhou@example.com"), new("乙", "13800000012", null)];

    private sealed record ContactInput(string Name, string Mobile, string? Email);

    private static void Problem(JsonElement body, string field, string code) =>
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == field
            && p.GetProperty("code").GetString() == code && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));

    private List<string> SmsTo(string mobile) =>
        new DeliveryWorld(_factory).WithDb(db => db.NotificationMessages.Where(m => m.Channel == "sms" && m.Recipient == mobile).Select(m => m.Body).ToList());

    [Fact]
    public async Task Contacts_ChangeAtOnce_AndBothOldAndNewContactsAreTold_TheHistoryKeepsTheValuesBefore()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, accounts, names) = await world.CounterpartyAsync("配置测试航空");
        var response = await accounts[0].PostAsJsonAsync("/api/my/details", new { address = "西安市咸阳国际机场", contacts = Contacts("13900000021") }, Ct);
        var body = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("已生效", body.GetProperty("applied").GetProperty("stateLabel").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("pending").ValueKind);

        var mine = await Json(await accounts[0].GetAsync("/api/my/counterparty", Ct));
        Assert.Equal("13900000021", mine.GetProperty("contacts")[0].GetProperty("mobile").GetString());
        Assert.Equal("西安市咸阳国际机场", mine.GetProperty("address").GetString());
        Assert.Contains(SmsTo("13800000011"), t => t.Contains($"由账号 {names[0]} 变更", StringComparison.Ordinal));
        Assert.Contains(SmsTo("13900000021"), t => t.Contains("联系人或地址", StringComparison.Ordinal));

        // The history shows the values before, with the mobile masked.
        var settings = await Json(await accounts[0].GetAsync("/api/my/settings", Ct));
        var change = settings.GetProperty("changes")[0];
        Assert.Equal("138****0011", change.GetProperty("before").GetProperty("联系人一手机").GetString());
        Assert.DoesNotContain("13900000021", change.ToString());

        // Nothing to change, and a bad mobile: refused, nothing stored.
        var same = await accounts[0].PostAsJsonAsync("/api/my/details", new { address = "西安市咸阳国际机场" }, Ct);
        Problem(await Json(same), "details", ErrorCodes.CounterpartyChangeNothing);
        var bad = await accounts[0].PostAsJsonAsync("/api/my/details", new { contacts = Contacts("12345") }, Ct);
        Problem(await Json(bad), "contacts[0].mobile", ErrorCodes.FieldMobileFormat);
        Assert.Equal(1, world.WithDb(db => db.CounterpartyChanges.Count(x => x.CounterpartyId == Guid.Parse(cp))));
    }

    [Fact]
    public async Task ANewName_WaitsForTheBureau_ThenApplies_AndARejectionNeedsAReason()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, accounts, _) = await world.CounterpartyAsync("更名前航空");
        var asked = await Json(await accounts[0].PostAsJsonAsync("/api/my/details", new { name = "更名后航空" }, Ct));
        Assert.Equal("待监管局审核", asked.GetProperty("pending").GetProperty("stateLabel").GetString());
        Assert.Equal("更名前航空", (await Json(await accounts[0].GetAsync("/api/my/counterparty", Ct))).GetProperty("name").GetString());
        var again = await accounts[0].PostAsJsonAsync("/api/my/details", new { name = "再次更名航空" }, Ct);
        Assert.Equal(ErrorCodes.CounterpartyChangePending, (await Json(again)).GetProperty("code").GetString());

        var pending = (await Json(await world.Admin.GetAsync("/api/counterparty-changes", Ct))).EnumerateArray().Single();
        Assert.Equal("更名后航空", pending.GetProperty("after").GetProperty("名称").GetString());
        var id = pending.GetProperty("id").GetString();
        var noReason = await world.Admin.PostAsJsonAsync($"/api/counterparty-changes/{id}", new { approve = false }, Ct);
        Problem(await Json(noReason), "reason", ErrorCodes.FieldRequired);
        // Another bureau and an officer cannot decide.
        var other = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "huadong", StaffRole.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/counterparty-changes/{id}", new { approve = true }, Ct)).StatusCode);
        Assert.Empty((await Json(await other.GetAsync("/api/counterparty-changes", Ct))).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"/api/counterparty-changes/{id}", new { approve = true }, Ct)).StatusCode);

        var approved = await Json(await world.Admin.PostAsJsonAsync($"/api/counterparty-changes/{id}", new { approve = true }, Ct));
        Assert.Equal("已批准", approved.GetProperty("stateLabel").GetString());
        Assert.Equal("更名后航空", (await Json(await accounts[0].GetAsync("/api/my/counterparty", Ct))).GetProperty("name").GetString());
        Assert.Contains(SmsTo("13800000011"), t => t.Contains("现登记为：更名后航空", StringComparison.Ordinal));
        var twice = await world.Admin.PostAsJsonAsync($"/api/counterparty-changes/{id}", new { approve = true }, Ct);
        Assert.Equal(ErrorCodes.CounterpartyChangeState, (await Json(twice)).GetProperty("code").GetString());
        Assert.Equal(Guid.Parse(cp), world.WithDb(db => db.Counterparties.Single(c => c.Name == "更名后航空").Id));
    }

    [Fact]
    public async Task AnotherAccount_IsApproved_ItsPasswordGoesByTextMessage_AndMustBeChanged_OwnAccountsDisabledButNotTheLast()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (_, accounts, names) = await world.CounterpartyAsync("增加账号航空");
        var chinese = await accounts[0].PostAsJsonAsync("/api/my/account-requests", new { userName = "增加_运行", department = "运行部" }, Ct);
        Problem(await Json(chinese), "userName", ErrorCodes.AccountName);
        var taken = await accounts[0].PostAsJsonAsync("/api/my/account-requests", new { userName = names[0], department = "运行部" }, Ct);
        Assert.Equal(ErrorCodes.AccountExists, (await Json(taken)).GetProperty("code").GetString());
        var userName = $"zj_{Guid.NewGuid():N}"[..12];
        var asked = await accounts[0].PostAsJsonAsync("/api/my/account-requests", new { userName, department = "质量部" }, Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var duplicate = await accounts[0].PostAsJsonAsync("/api/my/account-requests", new { userName, department = "质量部" }, Ct);
        Assert.Equal(ErrorCodes.AccountExists, (await Json(duplicate)).GetProperty("code").GetString());
        // A name a registration still before its office asked for is taken too.
        var registrant = new Registrations.RegistrationWorld(_factory);
        var (registration, _, pendingName) = await registrant.NewDomesticAsync();
        await registrant.SubmittedAsync(registration);
        var pending = await accounts[0].PostAsJsonAsync("/api/my/account-requests", new { userName = pendingName, department = "质量部" }, Ct);
        Assert.Equal(ErrorCodes.AccountExists, (await Json(pending)).GetProperty("code").GetString());

        var id = (await Json(asked)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PostAsJsonAsync($"/api/counterparty-changes/{id}", new { approve = true }, Ct)).StatusCode);
        var text = SmsTo("13800000011").Single(t => t.Contains(userName, StringComparison.Ordinal));
        var password = text[(text.IndexOf("初始密码 ", StringComparison.Ordinal) + 5)..].Split('，')[0];
        Assert.Contains(text, SmsTo("13800000012"));
        var first = await TestUsers.SignIn(_factory, userName, password, "/api/auth/account/login");
        Assert.Equal(ErrorCodes.PasswordChangeRequired, (await Json(await first.GetAsync("/api/my/deliveries", Ct))).GetProperty("code").GetString());

        // The counterparty disables its other account; the new one is then its last and stays.
        var settings = await Json(await accounts[0].GetAsync("/api/my/settings", Ct));
        string? Id(string name) => settings.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("userName").GetString() == name)
            .GetProperty("id").GetString();
        var (newId, ownId) = (Id(userName), Id(names[0]));
        Assert.Equal(HttpStatusCode.OK, (await accounts[0].PostAsync($"/api/my/accounts/{newId}/disable", null, Ct)).StatusCode);
        var last = await accounts[0].PostAsync($"/api/my/accounts/{ownId}/disable", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal(ErrorCodes.AccountLastActive, (await Json(last)).GetProperty("code").GetString());
        // The disabled account is signed out at once.
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/my/counterparty", Ct)).StatusCode);

        // Another counterparty's account is not found.
        var (_, others, _) = await world.CounterpartyAsync("他人航空");
        Assert.Equal(HttpStatusCode.NotFound, (await others[0].PostAsync($"/api/my/accounts/{ownId}/disable", null, Ct)).StatusCode);
    }
}
