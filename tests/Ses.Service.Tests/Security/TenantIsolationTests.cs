using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Tenants and parties stay apart: a draft is addressed only to a counterparty the officer's bureau supervises and
/// corrects only the bureau's own documents (refused exactly like an unknown id, so nothing leaks); the party printed
/// on a document is the registered counterparty; officers find their bureau's counterparties, and only those.
/// </summary>
public sealed class TenantIsolationTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> SignedIn(string bureau, string role) => TestUsers.SignIn(factory, TestUsers.Create(factory, bureau, role));

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static readonly string[] Contacts = ["13800000021", "13800000022"];

    /// <summary>A counterparty registered by an administrator of <paramref name="bureau"/>.</summary>
    private async Task<string> CounterpartyAsync(string bureau, string name, string kind = "foreign", string scheme = "licence", string? idValue = null)
    {
        var admin = await SignedIn(bureau, StaffRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind, name, idScheme = scheme, idValue = idValue ?? ("LIC" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()), address = "",
            contacts = Contacts.Select((m, i) => new { name = $"联系人{i}", mobile = m, email = (string?)null }).ToArray(),
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return Str(await Json(created), "id")!;
    }

    private static object Notice(string? party, string? counterpartyId, string? replaces = null) => new
    {
        formId = "notice-org", counterpartyId, replaces,
        data = new Dictionary<string, string?> { ["party"] = party, ["actDate"] = "2026-03-02", ["actDescription"] = "在申请许可过程中提交虚假材料" }
            .Where(kv => kv.Value is not null).ToDictionary(),
    };

    private static JsonElement OnlyProblem(JsonElement body) => Assert.Single(body.GetProperty("problems").EnumerateArray());

    [Fact]
    public async Task Draft_ForAnotherBureausCounterparty_IsRefusedLikeAnUnknownOne_OnCreateUpdateAndIssue()
    {
        var xibeiParty = await CounterpartyAsync("xibei", "西北监管的航空公司");
        var huadongParty = await CounterpartyAsync("huadong", "华东监管的航空公司");
        var huadong = await SignedIn("huadong", StaffRole.Officer);

        var crossBureau = await huadong.PostAsJsonAsync("/api/drafts", Notice(null, xibeiParty), Ct);
        var unknown = await huadong.PostAsJsonAsync("/api/drafts", Notice(null, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, crossBureau.StatusCode);
        var problem = OnlyProblem(await Json(crossBureau));
        Assert.Equal(("counterpartyId", "counterparty.unknown"), (Str(problem, "field"), Str(problem, "code")));
        Assert.Equal(problem.GetRawText(), OnlyProblem(await Json(unknown)).GetRawText()); // the same answer: nothing leaks

        // Changing an own draft to another bureau's counterparty is refused the same way.
        var draft = await Json(await huadong.PostAsJsonAsync("/api/drafts", Notice(null, huadongParty), Ct));
        var update = await huadong.PutAsJsonAsync($"/api/drafts/{Str(draft, "id")}",
            new { data = draft.GetProperty("data"), version = draft.GetProperty("version").GetInt32(), counterpartyId = xibeiParty }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Equal("counterparty.unknown", Str(OnlyProblem(await Json(update)), "code"));

        // A counterparty that moved to another bureau after the draft was saved: issuing refuses, no number is taken.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            await db.Counterparties.Where(c => c.Id == Guid.Parse(huadongParty)).ExecuteUpdateAsync(s => s.SetProperty(c => c.SupervisingBureau, "xibei"), Ct);
        }
        var issue = await huadong.PostAsync($"/api/drafts/{Str(draft, "id")}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, issue.StatusCode);
        Assert.Equal("counterparty.unknown", Str(OnlyProblem(await Json(issue)), "code"));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            Assert.False(await db.IssuedDocuments.AnyAsync(d => d.DraftId == Guid.Parse(Str(draft, "id")!), Ct));
        }
    }

    [Fact]
    public async Task Draft_ReplacingAnotherBureausDocument_IsRefusedLikeAnUnknownOne()
    {
        var xibei = await SignedIn("xibei", StaffRole.Officer);
        var xibeiParty = await CounterpartyAsync("xibei", "被更正文书的相对人");
        var original = await Json(await xibei.PostAsJsonAsync("/api/drafts", Notice(null, xibeiParty), Ct));
        var issued = await xibei.PostAsync($"/api/drafts/{Str(original, "id")}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var documentId = Str(await Json(issued), "id")!;

        var huadong = await SignedIn("huadong", StaffRole.Officer);
        var crossBureau = await huadong.PostAsJsonAsync("/api/drafts", Notice("某公司", null, documentId), Ct);
        var unknown = await huadong.PostAsJsonAsync("/api/drafts", Notice("某公司", null, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, crossBureau.StatusCode);
        var problem = OnlyProblem(await Json(crossBureau));
        Assert.Equal(("replaces", "document.unknown"), (Str(problem, "field"), Str(problem, "code")));
        Assert.Equal(problem.GetRawText(), OnlyProblem(await Json(unknown)).GetRawText());

        // The bureau's own document may be replaced.
        var own = await xibei.PostAsJsonAsync("/api/drafts", Notice(null, xibeiParty, documentId), Ct);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(documentId, Str(await Json(own), "replaces"));
    }

    [Fact]
    public async Task Party_ComesFromTheRegisteredCounterparty_EmptyIsFilled_ADifferentNameIsRefused()
    {
        var ceair = await CounterpartyAsync("xibei", "中国东方航空股份有限公司（测试）");
        var officer = await SignedIn("xibei", StaffRole.Officer);

        // A notice typed for 国泰 but addressed to 东航: refused, nothing stored.
        var wrong = await officer.PostAsJsonAsync("/api/drafts", Notice("国泰航空有限公司", ceair), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = OnlyProblem(await Json(wrong));
        Assert.Equal(("party", "party.mismatch"), (Str(problem, "field"), Str(problem, "code")));
        Assert.Contains("中国东方航空股份有限公司（测试）", Str(problem, "message"));

        // Empty: filled from the record; the same name in half-width brackets is the same name.
        var filled = await Json(await officer.PostAsJsonAsync("/api/drafts", Notice(null, ceair), Ct));
        Assert.Equal("中国东方航空股份有限公司（测试）", filled.GetProperty("data").GetProperty("party").GetString());
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/drafts", Notice("中国东方航空股份有限公司(测试)", ceair), Ct)).StatusCode);

        // Changing the name afterwards is refused too.
        var update = await officer.PutAsJsonAsync($"/api/drafts/{Str(filled, "id")}", new
        {
            data = new { party = "国泰航空有限公司", actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" },
            version = filled.GetProperty("version").GetInt32(),
        }, Ct);
        Assert.Equal("party.mismatch", Str(OnlyProblem(await Json(update)), "code"));

        // Issued: the printed party and the register's are the counterparty's.
        var issued = await officer.PostAsync($"/api/drafts/{Str(filled, "id")}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.Equal("中国东方航空股份有限公司（测试）", Str(await Json(issued), "party"));
    }

    [Fact]
    public async Task PartyIdentifier_ComesFromTheRegisteredCounterparty()
    {
        var org = await CounterpartyAsync("xibei", "标识测试有限公司", "domestic-legal-person", "uscc", "91610131MA6W8K2R9T");
        var officer = await SignedIn("xibei", StaffRole.Officer);
        object Collection(string? orgId) => new
        {
            formId = "collection-org", counterpartyId = org,
            data = new Dictionary<string, object?> { ["orgId"] = orgId, ["facts"] = "提交虚假材料" }.Where(kv => kv.Value is not null).ToDictionary(),
        };

        var wrong = await officer.PostAsJsonAsync("/api/drafts", Collection("9144030071526726XG"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = OnlyProblem(await Json(wrong));
        Assert.Equal(("orgId", "party.id-mismatch"), (Str(problem, "field"), Str(problem, "code")));

        var filled = await Json(await officer.PostAsJsonAsync("/api/drafts", Collection(null), Ct));
        var data = filled.GetProperty("data");
        Assert.Equal("标识测试有限公司", data.GetProperty("orgName").GetString());
        Assert.Equal(("uscc", "91610131MA6W8K2R9T"), (Str(data.GetProperty("orgId"), "scheme"), Str(data.GetProperty("orgId"), "value")));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/drafts", Collection("91610131ma6w8k2r9t"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Counterparties_OfficersAndLegalFindTheirBureausByNameOrIdentifier_WithoutContacts_NeverAnotherBureaus()
    {
        var own = await CounterpartyAsync("xibei", "检索测试航空甲", idValue: "SRCH" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        await CounterpartyAsync("huadong", "检索测试航空乙");
        var officer = await SignedIn("xibei", StaffRole.Officer);

        var byName = await officer.GetAsync("/api/counterparties?q=" + Uri.EscapeDataString("检索测试航空"), Ct);
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        var found = Assert.Single((await Json(byName)).EnumerateArray());
        Assert.Equal((own, "检索测试航空甲", "许可证件号"), (Str(found, "id"), Str(found, "name"), Str(found, "idSchemeLabel")));
        Assert.False(found.TryGetProperty("contacts", out _)); // an officer needs who, not the contacts' mobiles
        Assert.DoesNotContain(Contacts[0], found.GetRawText());

        var idValue = Str(found, "idValue")!;
        var byId = await Json(await officer.GetAsync("/api/counterparties?q=" + idValue[..8].ToLowerInvariant(), Ct));
        Assert.Equal(own, Str(Assert.Single(byId.EnumerateArray()), "id"));

        var legal = await SignedIn("xibei", StaffRole.Legal);
        var seenByLegal = await Json(await legal.GetAsync("/api/counterparties?q=" + Uri.EscapeDataString("检索测试"), Ct));
        Assert.Equal(own, Str(Assert.Single(seenByLegal.EnumerateArray()), "id"));
        var huadongOfficer = await SignedIn("huadong", StaffRole.Officer);
        Assert.DoesNotContain((await Json(await huadongOfficer.GetAsync("/api/counterparties?q=" + idValue, Ct))).EnumerateArray(), c => Str(c, "id") == own);

        // Administrators still see the contacts; the rest of the counterparty routes stay theirs.
        var admin = await SignedIn("xibei", StaffRole.Admin);
        var full = (await Json(await admin.GetAsync("/api/counterparties?q=" + Uri.EscapeDataString("检索测试航空甲"), Ct))).EnumerateArray().Single();
        Assert.Equal(2, full.GetProperty("contacts").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/counterparties/{own}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/counterparties", new { }, Ct)).StatusCode);
    }
}
