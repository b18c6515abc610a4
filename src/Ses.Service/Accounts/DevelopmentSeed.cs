using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Counterparties;
using Ses.Service.Data;

namespace Ses.Service.Accounts;

/// <summary>
/// In Development, on an empty database: one officer, one legal staff member, one administrator and one system
/// administrator (系统管理员: the holiday calendar) of the default
/// bureau, and two sample counterparties with an account each, with random passwords printed once to the console
/// (not to the log).
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
        var roles = new[] { (StaffRole.Officer, "承办人"), (StaffRole.Legal, "法制人员"), (StaffRole.Admin, "管理员"), (StaffRole.SystemAdmin, "系统管理员") };
        foreach (var (role, label) in roles)
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
        lines.Add("开发环境示例相对人账号（首次登录须修改密码）：");
        var samples = new[]
        {
            (Kind: CounterpartyKind.DomesticLegalPerson, Name: "中国东方航空股份有限公司（示例）", Scheme: "uscc", Id: "913100007416029816",
                Account: "ceair_ops", Department: "运行控制部"),
            (Kind: CounterpartyKind.Foreign, Name: "国泰航空有限公司（示例）", Scheme: "airline", Id: "CX", Account: "cx_ops", Department: "中国内地运行部"),
        };
        var now = DateTimeOffset.UtcNow;
        foreach (var (sample, i) in samples.Select((x, i) => (x, i)))
        {
            var counterparty = new Counterparty
            {
                Id = Guid.NewGuid(), Kind = sample.Kind, Name = sample.Name, IdScheme = sample.Scheme, IdValue = sample.Id,
                Address = "", SupervisingBureau = bureau.Code, CreatedAt = now,
                Contact1Name = "联系人甲", Contact1Mobile = $"1380000000{i * 2 + 1}", Contact1Email = $"contact{i * 2 + 1}@example.com",
                Contact2Name = "联系人乙", Contact2Mobile = $"1380000000{i * 2 + 2}", Contact2Email = $"contact{i * 2 + 2}@example.com",
            };
            var password = Passwords.Random();
            db.Counterparties.Add(counterparty);
            db.CounterpartyAccounts.Add(new CounterpartyAccount
            {
                Id = Guid.NewGuid(), CounterpartyId = counterparty.Id, UserName = sample.Account, Department = sample.Department,
                PasswordHash = Passwords.Hash(password), MustChangePassword = true, CreatedAt = now,
            });
            lines.Add($"  {sample.Name}  账号 {sample.Account}  初始密码 {password}");
        }
        await db.SaveChangesAsync();
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
