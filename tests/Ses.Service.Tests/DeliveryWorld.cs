using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>
/// Builds what a delivery needs through the real API of a test service: staff, a counterparty with signed-in accounts,
/// issued documents.
/// </summary>
internal sealed class DeliveryWorld(DevelopmentServiceFactory factory)
{
    private static int _next;

    public const string AccountPassword = "Account-Passw0rd";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Officer { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Legal { get; private set; } = null!;

    private readonly List<string> _staff = [];

    /// <summary>The user name of <see cref="Officer"/>, to sign in elsewhere (another instance).</summary>
    public string OfficerName => _staff[0];

    public static async Task<DeliveryWorld> CreateAsync(DevelopmentServiceFactory factory, string bureau = "xibei")
    {
        var world = new DeliveryWorld(factory);
        world._staff.AddRange([TestUsers.Create(factory, bureau, StaffRole.Officer), TestUsers.Create(factory, bureau, StaffRole.Admin),
            TestUsers.Create(factory, bureau, StaffRole.Legal)]);
        await world.SignInStaffAsync();
        return world;
    }

    /// <summary>Signs the staff in again: after the test moved the clock on, their tokens have expired.</summary>
    public async Task SignInStaffAsync()
    {
        Officer = await TestUsers.SignIn(factory, _staff[0]);
        Admin = await TestUsers.SignIn(factory, _staff[1]);
        Legal = await TestUsers.SignIn(factory, _staff[2]);
    }

    /// <summary>Signs in the staff of <paramref name="other"/> (made on another instance of the same database) here.</summary>
    public async Task SignInAsAsync(DeliveryWorld other)
    {
        _staff.AddRange(other._staff);
        await SignInStaffAsync();
    }

    /// <summary>A fresh sign-in of a counterparty account made by <see cref="CounterpartyAsync"/>.</summary>
    public Task<HttpClient> AccountAsync(string userName) => TestUsers.SignIn(factory, userName, AccountPassword, "/api/auth/account/login");

    public static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>A scan as small as a PDF can start: content sniffing takes it for a PDF.</summary>
    public static readonly byte[] LetterScan = "%PDF-1.4\n% 确认函扫描件（测试）\n%%EOF\n"u8.ToArray();

    /// <summary>Records the counterparty's confirmation letter as verified by the administrator (electronic service rests on it).</summary>
    public static async Task<JsonElement> VerifyLetterAsync(HttpClient admin, string counterpartyId, string signedOn = "2020-06-01")
    {
        var response = await admin.PostAsJsonAsync($"/api/counterparties/{counterpartyId}/consent-letters",
            new { signedOn, file = new { name = "确认函.pdf", base64 = Convert.ToBase64String(LetterScan) } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json(response);
    }

    /// <summary>A registered counterparty (a foreign certificate holder) and its accounts, signed in with changed passwords; with
    /// <paramref name="letter"/>, its confirmation letter verified so that it can be served electronically.</summary>
    public async Task<(string Id, HttpClient[] Accounts, string[] Names)> CounterpartyAsync(string name, int accounts = 1, bool letter = true)
    {
        var n = Interlocked.Increment(ref _next);
        var created = await Admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "foreign", name, idScheme = "licence", idValue = $"LIC{n:D4}{Guid.NewGuid():N}"[..16].ToUpperInvariant(), address = "",
            contacts = new[]
            {
                new { name = "甲", mobile = "13800000011", email = (string?)"ops@example.com" },
                new { name = "乙", mobile = "13800000012", email = (string?)null },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        if (letter) await VerifyLetterAsync(Admin, id);
        var clients = new List<HttpClient>();
        var names = new List<string>();
        for (var i = 0; i < accounts; i++)
        {
            var userName = $"acct{n}x{i}_{Guid.NewGuid():N}"[..20];
            var account = await Json(await Admin.PostAsJsonAsync($"/api/counterparties/{id}/accounts", new { userName, department = $"部门{i}" }, Ct));
            var initial = account.GetProperty("initialPassword").GetString()!;
            var first = await TestUsers.SignIn(factory, userName, initial, "/api/auth/account/login");
            Assert.Equal(HttpStatusCode.NoContent,
                (await first.PostAsJsonAsync("/api/auth/password", new { currentPassword = initial, newPassword = AccountPassword }, Ct)).StatusCode);
            clients.Add(await TestUsers.SignIn(factory, userName, AccountPassword, "/api/auth/account/login"));
            names.Add(userName);
        }
        return (id, [.. clients], [.. names]);
    }

    /// <summary>Issues a notice (or, with <paramref name="decision"/>, a decision) addressed to the counterparty; returns its id and number.</summary>
    public async Task<(string Id, string Number)> IssueAsync(string counterpartyId, string party, bool decision = false, string validityCase = "general")
    {
        object draft = decision
            ? new
            {
                formId = "decision-org", counterpartyId,
                data = new { party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料", validityCase},
            }
            : new { formId = "notice-org", counterpartyId, data = new { party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" } };
        var created = await Officer.PostAsJsonAsync("/api/drafts", draft, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draftId = (await Json(created)).GetProperty("id").GetString();
        var issued = await Officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
        var body = await Json(issued);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("id").GetString()!, body.GetProperty("number").GetString()!);
    }

    public async Task<JsonElement> ServeAsync(string documentId, string? mode = null)
    {
        var response = await Officer.PostAsJsonAsync($"/api/documents/{documentId}/serve", new { mode }, Ct);
        var body = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<Delivery.DeliveryJobResult> RunJobAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Delivery.DeliveryJob>().RunOnceAsync(Ct);
    }

    public T WithDb<T>(Func<SesDbContext, T> read)
    {
        using var scope = factory.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }
}
