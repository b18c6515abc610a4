using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Consent;

/// <summary>
/// Electronic service rests on the counterparty's verified confirmation letter (注册通知第二条第（三）项、第（四）项): without it a
/// document is served on paper, asking for electronic service is refused before anything is stored, and the delivery
/// certificate cites the letter it rested on.
/// </summary>
public sealed class ConsentLetterTests : IDisposable
{
    // Monday 9 March 2026, 10:00 Beijing time.
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 3, 9, 10));
    private readonly DevelopmentServiceFactory _factory;

    public ConsentLetterTests() => _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-consent-").FullName, owns: true, _clock);

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await DeliveryWorld.Json(r);

    private static object Letter(string name, byte[] content, string signedOn = "2026-03-02") =>
        new { signedOn, file = new { name, base64 = Convert.ToBase64String(content) } };

    private static void Problem(JsonElement body, string field, string code) =>
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == field
            && p.GetProperty("code").GetString() == code && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));

    [Fact]
    public async Task WithoutALetter_ServedOnPaper_ElectronicRefusedAndNothingStored_ThenTheVerifiedLetterIsCitedOnTheCertificate()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("未核验确认函航空", letter: false);
        var status = await Json(await world.Officer.GetAsync($"/api/counterparties/{cp}/electronic-service", Ct));
        Assert.False(status.GetProperty("possible").GetBoolean());
        Assert.Equal(ErrorCodes.ServeNoConsent, status.GetProperty("code").GetString());

        // Asked for, electronic service is refused with the code and the reason; no delivery is stored.
        var (doc, _) = await world.IssueAsync(cp, "未核验确认函航空");
        var refused = await world.Officer.PostAsJsonAsync($"/api/documents/{doc}/serve", new { mode = "electronic" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Problem(await Json(refused), "mode", ErrorCodes.ServeNoConsent);
        Assert.Equal(0, world.WithDb(db => db.Deliveries.Count(d => d.DocumentId == Guid.Parse(doc))));

        // Not asked for, the document is served on paper, and the officer is told why.
        var paper = await world.ServeAsync(doc);
        Assert.Equal("paper", paper.GetProperty("mode").GetString());
        Assert.Contains("确认函", paper.GetProperty("paperOnlyReason").GetString());

        // The administrator records the verified letter: the next document is served electronically, resting on it.
        var letter = await DeliveryWorld.VerifyLetterAsync(world.Admin, cp, "2026-03-02");
        var sha = letter.GetProperty("fileSha256").GetString()!;
        Assert.True((await Json(await world.Officer.GetAsync($"/api/counterparties/{cp}/electronic-service", Ct))).GetProperty("possible").GetBoolean());
        var (doc2, _) = await world.IssueAsync(cp, "未核验确认函航空");
        var served = await world.ServeAsync(doc2);
        Assert.Equal("electronic", served.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, served.GetProperty("paperOnlyReason").ValueKind);

        var certificate = await world.Legal.GetByteArrayAsync($"/api/deliveries/{served.GetProperty("id").GetString()}/certificate", Ct);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(certificate);
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("电子送达的依据", text);
        Assert.Contains(sha, text);
        Assert.Contains("2026年3月2日", text);
        // The paper-only delivery's certificate has no such basis.
        var paperCertificate = await world.Legal.GetByteArrayAsync($"/api/deliveries/{paper.GetProperty("id").GetString()}/certificate", Ct);
        using var paperPdf = UglyToad.PdfPig.PdfDocument.Open(paperCertificate);
        Assert.DoesNotContain("电子送达的依据", string.Concat(string.Concat(paperPdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c))));

        // The letter is an evidence entry holding the scan's hash.
        Assert.Equal(1, world.WithDb(db => db.EvidenceEntries.Count(e => e.Action == "consent-verified" && e.PdfSha256 == sha)));
    }

    [Fact]
    public async Task AWithdrawnLetter_StopsElectronicService_AndTheHistoryKeepsBothLetters()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("撤销确认函航空");
        _clock.Now = _clock.Now.AddMinutes(5);
        var second = await DeliveryWorld.VerifyLetterAsync(world.Admin, cp, "2026-03-06");

        var empty = await world.Admin.PostAsJsonAsync($"/api/counterparties/{cp}/consent-letters/withdraw", new { reason = "" }, Ct);
        Problem(await Json(empty), "reason", ErrorCodes.FieldRequired);
        var withdrawn = await world.Admin.PostAsJsonAsync($"/api/counterparties/{cp}/consent-letters/withdraw", new { reason = "相对人书面撤回同意" }, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var again = await world.Admin.PostAsJsonAsync($"/api/counterparties/{cp}/consent-letters/withdraw", new { reason = "重复" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ErrorCodes.ConsentNone, (await Json(again)).GetProperty("code").GetString());

        var history = (await Json(await world.Admin.GetAsync($"/api/counterparties/{cp}/consent-letters", Ct))).EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, l => Assert.False(l.GetProperty("inForce").GetBoolean()));
        Assert.Equal(second.GetProperty("id").GetString(), history[0].GetProperty("id").GetString());
        Assert.Equal("相对人书面撤回同意", history[0].GetProperty("endReason").GetString());
        Assert.Equal("已由新的确认函取代", history[1].GetProperty("endReason").GetString());
        // Times in Beijing time, as every API time (README).
        Assert.All(history, l => Assert.EndsWith("+08:00", l.GetProperty("verifiedAt").GetString()));
        Assert.All(history, l => Assert.EndsWith("+08:00", l.GetProperty("endedAt").GetString()));

        var (doc, _) = await world.IssueAsync(cp, "撤销确认函航空");
        var refused = await world.Officer.PostAsJsonAsync($"/api/documents/{doc}/serve", new { mode = "both" }, Ct);
        Problem(await Json(refused), "mode", ErrorCodes.ServeNoConsent);

        // The scan is kept as verified.
        var file = await world.Admin.GetAsync($"/api/counterparties/{cp}/consent-letters/{history[1].GetProperty("id").GetString()}/file", Ct);
        Assert.Equal(DeliveryWorld.LetterScan, await file.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task BadLetters_AreRefusedWithTheField_AndNothingIsStored()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("材料错误航空", letter: false);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var cases = new (object Body, string Field, string Code)[]
        {
            (Letter("确认函.pdf", png), "file.base64", ErrorCodes.ConsentFileContent),
            (Letter("确认函.docx", DeliveryWorld.LetterScan), "file.name", ErrorCodes.ConsentFileType),
            (Letter("确认函.pdf", [.. DeliveryWorld.LetterScan, .. new byte[10 * 1024 * 1024]]), "file.base64", ErrorCodes.ConsentFileSize),
            (Letter("确认函.pdf", DeliveryWorld.LetterScan, "2026-03-10"), "signedOn", ErrorCodes.ConsentDateInFuture),
            (new { signedOn = "2026-03-02" }, "file", ErrorCodes.ConsentFileEmpty),
        };
        foreach (var (body, field, code) in cases)
        {
            var response = await world.Admin.PostAsJsonAsync($"/api/counterparties/{cp}/consent-letters", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Problem(await Json(response), field, code);
        }
        Assert.Empty((await Json(await world.Admin.GetAsync($"/api/counterparties/{cp}/consent-letters", Ct))).EnumerateArray());
        Assert.Equal(0, world.WithDb(db => db.EvidenceEntries.Count(e => e.Action == "consent-verified")));
    }

    [Fact]
    public async Task OnlyTheSupervisingBureausAdministrators_RecordLetters()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await world.CounterpartyAsync("隔离测试航空", letter: false);
        var body = Letter("确认函.pdf", DeliveryWorld.LetterScan);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"/api/counterparties/{cp}/consent-letters", body, Ct)).StatusCode);
        var other = await TestUsers.SignIn(_factory, TestUsers.Create(_factory, "huadong", StaffRole.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/counterparties/{cp}/consent-letters", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/counterparties/{cp}/electronic-service", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/counterparties/{cp}/consent-letters", Ct)).StatusCode);
        var account = await world.AccountAsync(world.WithDb(db => db.CounterpartyAccounts.First(a => a.CounterpartyId == Guid.Parse(cp)).UserName));
        Assert.Equal(HttpStatusCode.Forbidden, (await account.GetAsync($"/api/counterparties/{cp}/consent-letters", Ct)).StatusCode);
        Assert.Equal(0, world.WithDb(db => db.ConsentLetters.Count(l => l.CounterpartyId == Guid.Parse(cp))));
    }

    [Fact]
    public async Task APersonWithoutAnAccount_IsServedOnPaper_InsteadOfFailing()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var created = await world.Admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "individual", name = "赵某", idScheme = "id", idValue = "610113197805120038", address = "西安市",
            contacts = new[]
            {
                new { name = "赵某", mobile = "13800000021", email = (string?)null }, new { name = "钱某", mobile = "13800000022", email = (string?)null },
            },
        }, Ct);
        var body = await Json(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        var person = body.GetProperty("id").GetString()!;
        var status = await Json(await world.Officer.GetAsync($"/api/counterparties/{person}/electronic-service", Ct));
        Assert.Equal(ErrorCodes.ServeNoAccount, status.GetProperty("code").GetString());
        var (doc, _) = await world.IssueAsync(person, "赵某");
        var served = await world.ServeAsync(doc);
        Assert.Equal("paper", served.GetProperty("mode").GetString());
        Assert.Contains("账号", served.GetProperty("paperOnlyReason").GetString());
    }

    [Fact]
    public async Task ACaseDecision_ForACounterpartyWithoutALetter_IsRefusedBothWaysBeforeANumber_AndServedOnPaper()
    {
        var world = await CaseWorld.CreateAsync(_factory, "xibei");
        Assert.Equal(HttpStatusCode.OK, (await world.Delivery.Admin.PostAsJsonAsync($"/api/counterparties/{world.Counterparty}/consent-letters/withdraw",
            new { reason = "确认函原件与扫描件不一致" }, Ct)).StatusCode);
        var id = await world.OpenAsync(decisionDate: "2026-03-02", actDate: "2026-03-02");
        var path = $"/api/cases/{id}";
        await CaseWorld.Step(world.Officer, $"{path}/collection", new { legalRepresentative = new { name = "周某", idValue = "610113197805120038" } });
        await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        await CaseWorld.Refused(world.Officer, $"{path}/notice", new { mode = "electronic" }, HttpStatusCode.BadRequest, ErrorCodes.ServeNoConsent, "mode");
        Assert.Equal(0, world.Delivery.WithDb(db => db.IssuedDocuments.Count(d => d.CounterpartyId == Guid.Parse(world.Counterparty))));
        await CaseWorld.Step(world.Officer, $"{path}/notice", new { });
        await CaseWorld.Step(world.Officer, $"{path}/statement", new { text = "对认定有异议。" });
        await CaseWorld.Step(world.Officer, $"{path}/statement-review", new { adopted = false, reason = "理由不成立" });
        await CaseWorld.Step(world.Officer, $"{path}/meeting", new { minutes = "%PDF-1.7\n% minutes\n"u8.ToArray() });
        var issued = world.Delivery.WithDb(db => db.IssuedDocuments.Count());
        await CaseWorld.Refused(world.Officer, $"{path}/decision", new { mode = "both" }, HttpStatusCode.BadRequest, ErrorCodes.ServeNoConsent, "mode");
        Assert.Equal(issued, world.Delivery.WithDb(db => db.IssuedDocuments.Count()));
        var view = await CaseWorld.Step(world.Officer, $"{path}/decision", new { });
        var delivery = await world.DeliveryOfAsync(view, "decision");
        Assert.Equal("paper", world.Delivery.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(delivery)).Electronic ? "electronic" : "paper"));
    }
}
