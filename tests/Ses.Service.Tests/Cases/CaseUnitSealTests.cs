using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.X509;
using Ses.Documents;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Signing;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// A case's collection form and transfer slip bear the seal of the unit that issues them (采集单位（盖章）, XX处（盖章）):
/// signed with that unit's own key — its certificate's OU the unit, the seal text its full legal name — never left
/// unsigned or signed with the bureau's key. In production each unit's key is configured beside the bureau's
/// (<c>Signing:Units:&lt;unit id&gt;</c>); a step whose unit has none is refused (409 signing.no-unit-key) and stores nothing.
/// </summary>
public sealed class CaseUnitSealTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Bureau = "O=中国民用航空西北地区管理局";

    private static readonly object Collection = new { legalRepresentative = new { name = "周某", idValue = "610113197805120038" } };

    [Fact]
    public async Task CollectionFormAndTransferSlip_AreSignedWithTheCollectingOfficesAndTheDepartmentsKeys()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xibei");
        var office = await world.OfficeAsync("陕西监管局");
        var id = await world.DecidedAsync("2026-09-30", collectingUnit: office);
        await CaseWorld.Step(world.Officer, $"/api/cases/{id}/transfer", new { });

        var files = await FilesAsync(world.Officer, id);
        var (anchors, now) = (factory.Services.GetRequiredService<SigningContext>().TrustAnchors, factory.Clock.GetUtcNow());
        // The supervision office collected: its seal and key (实施办法第十二条第二款); the department transfers: its own.
        var collection = SealedBy(files.Single(f => f.Key.Contains("采集单", StringComparison.Ordinal)).Value, anchors, now, "陕西监管局",
            "中国民用航空陕西安全监督管理局");
        var transfer = SealedBy(files.Single(f => f.Key.Contains("移送单", StringComparison.Ordinal)).Value, anchors, now, "运输管理处",
            "中国民用航空西北地区管理局运输管理处");
        Assert.All(new[] { collection, transfer }, s => Assert.Empty(s.Problems)); // timestamped by the TSA, as the bureau's documents are
        // The bureau's own documents keep the bureau's key, without a unit.
        var notice = files.Single(f => f.Key.Contains("告知书", StringComparison.Ordinal)).Value;
        var signer = Assert.Single(Verified(notice, anchors, now).Signatures).Signer;
        Assert.DoesNotContain("OU=", signer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_UnitWithoutItsKey_RefusesTheStep409_NothingStored_AUnitWithItsKeySeals()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 9, 30));
        var folder = Directory.CreateTempSubdirectory("ses-unitkeys-").FullName;
        var keys = DevelopmentCertificates.Create(Path.Combine(folder, "keys"), clock, "民航西北地区管理局");
        var xibei = factory.Services.GetRequiredService<DocumentEngine>().Templates.FindBureau("xibei")!;
        keys.SigningFor(xibei, xibei.FindUnitById("shaanxi"), clock);
        // The bureau's key and one unit's (陕西监管局), as production configures them; the department (运输管理处) has none.
        using var service = new DevelopmentServiceFactory(folder, owns: true, time: clock, settings: new Dictionary<string, string>
        {
            ["Signing:Pkcs12Path"] = keys.SigningPkcs12Path,
            ["Signing:PasswordFile"] = keys.PasswordPath,
            ["Signing:Bureau"] = "xibei",
            ["Signing:AllowWithoutTimestamp"] = "true",
            ["Signing:TrustAnchors:0"] = keys.RootCertificatePath,
            ["Signing:Units:shaanxi:Pkcs12Path"] = Path.Combine(keys.Directory, "signing-xibei-shaanxi.p12"),
            ["Signing:Units:shaanxi:PasswordFile"] = keys.PasswordPath,
        });
        var world = await CaseWorld.CreateAsync(service, "xibei");

        // Collected by the department: refused, naming it; the case stays in collection, no step, no file.
        var first = await world.OpenAsync(decisionDate: "2026-09-30", actDate: "2026-09-30");
        await RefusedWithoutStoring(service, world.Officer, first, "collection", Collection, "运输管理处", "collecting");

        // Collected by the office, whose key is configured: sealed with it. The department's transfer slip is refused.
        var second = await world.DecidedAsync("2026-09-30", collectingUnit: await world.OfficeAsync("陕西监管局"));
        await RefusedWithoutStoring(service, world.Officer, second, "transfer", new { }, "运输管理处", "transfer");
        var (anchors, now) = (service.Services.GetRequiredService<SigningContext>().TrustAnchors, clock.GetUtcNow());
        var files = await FilesAsync(world.Officer, second);
        SealedBy(files.Single(f => f.Key.Contains("采集单", StringComparison.Ordinal)).Value, anchors, now, "陕西监管局", "中国民用航空陕西安全监督管理局");
        Assert.DoesNotContain(files.Keys, name => name.Contains("移送单", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collection_ByAUnitRenamedSinceOpeningToOneTheProfileDoesNotList_IsRefused_NothingStored()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xinan");
        var id = await world.OpenAsync();
        // Units are free text to the bureau's administrator (opening refuses one the profile does not list, but a unit can
        // be renamed afterwards); only the profile's units have a seal and a key.
        var renamed = await world.Delivery.Admin.PostAsJsonAsync($"/api/units/{world.Department}/rename", new { name = "综合业务处" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var steps = await StepsAsync(factory, id);
        await CaseWorld.Refused(world.Officer, $"/api/cases/{id}/collection", Collection, HttpStatusCode.BadRequest, ErrorCodes.FieldSealingUnitUnknown,
            "collector");
        Assert.Equal(steps, await StepsAsync(factory, id));
        Assert.Equal("collecting", (await world.ReadAsync(id)).GetProperty("state").GetString());
    }

    /// <summary>The step answers 409 signing.no-unit-key naming the unit; the case's state, steps and the file store are as before.</summary>
    private static async Task RefusedWithoutStoring(DevelopmentServiceFactory service, HttpClient officer, string id, string step, object body,
        string unit, string state)
    {
        var files = Path.Combine(service.Folder, "files");
        int Stored() => Directory.Exists(files)
            ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).StartsWith('.'))
            : 0;
        int before = Stored(), steps = await StepsAsync(service, id);
        var response = await officer.PostAsJsonAsync($"/api/cases/{id}/{step}", body, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode} {problem}");
        Assert.Equal(ErrorCodes.SigningNoUnitKey, problem.GetProperty("code").GetString());
        Assert.Matches($"^{unit}（中国民用航空西北地区管理局{unit}）尚无签名密钥，不能在《.+》上加盖其印章，本环节未办理", problem.GetProperty("title").GetString());
        Assert.Equal((before, steps), (Stored(), await StepsAsync(service, id)));
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct);
        Assert.Equal(state, view.GetProperty("state").GetString());
    }

    private static async Task<int> StepsAsync(DevelopmentServiceFactory service, string id)
    {
        using var scope = service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().CaseSteps.CountAsync(s => s.CaseId == Guid.Parse(id), Ct);
    }

    /// <summary>The files of the case as its case file (案卷) serves them, by name.</summary>
    private static async Task<Dictionary<string, byte[]>> FilesAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/cases/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>One valid signature by the unit's certificate (O the bureau, OU the unit) under the unit's seal text (/Name).</summary>
    private static SignatureReport SealedBy(byte[] pdf, IReadOnlyList<X509Certificate> anchors, DateTimeOffset now, string unit, string sealText)
    {
        var signature = Assert.Single(Verified(pdf, anchors, now).Signatures);
        Assert.True(signature.ChainTrusted);
        Assert.Contains(Bureau, signature.Signer, StringComparison.Ordinal);
        Assert.Contains($"OU={unit}", signature.Signer, StringComparison.Ordinal);
        Assert.Contains($"CN={sealText}", signature.Signer, StringComparison.Ordinal);
        var name = "/Name<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(sealText)) + ">";
        Assert.Contains(name, Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        return signature;
    }

    /// <summary>
    /// Every signature valid; signed without a timestamp authority (<c>Signing:AllowWithoutTimestamp</c>), PAdES B-B says
    /// so and nothing else.
    /// </summary>
    private static VerificationReport Verified(byte[] pdf, IReadOnlyList<X509Certificate> anchors, DateTimeOffset now)
    {
        var report = PdfVerifier.Verify(pdf, anchors, ["西北局"], now);
        Assert.NotEmpty(report.Signatures);
        var problems = report.Signatures.SelectMany(s => s.Problems).Where(p => p != CadesProblems.TimestampMissing).ToList();
        Assert.True(problems.Count == 0, string.Join(" ", problems));
        return report;
    }
}
