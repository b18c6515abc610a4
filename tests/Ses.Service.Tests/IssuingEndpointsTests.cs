using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Counterparties;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>Officers' drafts, issuing, voiding and the register over HTTP, with sign-in, lockout and bureau isolation.</summary>
public sealed class IssuingEndpointsTests : IClassFixture<ServiceFixture>
{
    private const string Password = TestUsers.Password;
    private readonly ServiceFixture _factory;

    public IssuingEndpointsTests(ServiceFixture factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string NewUser(string bureau, string role, bool mustChange = false) => TestUsers.Create(_factory, bureau, role, mustChange);

    private Task<HttpClient> SignedIn(string user, string password = Password) => TestUsers.SignIn(_factory, user, password);

    private static object NoticeDraft(string party = "西安某某航空服务有限公司") => new
    {
        formId = "notice-org",
        data = new { party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" },
    };

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Officer_DraftPreviewIssueVoid_ShowsInTheRegisterWithItsNumber()
    {
        var officer = await SignedIn(NewUser("xibei", StaffRole.Officer));
        var created = await officer.PostAsJsonAsync("/api/drafts", NoticeDraft("登记簿测试公司"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draftId = (await Json(created)).GetProperty("id").GetString();

        var preview = await officer.GetAsync($"/api/drafts/{draftId}/preview", Ct);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType?.MediaType);

        var issued = await officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var document = await Json(issued);
        var number = document.GetProperty("number").GetString()!;
        Assert.Matches(@"^西北局信告字〔\d{4}〕\d+号$", number);
        Assert.EndsWith("+08:00", document.GetProperty("issuedAt").GetString());
        var id = document.GetProperty("id").GetString();

        var pdf = await officer.GetByteArrayAsync($"/api/documents/{id}/pdf", Ct);
        Assert.Contains("/SubFilter/ETSI.CAdES.detached", Encoding.Latin1.GetString(pdf));

        var again = await officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("draft.issued", (await Json(again)).GetProperty("code").GetString());

        var voided = await officer.PostAsJsonAsync($"/api/documents/{id}/void", new { reason = "送达对象有误" }, Ct);
        Assert.Equal("voided", (await Json(voided)).GetProperty("status").GetString());

        var register = await Json(await officer.GetAsync("/api/register?series=信告", Ct));
        var row = register.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal(number, row.GetProperty("number").GetString());
        Assert.Equal("voided", row.GetProperty("status").GetString());
        Assert.Equal("登记簿测试公司", row.GetProperty("party").GetString());

        var csv = await officer.GetByteArrayAsync("/api/register/csv?series=信告", Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("文号,表单,相对人,承办人,签发时间（北京时间）,状态,作废理由", text);
        Assert.Contains($"{number},民航行业严重失信行为认定告知书（组织）,登记簿测试公司,", text); // the form's title, not its id
        Assert.DoesNotContain("notice-org", text);
        Assert.Contains("已作废,送达对象有误", text);
    }

    [Fact]
    public async Task Issue_AnActOrSigningDateAfterTheDayOfIssue_IsRefusedByField_AndTakesNoNumber()
    {
        var officer = await SignedIn(NewUser("xibei", StaffRole.Officer));
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var later = today.AddDays(400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<SesDbContext>().IssuedDocuments.Count();
        foreach (var (field, data) in new (string, object)[]
        {
            ("actDate", new { party = "未来日期测试公司", actDate = later, actDescription = "在申请许可过程中提交虚假材料" }),
            ("signDate", new { party = "未来日期测试公司", actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料", signDate = later }),
        })
        {
            var created = await officer.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var draftId = (await Json(created)).GetProperty("id").GetString();
            var refused = await officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = Assert.Single((await Json(refused)).GetProperty("problems").EnumerateArray());
            Assert.Equal((field, "field.date.after-issue"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
            Assert.Contains("晚于签发之日", problem.GetProperty("message").GetString());
            Assert.DoesNotContain(field, problem.GetProperty("message").GetString());
            // The preview says the same before anything is issued.
            Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync($"/api/drafts/{draftId}/preview", Ct)).StatusCode);
        }
        Assert.Equal(before, _factory.Services.CreateScope().ServiceProvider.GetRequiredService<SesDbContext>().IssuedDocuments.Count());
    }

    [Fact]
    public async Task OtherBureau_CannotSeeOrTouchTheDraftOrTheDocument_404NotALeak()
    {
        var xibei = await SignedIn(NewUser("xibei", StaffRole.Officer));
        var huadong = await SignedIn(NewUser("huadong", StaffRole.Officer));
        var draftId = (await Json(await xibei.PostAsJsonAsync("/api/drafts", NoticeDraft("隔离测试公司"), Ct))).GetProperty("id").GetString();
        var documentId = (await Json(await xibei.PostAsync($"/api/drafts/{draftId}/issue", null, Ct))).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await huadong.GetAsync($"/api/drafts/{draftId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.PostAsync($"/api/drafts/{draftId}/issue", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.GetAsync($"/api/documents/{documentId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.GetAsync($"/api/documents/{documentId}/pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.PostAsJsonAsync($"/api/documents/{documentId}/void", new { reason = "x" }, Ct)).StatusCode);
        var register = await Json(await huadong.GetAsync("/api/register", Ct));
        Assert.DoesNotContain(register.EnumerateArray(), r => r.GetProperty("id").GetString() == documentId);
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.GetAsync($"/api/documents/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Legal_ReadsTheRegisterButCannotDraft()
    {
        var legal = await SignedIn(NewUser("xibei", StaffRole.Legal));
        Assert.Equal(HttpStatusCode.Forbidden, (await legal.PostAsJsonAsync("/api/drafts", NoticeDraft(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync("/api/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/register", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/drafts", NoticeDraft(), Ct)).StatusCode);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheUserEvenForTheRightOne()
    {
        var user = NewUser("xibei", StaffRole.Officer);
        var client = _factory.CreateClient();
        for (var i = 0; i < Passwords.MaxFailures; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = user, password = "wrong" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var locked = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = user, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Equal("auth.locked", (await Json(locked)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Login_UnknownUser_GetsTheSameAnswerAsAWrongPassword()
    {
        var client = _factory.CreateClient();
        var unknown = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = "nobody_here", password = "x" }, Ct);
        var wrong = await client.PostAsJsonAsync("/api/auth/staff/login", new { userName = NewUser("xibei", StaffRole.Officer), password = "x" }, Ct);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal((await Json(unknown)).GetProperty("code").GetString(), (await Json(wrong)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task InitialPassword_MustBeChangedBeforeAnythingElse()
    {
        var user = NewUser("xibei", StaffRole.Officer, mustChange: true);
        var client = await SignedIn(user);
        var refused = await client.GetAsync("/api/register", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("password.change-required", (await Json(refused)).GetProperty("code").GetString());

        var weak = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "short" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "New-Passw0rd-2026" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        var again = await SignedIn(user, "New-Passw0rd-2026");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task Draft_EditWithAStaleVersionOrAfterIssuing_IsAConflict()
    {
        var officer = await SignedIn(NewUser("xibei", StaffRole.Officer));
        var draft = await Json(await officer.PostAsJsonAsync("/api/drafts", NoticeDraft(), Ct));
        var id = draft.GetProperty("id").GetString();
        var data = draft.GetProperty("data");
        var ok = await officer.PutAsJsonAsync($"/api/drafts/{id}", new { data, version = 1 }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await officer.PutAsJsonAsync($"/api/drafts/{id}", new { data, version = 1 }, Ct);
        Assert.Equal("draft.version", (await Json(stale)).GetProperty("code").GetString());
        await officer.PostAsync($"/api/drafts/{id}/issue", null, Ct);
        var frozen = await officer.PutAsJsonAsync($"/api/drafts/{id}", new { data, version = 3 }, Ct);
        Assert.Equal("draft.issued", (await Json(frozen)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cookie_SignInWorksForTheBrowser()
    {
        var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync(
            "/api/auth/staff/login?cookie=true", new { userName = NewUser("xibei", StaffRole.Legal), password = Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task Draft_AddressedToARegisteredCounterparty_IsRegisteredUnderItsName()
    {
        var counterpartyId = Guid.NewGuid();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            db.Counterparties.Add(new Counterparty
            {
                Id = counterpartyId, Kind = "foreign", Name = "登记相对人航空", IdScheme = "airline",
                IdValue = "Q" + (char)('A' + Random.Shared.Next(26)),
                SupervisingBureau = "xibei", Contact1Name = "甲", Contact1Mobile = "13800000001", Contact2Name = "乙", Contact2Mobile = "13800000002",
            });
            db.SaveChanges();
        }
        var officer = await SignedIn(NewUser("xibei", StaffRole.Officer));
        var unknown = await officer.PostAsJsonAsync(
            "/api/drafts", new { formId = "notice-org", data = new { party = "x" }, counterpartyId = Guid.NewGuid() }, Ct);
        Assert.Equal("counterparty.unknown", (await Json(unknown)).GetProperty("problems")[0].GetProperty("code").GetString());

        var draft = await Json(await officer.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org", counterpartyId,
            data = new { party = "登记相对人航空", actDate = "2025-01-06", actDescription = "提交虚假材料" },
        }, Ct));
        var document = await Json(await officer.PostAsync($"/api/drafts/{draft.GetProperty("id").GetString()}/issue", null, Ct));
        Assert.Equal(counterpartyId.ToString(), document.GetProperty("counterpartyId").GetString());
        Assert.Equal("登记相对人航空", document.GetProperty("party").GetString());
    }
}
