using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Accounts;

namespace Ses.Service.Tests;

/// <summary>Administrators manage their own bureau's staff.</summary>
public sealed class StaffEndpointsTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_CreatesAnOfficer_WhoMustChangeTheInitialPassword()
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
        var name = $"officer_{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/staff", new { userName = name, displayName = "王某", role = "officer" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("xibei", body.GetProperty("user").GetProperty("bureau").GetString());
        var officer = await TestUsers.SignIn(factory, name, body.GetProperty("initialPassword").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/register", Ct)).StatusCode);

        var id = body.GetProperty("user").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/staff/{id}/disable", null, Ct)).StatusCode);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/auth/staff/login",
            new { userName = name, password = body.GetProperty("initialPassword").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Admin_BadRequest_ListsEveryProblem_AndOtherBureausStaffIsNotFound()
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
        var bad = await admin.PostAsJsonAsync("/api/staff", new { userName = "王", displayName = "", role = "boss" }, Ct);
        var codes = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("code").GetString())
            .ToList();
        Assert.Equal(["staff.name", "field.required", "staff.role"], codes);

        var other = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huadong", StaffRole.Admin));
        var list = await (await other.GetAsync("/api/staff", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.All(list.EnumerateArray(), u => Assert.Equal("huadong", u.GetProperty("bureau").GetString()));
        var xibeiUser = (await (await admin.GetAsync("/api/staff", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/staff/{xibeiUser}/disable", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Officer_CannotManageStaff()
    {
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/staff", Ct)).StatusCode);
    }
}
