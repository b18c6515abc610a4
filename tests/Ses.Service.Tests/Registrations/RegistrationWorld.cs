using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;

namespace Ses.Service.Tests.Registrations;

/// <summary>
/// A registrant through the public API: an SMS code read back from the outbox (the default SMS gateway records the exact text),
/// registrations with valid identifiers and scans, and the counts of what is stored (a refusal stores nothing).
/// </summary>
internal sealed partial class RegistrationWorld(DevelopmentServiceFactory factory)
{
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A scan as small as a PDF can start.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n% 扫描件（测试）\n%%EOF\n"u8.ToArray();

    /// <summary>The start of a PNG file.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Anonymous { get; } = factory.CreateClient();

    /// <summary>A valid unified social credit code of an organisation registered in 陕西 (GB 32100-2015 check characters).</summary>
    public static string Uscc(string area = "610000")
    {
        var org = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        var orgCheck = 11 - org.Select((c, i) => (c - '0') * OrgWeights[i]).Sum() % 11;
        var first17 = "91" + area + org + (orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) });
        var sum = first17.Select((c, i) => UsccAlphabet.IndexOf(c, StringComparison.Ordinal) * UsccWeights[i]).Sum();
        return first17 + UsccAlphabet[(31 - sum % 31) % 31];
    }

    public static string Mobile() => "139" + RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);

    public static string UserName(string prefix = "reg") => $"{prefix}_{Guid.NewGuid():N}"[..20];

    public static object File(string name, byte[] content) => new { name, base64 = Convert.ToBase64String(content) };

    /// <summary>Asks for a code for <paramref name="mobile"/> and reads it from the SMS the outbox holds.</summary>
    public async Task<string> CodeAsync(string mobile)
    {
        var sent = await Anonymous.PostAsJsonAsync("/api/registrations/codes", new { mobile }, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var text = Sms(mobile).Last();
        return SixDigits().Match(text).Value;
    }

    /// <summary>The SMS texts queued for <paramref name="mobile"/>, oldest first.</summary>
    public List<string> Sms(string mobile) =>
        WithDb(db => db.NotificationMessages.Where(m => m.Channel == "sms" && m.Recipient == mobile).OrderBy(m => m.Id).Select(m => m.Body).ToList());

    /// <summary>A domestic legal person's registration (陕西: 陕西监管局 of xibei) as the API takes it.</summary>
    public static Dictionary<string, object?> Domestic(string mobile1, string mobile2, string code, string? uscc = null, string? userName = null,
        string name = "陕西测试航空股份有限公司") => new()
    {
        ["kind"] = "domestic-legal-person", ["name"] = name, ["idScheme"] = "uscc", ["idValue"] = uscc ?? Uscc(),
        ["address"] = "陕西省西安市西咸新区空港新城机场大道1号",
        ["contacts"] = new[]
        {
            new { name = "张三", mobile = mobile1, email = "zhang@example.com" },
            new { name = "李四", mobile = mobile2, email = "li@example.com" },
        },
        ["accounts"] = new[] { new { userName = userName ?? UserName("sxhk"), department = "运行部" } },
        ["code"] = code, ["licence"] = File("营业执照.pdf", Pdf), ["letter"] = File("确认函.pdf", Pdf),
    };

    /// <summary>A fresh code and a domestic registration ready to submit, with its first contact's mobile and its account's name.</summary>
    public async Task<(Dictionary<string, object?> Request, string Mobile, string UserName)> NewDomesticAsync(string? uscc = null)
    {
        var mobile = Mobile();
        var userName = UserName("sxhk");
        return (Domestic(mobile, Mobile(), await CodeAsync(mobile), uscc, userName), mobile, userName);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SubmitAsync(object request)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/registrations/", request, Ct);
        return (response, await DeliveryWorld.Json(response));
    }

    /// <summary>Submits and expects it stored: its id and token.</summary>
    public async Task<(string Id, string Token)> SubmittedAsync(object request)
    {
        var (response, body) = await SubmitAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>What a refusal must leave untouched.</summary>
    public (int Registrations, int Files, int Accounts, int Counterparties, int Evidence) Counts() => WithDb(db => (db.Registrations.Count(),
        db.RegistrationFiles.Count(), db.RegistrationAccounts.Count(), db.Counterparties.Count(), db.EvidenceEntries.Count()));

    public static void Problem(JsonElement body, string field, string code) =>
        Assert.True(body.TryGetProperty("problems", out var problems) && problems.EnumerateArray().Any(p => p.GetProperty("field").GetString() == field
            && p.GetProperty("code").GetString() == code && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00')),
            $"expected {field} {code} in {body}");

    public T WithDb<T>(Func<SesDbContext, T> read)
    {
        using var scope = factory.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
