using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Counterparties;
using Ses.Service.Evidence;
using UglyToad.PdfPig;

namespace Ses.Service.Tests.Registrations;

/// <summary>
/// A counterparty registers itself (《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条、第三条): SMS code → the
/// pre-filled 确认函 → registration with its scans → the office of its province receives the originals and approves → the
/// contacts' SMS hold the initial passwords → the first sign-in must change the password → an officer serves a document on
/// it electronically at once.
/// </summary>
public sealed partial class RegistrationJourneyTests(RegistrationFixture factory) : IClassFixture<RegistrationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<JsonElement> Json(HttpResponseMessage r) => DeliveryWorld.Json(r);

    [Fact]
    public async Task Register_Approve_SignInWithTheInitialPassword_ChangeIt_AndBeServedElectronically()
    {
        var registrant = new RegistrationWorld(factory);
        var (mobile1, mobile2) = (RegistrationWorld.Mobile(), RegistrationWorld.Mobile());
        var uscc = RegistrationWorld.Uscc();
        var (ops, safety) = (RegistrationWorld.UserName("sxhk"), RegistrationWorld.UserName("sxhk"));

        // The 确认函 pre-filled with the data typed so far: the registrant prints, signs and seals it.
        var letter = await registrant.Anonymous.PostAsJsonAsync("/api/registrations/confirmation-letter", new
        {
            kind = "domestic-legal-person", name = "陕西旅程航空股份有限公司", idScheme = "uscc", idValue = uscc, address = "陕西省西安市西咸新区空港新城机场大道1号",
            contacts = new[]
            {
                new { name = "张三", mobile = mobile1, email = "zhang@example.com" }, new { name = "李四", mobile = mobile2, email = "li@example.com" },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        using (var pdf = PdfDocument.Open(await letter.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains("关于使用民航行业监管执法信息系统", text);
            Assert.Contains("陕西旅程航空股份有限公司", text);
            Assert.Contains(uscc, text);
            Assert.Contains(mobile1, text);
            Assert.Equal(0, pdf.GetPages().Sum(p => p.GetAnnotations().Count()));
        }

        var code = await registrant.CodeAsync(mobile1);
        Assert.Matches(@"^\d{6}$", code);
        Assert.DoesNotContain(registrant.WithDb(db => db.RegistrationCodes.Where(c => c.Mobile == mobile1).Select(c => c.CodeHash).ToList()),
            h => h.Contains(code, StringComparison.Ordinal));
        var request = RegistrationWorld.Domestic(mobile1, mobile2, code, uscc, name: "陕西旅程航空股份有限公司");
        request["accounts"] = new[] { new { userName = ops, department = "运行部" }, new { userName = safety, department = "安全监察部" } };
        var (response, receipt) = await registrant.SubmitAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, receipt.ToString());
        Assert.Equal("xibei", receipt.GetProperty("bureau").GetString());
        Assert.Equal("陕西监管局", receipt.GetProperty("office").GetString());
        var id = receipt.GetProperty("id").GetString()!;
        var token = receipt.GetProperty("token").GetString()!;
        Assert.Contains(registrant.Sms(mobile2), s => s.Contains("已提交", StringComparison.Ordinal) && s.Contains("陕西监管局", StringComparison.Ordinal));
        // The code is used: it does not register a second time.
        var again = RegistrationWorld.Domestic(mobile1, mobile2, code);
        var (reused, reusedBody) = await registrant.SubmitAsync(again);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        RegistrationWorld.Problem(reusedBody, "code", ErrorCodes.RegistrationCodeExpired);

        // The registrant follows it with its token; the stored letter is the same form, filled from the registration.
        var status = await Json(await registrant.Anonymous.GetAsync($"/api/registrations/{id}?token={Uri.EscapeDataString(token)}", Ct));
        Assert.Equal("submitted", status.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await registrant.Anonymous.GetAsync($"/api/registrations/{id}?token=wrong", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await registrant.Anonymous.GetAsync($"/api/registrations/{id}/confirmation-letter?token={Uri.EscapeDataString(token)}", Ct)).StatusCode);

        // The office of 陕西 (an administrator of xibei) sees it in its queue, with its scans.
        var world = await DeliveryWorld.CreateAsync(factory);
        var queue = await Json(await world.Admin.GetAsync("/api/registration-reviews/", Ct));
        Assert.Contains(queue.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        var view = await Json(await world.Admin.GetAsync($"/api/registration-reviews/{id}", Ct));
        var files = view.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["letter", "licence"], files.Select(f => f.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal));
        var letterFile = files.Single(f => f.GetProperty("kind").GetString() == "letter");
        Assert.Equal(RegistrationWorld.Pdf, await world.Admin.GetByteArrayAsync(
            $"/api/registration-reviews/{id}/files/{letterFile.GetProperty("id").GetString()}", Ct));

        // Approval waits for the mailed originals.
        var early = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/approve", new { letterSignedOn = "2026-03-05" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(ErrorCodes.RegistrationOriginalMissing, (await Json(early)).GetProperty("code").GetString());
        var received = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/original-received", new { receivedOn = "2026-03-09" }, Ct);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Contains(registrant.Sms(mobile1), s => s.Contains("收到", StringComparison.Ordinal) && s.Contains("原件", StringComparison.Ordinal));

        var approved = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/approve", new { letterSignedOn = "2026-03-05" }, Ct);
        var approvedBody = await Json(approved);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, approvedBody.ToString());
        Assert.Equal("approved", approvedBody.GetProperty("state").GetString());
        var counterparty = approvedBody.GetProperty("counterpartyId").GetString()!;

        // Both contacts hold the initial passwords of both accounts.
        var passwords = new Dictionary<string, string>();
        foreach (var mobile in new[] { mobile1, mobile2 })
        {
            var sms = registrant.Sms(mobile).Last();
            Assert.Contains("初始密码", sms);
            foreach (var user in new[] { ops, safety })
            {
                var match = Regex.Match(sms, Regex.Escape(user) + @"（[^）]+）初始密码 ([A-Za-z0-9]{16})");
                Assert.True(match.Success, sms);
                passwords[user] = match.Groups[1].Value;
            }
        }

        // The first sign-in must change the password; nothing else works before.
        var first = await TestUsers.SignIn(factory, ops, passwords[ops], "/api/auth/account/login");
        Assert.Equal(HttpStatusCode.Forbidden, (await first.GetAsync("/api/my/counterparty", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = passwords[ops], newPassword = DeliveryWorld.AccountPassword }, Ct)).StatusCode);
        var account = await world.AccountAsync(ops);
        var mine = await Json(await account.GetAsync("/api/my/counterparty", Ct));
        Assert.Equal(uscc, mine.GetProperty("idValue").GetString());
        Assert.Equal("xibei", mine.GetProperty("supervisingBureau").GetString());

        // The verified letter is on record: an officer serves a notice electronically at once.
        var electronic = await Json(await world.Officer.GetAsync($"/api/counterparties/{counterparty}/electronic-service", Ct));
        Assert.True(electronic.GetProperty("possible").GetBoolean(), electronic.ToString());
        Assert.Equal(letterFile.GetProperty("fileSha256").GetString(), electronic.GetProperty("letter").GetProperty("fileSha256").GetString());
        var (document, number) = await world.IssueAsync(counterparty, "陕西旅程航空股份有限公司");
        Assert.Equal("electronic", (await world.ServeAsync(document)).GetProperty("mode").GetString());
        var inbox = await Json(await account.GetAsync("/api/my/deliveries", Ct));
        Assert.Contains(inbox.EnumerateArray(), d => d.GetProperty("number").GetString() == number);

        // Every step is evidence, resting on the letter's scan.
        var events = registrant.WithDb(db => db.EvidenceEntries.Where(e => e.Subject == "注册申请 " + uscc).OrderBy(e => e.Sequence).Select(e => e.Event).ToList());
        Assert.Equal([EvidenceEvents.RegistrationSubmitted, EvidenceEvents.RegistrationOriginalReceived, EvidenceEvents.RegistrationApproved], events);
        Assert.Equal("approved", (await Json(await registrant.Anonymous.GetAsync($"/api/registrations/{id}?token={Uri.EscapeDataString(token)}", Ct)))
            .GetProperty("state").GetString());
    }

    [Fact]
    public async Task AskedForMore_TheRegistrantAmendsWithItsToken_ThenTheOfficeRejects_AndTheIdentifierMayRegisterAgain()
    {
        var registrant = new RegistrationWorld(factory);
        var (request, mobile1, _) = await registrant.NewDomesticAsync();
        var (id, token) = await registrant.SubmittedAsync(request);
        var world = await DeliveryWorld.CreateAsync(factory);

        // Nothing to amend before the office asks.
        var amend = new { token, registration = request };
        var early = await registrant.Anonymous.PutAsJsonAsync($"/api/registrations/{id}", amend, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(ErrorCodes.RegistrationState, (await Json(early)).GetProperty("code").GetString());

        var more = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/request-more", new { reason = "确认函未加盖公章" }, Ct);
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        Assert.Contains(registrant.Sms(mobile1), s => s.Contains("确认函未加盖公章", StringComparison.Ordinal));

        // A wrong token finds nothing; the right one amends it with a new letter (the licence uploaded before is kept).
        Assert.Equal(HttpStatusCode.NotFound,
            (await registrant.Anonymous.PutAsJsonAsync($"/api/registrations/{id}", new { token = "wrong", registration = request }, Ct)).StatusCode);
        request["licence"] = null;
        request["letter"] = RegistrationWorld.File("确认函（盖章）.png", RegistrationWorld.Png);
        var amended = await registrant.Anonymous.PutAsJsonAsync($"/api/registrations/{id}", new { token, registration = request }, Ct);
        Assert.True(amended.StatusCode == HttpStatusCode.OK, (await Json(amended)).ToString());
        var view = await Json(await world.Admin.GetAsync($"/api/registration-reviews/{id}", Ct));
        Assert.Equal("submitted", view.GetProperty("state").GetString());
        var current = view.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("current").GetBoolean())
            .ToDictionary(f => f.GetProperty("kind").GetString()!, f => f.GetProperty("fileName").GetString()!);
        Assert.Equal("确认函（盖章）.png", current["letter"]);
        Assert.Equal("营业执照.pdf", current["licence"]);

        var rejected = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/reject", new { reason = "营业执照已过期" }, Ct);
        Assert.Equal("rejected", (await Json(rejected)).GetProperty("state").GetString());
        Assert.Contains(registrant.Sms(mobile1), s => s.Contains("营业执照已过期", StringComparison.Ordinal));
        var twice = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/reject", new { reason = "重复" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // Rejected, the identifier is free for a new registration.
        var (retry, _, _) = await registrant.NewDomesticAsync((string)request["idValue"]!);
        await registrant.SubmittedAsync(retry);
    }

    [Fact]
    public async Task AnAccountNameTakenBeforeApproval_RefusesTheWholeApproval_NothingIsRegistered()
    {
        var registrant = new RegistrationWorld(factory);
        var (request, _, taken) = await registrant.NewDomesticAsync();
        var (id, _) = await registrant.SubmittedAsync(request);
        var world = await DeliveryWorld.CreateAsync(factory);
        await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/original-received", new { receivedOn = "2026-03-09" }, Ct);
        // Meanwhile a staff member gets the name the registration asked for.
        registrant.WithDb(db =>
        {
            db.StaffUsers.Add(new StaffUser
            {
                Id = Guid.NewGuid(), UserName = taken, DisplayName = taken, Role = StaffRole.Officer, Bureau = "xibei", PasswordHash = Passwords.Hash("x"),
            });
            return db.SaveChanges();
        });
        var counts = registrant.WithDb(db =>
            (db.Counterparties.Count(), db.CounterpartyAccounts.Count(), db.ConsentLetters.Count(), db.EvidenceEntries.Count()));

        var refused = await world.Admin.PostAsJsonAsync($"/api/registration-reviews/{id}/approve", new { letterSignedOn = "2026-03-05" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(ErrorCodes.AccountExists, (await Json(refused)).GetProperty("code").GetString());
        Assert.Equal(counts,
            registrant.WithDb(db => (db.Counterparties.Count(), db.CounterpartyAccounts.Count(), db.ConsentLetters.Count(), db.EvidenceEntries.Count())));
        Assert.Equal("submitted", (await Json(await world.Admin.GetAsync($"/api/registration-reviews/{id}", Ct))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AnotherBureausAdministrator_NeitherSeesNorDecides_AndOfficersCannotReview()
    {
        var registrant = new RegistrationWorld(factory);
        var (id, _) = await registrant.SubmittedAsync((await registrant.NewDomesticAsync()).Request);
        var huadong = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huadong", StaffRole.Admin));
        Assert.DoesNotContain((await Json(await huadong.GetAsync("/api/registration-reviews/", Ct))).EnumerateArray(),
            r => r.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await huadong.GetAsync($"/api/registration-reviews/{id}", Ct)).StatusCode);
        foreach (var step in new[] { "original-received", "approve", "reject", "request-more" })
        {
            var answer = await huadong.PostAsJsonAsync($"/api/registration-reviews/{id}/{step}",
                new { receivedOn = "2026-03-09", letterSignedOn = "2026-03-05", reason = "不属于本局" }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/registration-reviews/{id}", Ct)).StatusCode);
        Assert.Equal("submitted", registrant.WithDb(db => db.Registrations.Single(r => r.Id == Guid.Parse(id)).State));
    }

    [Fact]
    public async Task AForeignAirline_BelongsToTheBureauThatApprovedItsOperationsSpecifications()
    {
        var registrant = new RegistrationWorld(factory);
        var mobile = RegistrationWorld.Mobile();
        var request = RegistrationWorld.Domestic(mobile, RegistrationWorld.Mobile(), await registrant.CodeAsync(mobile));
        var code = "K" + (char)('A' + Random.Shared.Next(26));
        (request["kind"], request["idScheme"], request["idValue"], request["name"]) = ("foreign", "airline", code, "测试外国航空公司");
        (request["address"], request["approvingBureau"], request["licence"]) = ("Seoul, Korea", "huadong", null);
        var (id, _) = await registrant.SubmittedAsync(request);
        var stored = registrant.WithDb(db => db.Registrations.Single(r => r.Id == Guid.Parse(id)));
        Assert.Equal(("huadong", "民航华东地区管理局"), (stored.Bureau, stored.Office));
    }

    [Fact]
    public async Task TheSuggestedAccountName_IsPinyinInitialsAndDepartmentInitials()
    {
        var client = factory.CreateClient();
        var answer = await Json(await client.GetAsync(
            $"/api/registrations/account-name?name={Uri.EscapeDataString("中国南方航空股份有限公司")}&department={Uri.EscapeDataString("运行部")}", Ct));
        Assert.Equal("nfhk_yxb", answer.GetProperty("userName").GetString());
        var english = await Json(await client.GetAsync($"/api/registrations/account-name?name=CEAIR&department={Uri.EscapeDataString("安全监察部")}", Ct));
        Assert.Equal("ceair_aqjcb", english.GetProperty("userName").GetString());
        Assert.Null(CounterpartyRules.CheckAccountName(english.GetProperty("userName").GetString()));
    }
}
