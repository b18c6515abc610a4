using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Calendar;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Storage;

namespace Ses.Service.Accounts;

/// <summary>
/// In Development, on an empty database: one officer, one legal staff member, one administrator and one system
/// administrator (系统管理员: the holiday calendar) of the default
/// bureau, and two sample counterparties with an account each, with random passwords printed once to the console
/// (not to the log).
/// </summary>
public static class DevelopmentSeed
{
    private const string ConfirmationForm = "ses-confirmation";

    public static async Task RunAsync(WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        if (await db.StaffUsers.AnyAsync()) return;
        var engine = scope.ServiceProvider.GetRequiredService<DocumentEngine>();
        var bureau = engine.Templates.DefaultBureau;
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
        var letter = app.Configuration.GetValue("Development:SampleConsentLetter", true);
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
            if (i == 0 && letter) await LetterAsync(scope.ServiceProvider, engine, db, counterparty, now);
        }
        if (letter) lines.Add("  （第一个示例相对人的确认函已核验，可以电子送达；第二个没有确认函，只能纸质送达。）");
        await db.SaveChangesAsync();
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    /// <summary>
    /// A verified confirmation letter for a sample counterparty, so that electronic service can be tried at once: the
    /// letter's sample filled in, standing for the signed scan (开发环境示例).
    /// </summary>
    private static async Task LetterAsync(IServiceProvider services, DocumentEngine engine, SesDbContext db, Counterparty counterparty,
        DateTimeOffset now)
    {
        var path = Path.Combine(engine.Templates.Root, "samples", ConfirmationForm + ".json");
        using var data = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        var pdf = engine.Render(ConfirmationForm, data.RootElement, OutputFormat.Pdf).Content;
        var (sha256, _) = await services.GetRequiredService<IFileStore>().PutAsync(pdf, CancellationToken.None);
        db.ConsentLetters.Add(new ConsentLetter
        {
            Id = Guid.NewGuid(), CounterpartyId = counterparty.Id, Bureau = counterparty.SupervisingBureau, SignedOn = LegalDates.BeijingDate(now),
            FileName = "确认函（开发环境示例）.pdf", FileSize = pdf.Length, ContentType = "application/pdf", FileSha256 = sha256,
            VerifiedBy = "开发环境种子", VerifiedAt = now,
        });
    }
}
