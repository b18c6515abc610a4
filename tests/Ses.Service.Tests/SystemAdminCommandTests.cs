using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>
/// A system administrator is made on the server with <c>ses staff add-sysadmin</c>, never through a bureau
/// administrator; the initial password printed once must be changed first, then the calendar can be imported.
/// </summary>
public sealed class SystemAdminCommandTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DevelopmentServiceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AddSysadmin_OnTheServer_MakesASystemAdministratorWhoMustChangeThePassword()
    {
        _ = _factory.Services; // the service's database exists and is migrated
        var environment = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={Path.Combine(_factory.Folder, "ses.db")}" };

        var (exit, output) = SesProcess.Run(_factory.Folder, environment, "staff", "add-sysadmin", "ops_root", "系统管理员甲");
        Assert.True(exit == 0, output);
        var password = output.Split("：").Last().Trim();
        Assert.Equal(16, password.Length);
        using (var scope = _factory.Services.CreateScope())
        {
            var user = scope.ServiceProvider.GetRequiredService<SesDbContext>().StaffUsers.Single(u => u.UserName == "ops_root");
            Assert.Equal(StaffRole.SystemAdmin, user.Role);
            Assert.True(user.MustChangePassword);
        }

        // The same name twice is refused, and nothing changes.
        (exit, output) = SesProcess.Run(_factory.Folder, environment, "staff", "add-sysadmin", "ops_root", "系统管理员乙");
        Assert.True(exit == 1, output);
        Assert.Contains("account.exists", output);

        // The printed password signs in, and the answer says it must be changed first.
        var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = "ops_root", password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task ABureauAdministrator_CannotMakeASystemAdministrator()
    {
        var admin = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "xibei", StaffRole.Admin));
        var response = await admin.PostAsJsonAsync("/api/staff", new { userName = "sneaky_root", displayName = "某人", role = StaffRole.SystemAdmin }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("staff.role", await response.Content.ReadAsStringAsync(Ct));
        using var scope = _factory.Services.CreateScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<SesDbContext>().StaffUsers.Any(u => u.UserName == "sneaky_root"));
    }
}
