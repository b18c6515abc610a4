using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.Security;

/// <summary>
/// A sign-in ends when it should: disabling, signing out and changing the password end old tokens and cookies at the next
/// request on every route; lockout holds under parallel attempts and does not tell known names from unknown ones; a
/// cookie cannot be used for API changes from another site.
/// </summary>
public sealed class SessionSecurityTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private const string Password = TestUsers.Password;
    private const string NewPassword = "Changed-Passw0rd!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static async Task<string?> Code(HttpResponseMessage r) =>
        r.Content.Headers.ContentLength == 0 ? null : (await Json(r)).TryGetProperty("code", out var c) ? c.GetString() : null;

    private static object NoticeDraft() => new
    {
        formId = "notice-org",
        data = new { party = "西安某某航空服务有限公司", actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" },
    };

    private static async Task AssertRefused(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", body.GetProperty("title").GetString()!);
    }

    private async Task<HttpResponseMessage> Disable(string adminName, string userName) =>
        await (await TestUsers.SignIn(factory, adminName)).PostAsync($"/api/staff/{TestUsers.StaffId(factory, userName)}/disable", null, Ct);

    // ---- item 1: a disabled user is refused on every route at the next request

    [Fact]
    public async Task DisabledOfficer_OldToken_IsRefusedOnEveryRoute_IssuingIncluded()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var officer = await TestUsers.SignIn(factory, name);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/register", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Disable(TestUsers.Create(factory, "xibei", StaffRole.Admin), name)).StatusCode);

        await AssertRefused(await officer.PostAsync($"/api/drafts/{Guid.NewGuid()}/issue", null, Ct), "account.disabled");
        await AssertRefused(await officer.PostAsJsonAsync("/api/drafts", NoticeDraft(), Ct), "account.disabled");
        await AssertRefused(await officer.PostAsJsonAsync($"/api/documents/{Guid.NewGuid()}/void", new { reason = "x" }, Ct), "account.disabled");
        await AssertRefused(await officer.GetAsync("/api/register", Ct), "account.disabled");
        await AssertRefused(await officer.GetAsync("/api/calendar", Ct), "account.disabled");
        await AssertRefused(await officer.GetAsync("/api/deliveries", Ct), "account.disabled");
        await AssertRefused(await officer.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = NewPassword }, Ct),
            "account.disabled");
    }

    [Fact]
    public async Task DisabledAdmin_OldToken_CannotCreateAnAdmin()
    {
        var disabledName = TestUsers.Create(factory, "xibei", StaffRole.Admin);
        var disabled = await TestUsers.SignIn(factory, disabledName);
        var other = TestUsers.Create(factory, "xibei", StaffRole.Admin);
        Assert.Equal(HttpStatusCode.OK, (await Disable(other, disabledName)).StatusCode);

        var name = $"admin_{Guid.NewGuid():N}"[..20];
        await AssertRefused(await disabled.PostAsJsonAsync("/api/staff", new { userName = name, displayName = "某某", role = StaffRole.Admin }, Ct),
            "account.disabled");
        await AssertRefused(await disabled.GetAsync("/api/counterparties", Ct), "account.disabled");
        var staff = await Json(await (await TestUsers.SignIn(factory, other)).GetAsync("/api/staff", Ct));
        Assert.DoesNotContain(staff.EnumerateArray(), u => u.GetProperty("userName").GetString() == name);
    }

    [Fact]
    public async Task DisabledAccount_OldToken_IsRefused_OnItsOwnCounterpartyToo()
    {
        var (counterparty, account, userName) = TestUsers.CreateAccount(factory, "xibei");
        var client = await TestUsers.SignIn(factory, userName, loginPath: "/api/auth/account/login");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/my/counterparty", Ct)).StatusCode);

        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/counterparties/{counterparty}/accounts/{account}/disable", null, Ct)).StatusCode);

        await AssertRefused(await client.GetAsync("/api/my/counterparty", Ct), "account.disabled");
        await AssertRefused(await client.GetAsync("/api/my/deliveries", Ct), "account.disabled");
    }

    [Fact]
    public async Task DisabledOfficer_Cookie_StopsWorkingOnPages_AndIsRemoved()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await browser.PostAsJsonAsync("/api/auth/staff/login?cookie=true", new { userName = name, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/officer", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Disable(TestUsers.Create(factory, "xibei", StaffRole.Admin), name)).StatusCode);

        var page = await browser.GetAsync("/officer", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin/staff?ReturnUrl=%2Fofficer", page.Headers.Location!.OriginalString);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ses=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/officer", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/signin/staff", Ct)).StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_Cookie_IsSentToTheAccountSignInPage()
    {
        var (counterparty, account, userName) = TestUsers.CreateAccount(factory, "xibei", mustChange: true);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await browser.PostAsJsonAsync("/api/auth/account/login?cookie=true", new { userName, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/password", Ct)).StatusCode);

        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/counterparties/{counterparty}/accounts/{account}/disable", null, Ct)).StatusCode);

        var page = await browser.GetAsync("/password", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin/account", page.Headers.Location!.OriginalString);
    }

    // ---- item 2: sign-out, a password change and disabling revoke tokens and cookies

    [Fact]
    public async Task Logout_EndsEveryTokenOfTheUser()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Legal);
        var first = await TestUsers.SignIn(factory, name);
        var second = await TestUsers.SignIn(factory, name);

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/auth/logout", null, Ct)).StatusCode);

        await AssertRefused(await first.GetAsync("/api/register", Ct), "auth.revoked");
        await AssertRefused(await second.GetAsync("/api/register", Ct), "auth.revoked");
        Assert.Equal(HttpStatusCode.OK, (await (await TestUsers.SignIn(factory, name)).GetAsync("/api/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsEarlierTokens_AndTheNewPasswordSignsIn()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var changer = await TestUsers.SignIn(factory, name);
        var other = await TestUsers.SignIn(factory, name);

        var changed = await changer.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = NewPassword }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await AssertRefused(await changer.GetAsync("/api/register", Ct), "auth.revoked");
        await AssertRefused(await other.PostAsJsonAsync("/api/drafts", NoticeDraft(), Ct), "auth.revoked");
        Assert.Equal(HttpStatusCode.OK, (await (await TestUsers.SignIn(factory, name, NewPassword)).GetAsync("/api/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task Disabling_ReplacesTheStamp()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        string Stamp()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<SesDbContext>().StaffUsers.Single(u => u.UserName == name).SecurityStamp;
        }
        var before = Stamp();
        Assert.Equal(SecurityStamps.Length, before.Length);
        Assert.Equal(HttpStatusCode.OK, (await Disable(TestUsers.Create(factory, "xibei", StaffRole.Admin), name)).StatusCode);
        Assert.NotEqual(before, Stamp());
    }

    [Fact]
    public async Task Logout_EndsTheCookieToo_EvenWhenReplayed()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Legal);
        var browser = factory.CreateClient();
        var login = await browser.PostAsJsonAsync("/api/auth/staff/login?cookie=true", new { userName = name, password = Password }, Ct);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout, Ct)).StatusCode);

        var replay = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/register");
        request.Headers.Add("Cookie", cookie);
        await AssertRefused(await replay.SendAsync(request, Ct), "auth.revoked");
    }

    [Fact]
    public async Task PageSignOut_EndsTheBearerTokensOfTheUser()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Legal);
        var api = await TestUsers.SignIn(factory, name);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await browser.PostAsJsonAsync("/api/auth/staff/login?cookie=true", new { userName = name, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var page = await browser.GetStringAsync("/legal", Ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var signOut = await browser.PostAsync("/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertRefused(await api.GetAsync("/api/register", Ct), "auth.revoked");
    }

    // ---- item 3: the login answer says when the password must be changed

    [Fact]
    public async Task LoginAnswer_SaysWhetherThePasswordMustBeChanged()
    {
        var client = factory.CreateClient();
        var fresh = await Json(await client.PostAsJsonAsync("/api/auth/staff/login",
            new { userName = TestUsers.Create(factory, "xibei", StaffRole.Officer, mustChange: true), password = Password }, Ct));
        Assert.True(fresh.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal("Bearer", fresh.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(fresh.GetProperty("accessToken").GetString()));
        Assert.True(fresh.GetProperty("expiresIn").GetInt64() > 0);

        var usual = await Json(await client.PostAsJsonAsync("/api/auth/staff/login",
            new { userName = TestUsers.Create(factory, "xibei", StaffRole.Officer), password = Password }, Ct));
        Assert.False(usual.GetProperty("mustChangePassword").GetBoolean());

        var account = TestUsers.CreateAccount(factory, "xibei", mustChange: true);
        var cookie = await Json(await factory.CreateClient().PostAsJsonAsync("/api/auth/account/login?cookie=true",
            new { userName = account.UserName, password = Password }, Ct));
        Assert.True(cookie.GetProperty("mustChangePassword").GetBoolean());
    }

    // ---- items 4 and 5: lockout under parallel attempts, the same work for unknown names

    [Fact]
    public async Task Lockout_HoldsUnderParallelAttempts_AtMostFivePasswordChecks()
    {
        using var checks = new PasswordCheckCounter(factory);
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            using var client = factory.CreateClient();
            var response = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = name, password = "Wrong-Passw0rd" }, Ct);
            return (response.StatusCode, Code: await Code(response));
        }));

        Assert.Equal(Passwords.MaxFailures, answers.Count(a => a is { StatusCode: HttpStatusCode.Unauthorized, Code: "auth.failed" }));
        Assert.Equal(30 - Passwords.MaxFailures, answers.Count(a => a is { StatusCode: HttpStatusCode.Locked, Code: "auth.locked" }));
        Assert.Equal(Passwords.MaxFailures, checks.Count);

        var right = await factory.CreateClient().PostAsJsonAsync("/api/auth/staff/login", new { userName = name, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Equal("auth.locked", await Code(right));
        Assert.Equal(Passwords.MaxFailures, checks.Count);
    }

    [Fact]
    public async Task UnknownName_CostsOnePasswordCheck_LikeAKnownOrDisabledName()
    {
        using var checks = new PasswordCheckCounter(factory);
        var client = factory.CreateClient();
        var known = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var disabled = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        Assert.Equal(HttpStatusCode.OK, (await Disable(TestUsers.Create(factory, "xibei", StaffRole.Admin), disabled)).StatusCode);

        foreach (var (path, name, password) in new[]
                 {
                     ("/api/auth/staff/login", "nobody_" + Guid.NewGuid().ToString("N")[..8], "x"),
                     ("/api/auth/staff/login", known, "x"),
                     ("/api/auth/staff/login", disabled, Password),
                     ("/api/auth/account/login", "nobody_" + Guid.NewGuid().ToString("N")[..8], "x"),
                     ("/api/auth/account/login", known, Password),
                 })
        {
            var before = checks.Count;
            var response = await client.PostAsJsonAsync(path, new { userName = name, password }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("auth.failed", await Code(response));
            Assert.Equal(before + 1, checks.Count);
        }
    }

    [Fact]
    public async Task UnknownName_IsLockedOutAfterFiveFailures_LikeAKnownName()
    {
        var client = factory.CreateClient();
        var known = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var unknown = "nobody_" + Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { known, unknown })
        {
            var answers = new List<(HttpStatusCode, string?)>();
            for (var i = 0; i <= Passwords.MaxFailures; i++)
            {
                var response = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = name, password = "x" }, Ct);
                answers.Add((response.StatusCode, await Code(response)));
            }
            Assert.Equal(
                [.. Enumerable.Repeat((HttpStatusCode.Unauthorized, (string?)"auth.failed"), Passwords.MaxFailures), (HttpStatusCode.Locked, "auth.locked")],
                answers);
        }
    }

    // ---- item 6: API changes authenticated by the cookie come from this site

    [Fact]
    public async Task CookieApiChange_WithoutTokenOrSameOrigin_Is403_BearerIsNotConcerned()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var browser = factory.CreateClient();
        var login = await browser.PostAsJsonAsync("/api/auth/staff/login?cookie=true", new { userName = name, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        // A change that reaches its handler answers auth.failed here (wrong current password); a refused one auth.cross-site.
        HttpRequestMessage Change(params (string Name, string Value)[] headers)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password")
            {
                Content = JsonContent.Create(new { currentPassword = "not-it", newPassword = NewPassword }),
            };
            foreach (var (header, value) in headers) request.Headers.Add(header, value);
            return request;
        }

        foreach (var headers in new[] { Array.Empty<(string, string)>(), [("Sec-Fetch-Site", "cross-site")], [("Origin", "https://evil.example")],
                     [("Sec-Fetch-Site", "same-site")], [("RequestVerificationToken", "forged")] })
        {
            var refused = await browser.SendAsync(Change(headers), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("auth.cross-site", await Code(refused));
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/register", Ct)).StatusCode);

        Assert.Equal("auth.failed", await Code(await browser.SendAsync(Change(("Sec-Fetch-Site", "same-origin")), Ct)));
        Assert.Equal("auth.failed", await Code(await browser.SendAsync(Change(("Origin", "http://localhost")), Ct)));
        var antiforgery = await Json(await browser.GetAsync("/api/auth/antiforgery", Ct));
        Assert.Equal("RequestVerificationToken", antiforgery.GetProperty("headerName").GetString());
        var withToken = Change(("RequestVerificationToken", antiforgery.GetProperty("token").GetString()!));
        Assert.Equal("auth.failed", await Code(await browser.SendAsync(withToken, Ct)));

        var bearer = await TestUsers.SignIn(factory, name);
        var plain = Change();
        plain.Headers.Authorization = bearer.DefaultRequestHeaders.Authorization;
        Assert.Equal("auth.failed", await Code(await factory.CreateClient().SendAsync(plain, Ct)));
    }

    // ---- several instances: PostgreSQL

    [Fact]
    public async Task TwoInstancesOnPostgres_DisablingAndSignOutHoldOnTheOther_AndLockoutHoldsAcrossBoth()
    {
        using var postgres = new PostgresTestDatabase();
        var folder = Directory.CreateTempSubdirectory("ses-pg-auth-").FullName;
        try
        {
            using var a = new DevelopmentServiceFactory(folder, settings: postgres.Settings());
            using var b = new DevelopmentServiceFactory(folder, settings: postgres.Settings());
            var officerName = TestUsers.Create(a, "xibei", StaffRole.Officer);
            var legalName = TestUsers.Create(a, "xibei", StaffRole.Legal);
            var adminName = TestUsers.Create(a, "xibei", StaffRole.Admin);

            var officer = await TestUsers.SignIn(a, officerName);
            var onB = b.CreateClient();
            onB.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/register", Ct)).StatusCode);
            var admin = await TestUsers.SignIn(b, adminName);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/staff/{TestUsers.StaffId(b, officerName)}/disable", null, Ct)).StatusCode);
            await AssertRefused(await officer.PostAsJsonAsync("/api/drafts", NoticeDraft(), Ct), "account.disabled");

            var legal = await TestUsers.SignIn(a, legalName);
            var legalOnB = await TestUsers.SignIn(b, legalName);
            Assert.Equal(HttpStatusCode.NoContent, (await legalOnB.PostAsync("/api/auth/logout", null, Ct)).StatusCode);
            await AssertRefused(await legal.GetAsync("/api/register", Ct), "auth.revoked");

            using var checksA = new PasswordCheckCounter(a);
            using var checksB = new PasswordCheckCounter(b);
            var target = TestUsers.Create(a, "xibei", StaffRole.Officer);
            var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            {
                using var client = (i % 2 == 0 ? a : b).CreateClient();
                return (await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = target, password = "Wrong-Passw0rd" }, Ct)).StatusCode;
            }));
            Assert.Equal(Passwords.MaxFailures, answers.Count(s => s == HttpStatusCode.Unauthorized));
            Assert.Equal(30 - Passwords.MaxFailures, answers.Count(s => s == HttpStatusCode.Locked));
            Assert.Equal(Passwords.MaxFailures, checksA.Count + checksB.Count);
            Assert.Equal(HttpStatusCode.Locked,
                (await b.CreateClient().PostAsJsonAsync("/api/auth/staff/login", new { userName = target, password = Password }, Ct)).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
