using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>
/// Administrators set up their bureau's units (局机关部门, 监管局), put staff in them and give the role of the approving
/// leader (分管局领导). Each test uses its own bureau.
/// </summary>
public sealed class UnitsEndpointsTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Units_DepartmentThenOffice_OfficeMustSubmitToAnActiveDepartmentOfTheSameBureau()
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xinan", StaffRole.Admin));
        var department = await CreateUnit(admin, "运输管理处", "department");
        var office = await admin.PostAsJsonAsync("/api/units", new { name = "民航甘肃安全监督管理局", kind = "office", submitsToUnitId = department }, Ct);
        Assert.Equal(HttpStatusCode.Created, office.StatusCode);
        var officeId = (await office.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        await AssertProblem(await admin.PostAsJsonAsync("/api/units", new { name = "民航青海安全监督管理局", kind = "office" }, Ct),
            "submitsToUnitId", "field.required");
        await AssertProblem(await admin.PostAsJsonAsync("/api/units", new { name = "民航青海安全监督管理局", kind = "office", submitsToUnitId = officeId }, Ct),
            "submitsToUnitId", "unit.submits-to");
        await AssertProblem(await admin.PostAsJsonAsync("/api/units", new { name = "政策法规处", kind = "department", submitsToUnitId = department }, Ct),
            "submitsToUnitId", "unit.submits-to");
        await AssertProblem(await admin.PostAsJsonAsync("/api/units", new { name = "", kind = "bureau" }, Ct), "name", "unit.name");

        var other = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huabei", StaffRole.Admin));
        await AssertProblem(await other.PostAsJsonAsync("/api/units", new { name = "民航宁夏安全监督管理局", kind = "office", submitsToUnitId = department }, Ct),
            "submitsToUnitId", "unit.submits-to");

        var twice = await admin.PostAsJsonAsync("/api/units", new { name = "运输管理处", kind = "department" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("unit.exists", (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/units", new { name = "运输管理处", kind = "department" }, Ct)).StatusCode);

        Assert.Equal(["运输管理处", "民航甘肃安全监督管理局"], await UnitNames("xinan"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/units/{department}/disable", null, Ct)).StatusCode);
        var inUse = await admin.PostAsync($"/api/units/{department}/disable", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("unit.in-use", (await inUse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());

        var renamed = await admin.PostAsJsonAsync($"/api/units/{department}/rename", new { name = "运输管理处（新）" }, Ct);
        Assert.Equal("运输管理处（新）", (await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/units/{officeId}/disable", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/units/{department}/disable", null, Ct)).StatusCode);
        var listed = await (await admin.GetAsync("/api/units", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.All(listed.EnumerateArray(), u => Assert.False(u.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Staff_InAUnit_AnotherBureausUnitIsRefusedWithAField_AndNothingChanges()
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "dongbei", StaffRole.Admin));
        var before = await CreateStaff(admin, "officer", unitId: null);
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        var beforeId = (await before.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("user").GetProperty("id").GetGuid();

        var department = await CreateUnit(admin, "航空安全办公室", "department");
        var otherAdmin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xinjiang", StaffRole.Admin));
        var foreign = await CreateUnit(otherAdmin, "航空安全办公室", "department");

        // Once the bureau has units, a new officer must be in one; other roles and earlier officers need not.
        await AssertProblem(await CreateStaff(admin, "officer", unitId: null), "unitId", "field.required");
        Assert.Equal(HttpStatusCode.Created, (await CreateStaff(admin, "legal", unitId: null)).StatusCode);
        var crossed = await CreateStaff(admin, "officer", foreign);
        await AssertProblem(crossed, "unitId", "staff.unit");
        var created = await CreateStaff(admin, "officer", department);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(department, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("user").GetProperty("unitId").GetGuid());

        var moveAcross = await admin.PostAsJsonAsync($"/api/staff/{beforeId}/unit", new { unitId = foreign }, Ct);
        await AssertProblem(moveAcross, "unitId", "staff.unit");
        Assert.Null(await UnitOf(beforeId));
        var moved = await admin.PostAsJsonAsync($"/api/staff/{beforeId}/unit", new { unitId = department }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(department, await UnitOf(beforeId));
        await AssertProblem(await admin.PostAsJsonAsync($"/api/staff/{beforeId}/unit", new { unitId = (Guid?)null }, Ct), "unitId", "field.required");
        Assert.Equal(department, await UnitOf(beforeId));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostAsJsonAsync($"/api/staff/{beforeId}/unit", new { unitId = foreign }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Leader_CreatedByTheAdmin_SignsIn_AndIsRefusedOnOfficerAndAdminRoutes()
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huadong", StaffRole.Admin));
        var name = $"leader_{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/staff", new { userName = name, displayName = "张局长", role = "leader" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("leader", body.GetProperty("user").GetProperty("role").GetString());

        var leader = await TestUsers.SignIn(factory, name, body.GetProperty("initialPassword").GetString()!);
        var changed = await leader.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = body.GetProperty("initialPassword").GetString(), newPassword = "Leader-Passw0rd-2026" }, Ct);
        Assert.True(changed.IsSuccessStatusCode, changed.StatusCode.ToString());
        leader = await TestUsers.SignIn(factory, name, "Leader-Passw0rd-2026");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/register", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/drafts", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/units", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/staff", Ct)).StatusCode);

        var bad = await admin.PostAsJsonAsync("/api/staff", new { userName = name + "x", displayName = "某", role = "boss" }, Ct);
        var message = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems")[0].GetProperty("message").GetString();
        Assert.Equal("「角色」应为承办人、法制人员、分管局领导、管理员之一", message);
    }

    [Fact]
    public void LeaderPolicy_CanGuardAStaffGroup()
    {
        var app = WebApplication.CreateBuilder().Build();
        Assert.NotNull(app.MapStaffGroup("/api/approvals", AuthSetup.LeaderPolicy));
        Assert.Throws<ArgumentException>(() => app.MapStaffGroup("/api/approvals", AuthSetup.AccountPolicy));
    }

    [Fact]
    public async Task Officer_CannotManageUnits()
    {
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "zhongnan", StaffRole.Officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/units", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/units", new { name = "某处", kind = "department" }, Ct)).StatusCode);
    }

    private static async Task<Guid> CreateUnit(HttpClient admin, string name, string kind)
    {
        var response = await admin.PostAsJsonAsync("/api/units", new { name, kind }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> CreateStaff(HttpClient admin, string role, Guid? unitId) =>
        admin.PostAsJsonAsync("/api/staff", new { userName = $"u_{Guid.NewGuid():N}"[..20], displayName = "李某", role, unitId }, Ct);

    private static async Task AssertProblem(HttpResponseMessage response, string field, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == field && p.GetProperty("code").GetString() == code
            && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));
    }

    private async Task<List<string>> UnitNames(string bureau)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().Units.Where(u => u.Bureau == bureau).OrderBy(u => u.Kind)
            .Select(u => u.Name).ToListAsync(Ct);
    }

    private async Task<Guid?> UnitOf(Guid staffId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().StaffUsers.Where(u => u.Id == staffId).Select(u => u.UnitId).SingleAsync(Ct);
    }
}
