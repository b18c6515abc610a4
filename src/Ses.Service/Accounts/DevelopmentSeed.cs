using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Data;

namespace Ses.Service.Accounts;

/// <summary>
/// In Development, on an empty database: one officer, one legal staff member and one administrator of the default
/// bureau, with random passwords printed once to the console (not to the log).
/// </summary>
public static class DevelopmentSeed
{
    public static async Task RunAsync(WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        if (await db.StaffUsers.AnyAsync()) return;
        var bureau = scope.ServiceProvider.GetRequiredService<DocumentEngine>().Templates.DefaultBureau;
        var lines = new List<string> { $"开发环境种子用户（{bureau.Name}；仅用于开发）：" };
        foreach (var (role, label) in new[] { (StaffRole.Officer, "承办人"), (StaffRole.Legal, "法制人员"), (StaffRole.Admin, "管理员") })
        {
            var password = Passwords.Random();
            var user = new StaffUser
            {
                Id = Guid.NewGuid(), UserName = $"{bureau.Code}_{role}", DisplayName = $"{label}（开发）", Role = role, Bureau = bureau.Code,
                PasswordHash = Passwords.Hash(password), MustChangePassword = false,
            };
            db.StaffUsers.Add(user);
            lines.Add($"  {label}  用户名 {user.UserName}  密码 {password}");
        }
        await db.SaveChangesAsync();
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
