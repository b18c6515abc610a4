using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;
using Ses.Documents;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Signing;

namespace Ses.Service.Tests.Security;

/// <summary>
/// The bureau's key signs only what is issued: the render route is for signed-in, active staff of the bureau and
/// answers unsigned, unnumbered drafts marked 「样稿」; /tsa is not open to the world; each document is sealed with its
/// own bureau's key, and a bureau without one is refused before a number is taken; a counterparty's form is never
/// issued; an empty 成文日期 is the Beijing date of issue.
/// </summary>
public sealed class SigningSecurityTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Notice = new
    {
        party = "西安某某航空服务有限公司", actDate = "2025-01-06", actDescription = "提交虚假材料", replyDeadline = "2026-03-20",
    };

    // For drafts: the reply date is left to the service, which proposes one far enough from today.
    private static readonly object NoticeDraft = new { party = "西安某某航空服务有限公司", actDate = "2025-01-06", actDescription = "提交虚假材料" };

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    private static string PdfText(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    private Task<HttpClient> Staff(string bureau = "xibei", string role = StaffRole.Officer) =>
        TestUsers.SignIn(factory, TestUsers.Create(factory, bureau, role));

    [Theory]
    [InlineData("/api/forms/notice-org/render?sign=true")]
    [InlineData("/api/forms/notice-org/render")]
    [InlineData("/api/forms/notice-org/render?sign=true&bureau=huadong")]
    public async Task Render_Anonymous_Is401AndNoPdf(string url)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(url, Notice, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Render_SignTrue_IsRefusedWithACodeAndAChineseTitle()
    {
        var client = await Staff();
        var response = await client.PostAsJsonAsync("/api/forms/notice-org/render?sign=true", Notice, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("render.sign-refused", problem.GetProperty("code").GetString());
        Assert.Contains("不签名", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Render_AnotherBureau_IsRefused()
    {
        var client = await Staff("xibei", StaffRole.Admin);
        var response = await client.PostAsJsonAsync("/api/forms/notice-org/render?bureau=huadong", Notice, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("render.other-bureau", (await Json(response)).GetProperty("code").GetString());
        // Its own bureau, named or not, is rendered.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/forms/notice-org/render?bureau=xibei", Notice, Ct)).StatusCode);
    }

    [Fact]
    public async Task Render_WithANumber_IsRefused()
    {
        var client = await Staff();
        var response = await client.PostAsJsonAsync("/api/forms/notice-org/render",
            new { number = "西北局信告字〔2026〕5号", party = "某公司", actDate = "2025-01-06", actDescription = "提交虚假材料", replyDeadline = "2026-03-20" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await Json(response)).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == "number" && p.GetProperty("code").GetString() == "render.number-refused");
    }

    [Fact]
    public async Task Render_Staff_GetsAnUnsignedUnnumberedDraftMarked样稿_PdfAndDocx()
    {
        var client = await Staff("huadong");
        var response = await client.PostAsJsonAsync("/api/forms/notice-org/render", Notice, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.DoesNotContain("/ByteRange", Encoding.Latin1.GetString(pdf));
        var text = PdfText(pdf);
        Assert.Contains("样稿", text);
        Assert.Contains("华东局信告字〔　〕号", text);
        Assert.Contains("民航华东地区管理局", text);

        var docx = await client.PostAsJsonAsync("/api/forms/notice-org/render?format=docx", Notice, Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Ct)), false);
        Assert.Contains("样稿", Assert.Single(word.MainDocumentPart!.HeaderParts).Header!.OuterXml);
    }

    [Fact]
    public async Task Render_DisabledStaff_IsRefused()
    {
        var name = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var client = await TestUsers.SignIn(factory, name);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            var user = await db.StaffUsers.SingleAsync(u => u.UserName == name, Ct);
            user.Active = false;
            await db.SaveChangesAsync(Ct);
        }
        var response = await client.PostAsJsonAsync("/api/forms/notice-org/render", Notice, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DraftPreview_IsMarked样稿AndUnsigned()
    {
        var client = await Staff();
        var created = await client.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data = NoticeDraft }, Ct);
        var id = (await Json(created)).GetProperty("id").GetString();
        var preview = await client.GetByteArrayAsync($"/api/drafts/{id}/preview", Ct);
        Assert.Contains("样稿", PdfText(preview));
        Assert.DoesNotContain("/ByteRange", Encoding.Latin1.GetString(preview));
    }

    private static byte[] TimestampQuery()
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        return generator.Generate(TspAlgorithms.Sha256, SHA256.HashData("document"u8), BigInteger.ValueOf(7)).GetEncoded();
    }

    private static ByteArrayContent TimestampContent()
    {
        var content = new ByteArrayContent(TimestampQuery());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        return content;
    }

    [Fact]
    public async Task Tsa_Anonymous_IsRefused()
    {
        var response = await factory.CreateClient().PostAsync("/tsa", TimestampContent(), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual("application/timestamp-reply", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Tsa_SignedInStaff_IsGranted()
    {
        var response = await (await Staff()).PostAsync("/tsa", TimestampContent(), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/timestamp-reply", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(HttpResponseMessage Response, string DraftId)> Issue(HttpClient officer, string formId, object data)
    {
        var created = await officer.PostAsJsonAsync("/api/drafts", new { formId, data }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetString()!;
        return (await officer.PostAsync($"/api/drafts/{id}/issue", null, Ct), id);
    }

    private async Task<VerificationReport> IssuedReport(HttpClient officer, HttpResponseMessage issued)
    {
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await Json(issued)).GetProperty("id").GetString();
        var pdf = await officer.GetByteArrayAsync($"/api/documents/{id}/pdf", Ct);
        var signing = factory.Services.GetRequiredService<SigningContext>();
        var engine = factory.Services.GetRequiredService<DocumentEngine>();
        return PdfVerifier.Verify(pdf, signing.TrustAnchors, engine.Templates.Bureaus.Select(b => b.NumberPrefix), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Issue_EachBureausDocument_IsSignedWithThatBureausOwnKey()
    {
        var huadong = await Staff("huadong");
        var xibei = await Staff("xibei");
        var huadongReport = await IssuedReport(huadong, (await Issue(huadong, "notice-org", NoticeDraft)).Response);
        var xibeiReport = await IssuedReport(xibei, (await Issue(xibei, "notice-org", NoticeDraft)).Response);

        Assert.True(huadongReport.AllValid, string.Join(" ", huadongReport.Signatures.SelectMany(s => s.Problems)));
        Assert.StartsWith("华东局信告字", huadongReport.DocumentNumber);
        Assert.Contains("民航华东地区管理局", huadongReport.Signatures[0].Signer);
        Assert.DoesNotContain("西北", huadongReport.Signatures[0].Signer);
        Assert.True(xibeiReport.AllValid);
        Assert.Contains("民航西北地区管理局", xibeiReport.Signatures[0].Signer);
    }

    [Theory]
    [InlineData("ses-confirmation")]
    [InlineData("repair-application")]
    public async Task Issue_CounterpartyForm_IsRefusedWithACode(string form)
    {
        var officer = await Staff();
        using var sample = JsonDocument.Parse(await File.ReadAllBytesAsync(
            Path.Combine(factory.Services.GetRequiredService<DocumentEngine>().Templates.Root, "samples", form + ".json"), Ct));
        var (response, _) = await Issue(officer, form, sample.RootElement);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await Json(response)).GetProperty("problems").EnumerateArray();
        Assert.Contains(problems, p => p.GetProperty("code").GetString() == "form.counterparty-authored");
    }

    [Fact]
    public async Task Issue_EmptySignDate_IsTheBeijingDateOfIssue_NeverABlankDate()
    {
        // 16:30 UTC on the 13th is 00:30 on the 14th in Beijing.
        var clock = new TestClock(new DateTimeOffset(2026, 2, 13, 16, 30, 0, TimeSpan.Zero));
        using var service = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-signdate-").FullName, owns: true, time: clock);
        var officer = await TestUsers.SignIn(service, TestUsers.Create(service, "xibei", StaffRole.Officer));
        var created = await officer.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data = NoticeDraft }, Ct);
        var id = (await Json(created)).GetProperty("id").GetString();
        var issued = await officer.PostAsync($"/api/drafts/{id}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var pdf = await officer.GetByteArrayAsync($"/api/documents/{(await Json(issued)).GetProperty("id").GetString()}/pdf", Ct);
        var text = PdfText(pdf);
        Assert.Contains("2026年2月14日", text);
        Assert.DoesNotContain("年　　月　　日", text);
        Assert.DoesNotContain("年月日", text.Replace(" ", "").Replace("　", ""));
    }

    [Fact]
    public async Task Issue_BureauWithoutItsKey_Is503_NothingStoredNoNumberTaken()
    {
        var folder = Directory.CreateTempSubdirectory("ses-onekey-").FullName;
        var keys = DevelopmentCertificates.Create(Path.Combine(folder, "keys"), TimeProvider.System, "民航西北地区管理局");
        using var service = new DevelopmentServiceFactory(folder, owns: true, settings: new Dictionary<string, string>
        {
            ["Signing:Pkcs12Path"] = keys.SigningPkcs12Path,
            ["Signing:PasswordFile"] = keys.PasswordPath,
            ["Signing:Bureau"] = "xibei",
            ["Signing:AllowWithoutTimestamp"] = "true",
        });
        var huadong = await TestUsers.SignIn(service, TestUsers.Create(service, "huadong", StaffRole.Officer));
        var (response, draftId) = await Issue(huadong, "notice-org", NoticeDraft);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal("signing.no-bureau-key", problem.GetProperty("code").GetString());
        Assert.Contains("民航华东地区管理局", problem.GetProperty("title").GetString());
        using (var scope = service.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            Assert.False(await db.NumberCounters.AnyAsync(c => c.Bureau == "huadong", Ct));
            Assert.False(await db.IssuedDocuments.AnyAsync(d => d.Bureau == "huadong", Ct));
            Assert.Null((await db.Drafts.SingleAsync(d => d.Id == Guid.Parse(draftId), Ct)).IssuedDocumentId);
        }
        var files = Path.Combine(folder, "files");
        Assert.True(!Directory.Exists(files)
            || Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).All(f => Path.GetFileName(f).StartsWith('.')));

        // The key's own bureau issues, sealed with it.
        var xibei = await TestUsers.SignIn(service, TestUsers.Create(service, "xibei", StaffRole.Officer));
        var (issued, _) = await Issue(xibei, "notice-org", NoticeDraft);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
    }

    [Fact]
    public void ConfiguredKey_WhoseCertificateNamesAnotherBureau_StopsStartupNamingTheKey()
    {
        var folder = Directory.CreateTempSubdirectory("ses-wrongkey-").FullName;
        try
        {
            var keys = DevelopmentCertificates.Create(Path.Combine(folder, "keys"), TimeProvider.System, "民航西北地区管理局");
            var options = new SigningOptions
            {
                Pkcs12Path = keys.SigningPkcs12Path, PasswordFile = keys.PasswordPath, Bureau = "huadong", AllowWithoutTimestamp = true,
            };
            var templates = factory.Services.GetRequiredService<DocumentEngine>().Templates;
            var error = Assert.Throws<SigningConfigurationException>(() =>
                SigningContext.Create(options, Path.Combine(folder, "dev"), templates, TimeProvider.System, allowDevelopment: true, new HttpClient()));
            Assert.Contains("Signing:Pkcs12Path", error.Message);
            Assert.Contains("民航华东地区管理局", error.Message);

            options.Bureau = "xibei";
            var context = SigningContext.Create(options, Path.Combine(folder, "dev"), templates, TimeProvider.System, allowDevelopment: true, new HttpClient());
            Assert.NotNull(context.For(templates.FindBureau("xibei")!));
            Assert.Null(context.For(templates.FindBureau("huadong")!));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ConfiguredUnitKey_NotThatUnitsOfTheBureau_StopsStartupNamingTheKey_ItsOwnSealsForItAlone()
    {
        var folder = Directory.CreateTempSubdirectory("ses-unitkey-").FullName;
        try
        {
            var keys = DevelopmentCertificates.Create(Path.Combine(folder, "keys"), TimeProvider.System, "民航西北地区管理局");
            var templates = factory.Services.GetRequiredService<DocumentEngine>().Templates;
            var (xibei, huabei) = (templates.FindBureau("xibei")!, templates.FindBureau("huabei")!);
            string Key(BureauProfile bureau, string unit)
            {
                keys.SigningFor(bureau, bureau.FindUnitById(unit), TimeProvider.System);
                return Path.Combine(keys.Directory, $"signing-{bureau.Code}-{unit}.p12");
            }
            SigningContext Start(string unit, string pkcs12) => SigningContext.Create(new SigningOptions
            {
                Pkcs12Path = keys.SigningPkcs12Path, PasswordFile = keys.PasswordPath, Bureau = "xibei", AllowWithoutTimestamp = true,
                Units = { [unit] = new UnitKeyOptions { Pkcs12Path = pkcs12, PasswordFile = keys.PasswordPath } },
            }, Path.Combine(folder, "dev"), templates, TimeProvider.System, allowDevelopment: false, new HttpClient());

            // Another unit's key (OU 政策法规处), the bureau's own (no OU), the same unit of another bureau (O 华北): refused.
            foreach (var (wrong, names) in new[] { (Key(xibei, "policy"), "OU=运输管理处"), (keys.SigningPkcs12Path, "OU=运输管理处"),
                (Key(huabei, "transport"), "民航西北地区管理局") })
            {
                var error = Assert.Throws<SigningConfigurationException>(() => Start("transport", wrong));
                Assert.StartsWith("Signing:Units:transport: ", error.Message, StringComparison.Ordinal);
                Assert.Contains(names, error.Message, StringComparison.Ordinal);
            }
            var unknown = Assert.Throws<SigningConfigurationException>(() => Start("no-such-unit", Key(xibei, "policy")));
            Assert.Contains("Signing:Units:no-such-unit", unknown.Message, StringComparison.Ordinal);
            Assert.Contains("transport", unknown.Message, StringComparison.Ordinal);

            // The unit's own key: it seals for that unit, and no other unit has a key.
            var context = Start("transport", Key(xibei, "transport"));
            Assert.Contains("OU=运输管理处", context.For(xibei, xibei.FindUnitById("transport"))!.Key.Certificate.SubjectDN.ToString(), StringComparison.Ordinal);
            Assert.Null(context.For(xibei, xibei.FindUnitById("policy")));
            Assert.DoesNotContain("OU=", context.For(xibei)!.Key.Certificate.SubjectDN.ToString(), StringComparison.Ordinal);
            Assert.Null(context.For(huabei, huabei.FindUnitById("transport")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A missing key is named for whose it is: a unit's is 409 <c>signing.no-unit-key</c> naming the unit (as UnitSeals
    /// answers), the bureau's 503 <c>signing.no-bureau-key</c> naming the bureau.
    /// </summary>
    [Fact]
    public void Require_AUnitWithoutItsKey_Is409NoUnitKeyNamingIt_ABureauWithoutIts_503NoBureauKey()
    {
        var folder = Directory.CreateTempSubdirectory("ses-nokey-").FullName;
        try
        {
            var keys = DevelopmentCertificates.Create(Path.Combine(folder, "keys"), TimeProvider.System, "民航西北地区管理局");
            var templates = factory.Services.GetRequiredService<DocumentEngine>().Templates;
            var context = SigningContext.Create(new SigningOptions
            {
                Pkcs12Path = keys.SigningPkcs12Path, PasswordFile = keys.PasswordPath, Bureau = "xibei", AllowWithoutTimestamp = true,
            }, Path.Combine(folder, "dev"), templates, TimeProvider.System, allowDevelopment: false, new HttpClient());
            var xibei = templates.FindBureau("xibei")!;

            var unit = Assert.Throws<BureauKeyMissingException>(() => context.Require(xibei, xibei.FindUnitById("transport")));
            Assert.Equal((ErrorCodes.SigningNoUnitKey, StatusCodes.Status409Conflict), (unit.Code, unit.Refusal.Status));
            Assert.StartsWith("运输管理处（中国民用航空西北地区管理局运输管理处）尚无签名密钥", unit.Refusal.Message, StringComparison.Ordinal);

            var bureau = Assert.Throws<BureauKeyMissingException>(() => context.Require(templates.FindBureau("huabei")!));
            Assert.Equal((ErrorCodes.SigningNoBureauKey, StatusCodes.Status503ServiceUnavailable), (bureau.Code, bureau.Refusal.Status));
            Assert.StartsWith("没有民航华北地区管理局的签名密钥", bureau.Refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A configured unit key is taken at start-up exactly when the engine would seal with it (<see cref="SignerNames.NamesUnit"/>):
    /// the bureau named in O or CN, the unit its only OU.
    /// </summary>
    [Theory]
    [InlineData("C=CN,O=中国民用航空西北地区管理局,OU=运输管理处,CN=中国民用航空西北地区管理局运输管理处", true)]
    [InlineData("C=CN,OU=运输管理处,CN=中国民用航空西北地区管理局运输管理处", true)]
    [InlineData("C=CN,O=中国民用航空西北地区管理局,OU=运输管理处,OU=政策法规处,CN=中国民用航空西北地区管理局运输管理处", false)]
    [InlineData("C=CN,O=中国民用航空华北地区管理局,OU=运输管理处,CN=中国民用航空华北地区管理局运输管理处", false)]
    public void ConfiguredUnitKey_TakenAtStartupExactlyWhenTheEngineSealsWithIt(string subject, bool taken)
    {
        var folder = Directory.CreateTempSubdirectory("ses-unitsubject-").FullName;
        try
        {
            var keys = DevelopmentCertificates.Create(Path.Combine(folder, "keys"), TimeProvider.System, "民航西北地区管理局");
            var (keyPem, chainPem) = (Path.Combine(folder, "unit.key.pem"), Path.Combine(folder, "unit.pem"));
            var certificate = SelfSigned(subject, keyPem, chainPem);
            var templates = factory.Services.GetRequiredService<DocumentEngine>().Templates;
            var xibei = templates.FindBureau("xibei")!;
            var transport = xibei.FindUnitById("transport")!;
            SigningContext Start() => SigningContext.Create(new SigningOptions
            {
                Pkcs12Path = keys.SigningPkcs12Path, PasswordFile = keys.PasswordPath, Bureau = "xibei", AllowWithoutTimestamp = true,
                Units = { ["transport"] = new UnitKeyOptions { KeyPemPath = keyPem, ChainPemPath = chainPem } },
            }, Path.Combine(folder, "dev"), templates, TimeProvider.System, allowDevelopment: false, new HttpClient());

            Assert.Equal(taken, SignerNames.NamesUnit(certificate, xibei, transport));
            if (taken)
            {
                Assert.Equal(certificate, Start().For(xibei, transport)!.Key.Certificate);
            }
            else
            {
                var error = Assert.Throws<SigningConfigurationException>(Start);
                Assert.StartsWith("Signing:Units:transport: ", error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A self-signed certificate of that subject, written with its key as PEM files.</summary>
    private static X509Certificate SelfSigned(string subject, string keyPem, string chainPem)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new KeyGenerationParameters(new SecureRandom(), 256));
        var pair = generator.GenerateKeyPair();
        var certificates = new X509V3CertificateGenerator();
        certificates.SetSerialNumber(BigInteger.One);
        certificates.SetIssuerDN(new X509Name(subject));
        certificates.SetSubjectDN(new X509Name(subject));
        certificates.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        certificates.SetNotAfter(DateTime.UtcNow.AddDays(1));
        certificates.SetPublicKey(pair.Public);
        var certificate = certificates.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private));
        foreach (var (path, item) in new (string, object)[] { (keyPem, pair.Private), (chainPem, certificate) })
        {
            using var writer = new StreamWriter(path);
            new PemWriter(writer).WriteObject(item);
        }
        return certificate;
    }

    [Fact]
    public void UnitKeySettings_WithoutTheBureausKeyOrAPassword_AreProblemsNamingTheKey()
    {
        var options = new SigningOptions { Units = { ["transport"] = new UnitKeyOptions { Pkcs12Path = typeof(SigningOptions).Assembly.Location } } };
        var problems = options.Problems().ToList();
        Assert.Contains(problems, p => p.StartsWith("Signing:Units:transport is set without Signing:Pkcs12Path", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Signing:Units:transport:Pkcs12Password (environment Signing__Units__transport__Pkcs12Password)",
            StringComparison.Ordinal));
        options.Units["transport"] = new UnitKeyOptions();
        Assert.Contains("Signing:Units:transport: set Signing:Units:transport:Pkcs12Path or Signing:Units:transport:KeyPemPath", options.Problems());
    }
}
