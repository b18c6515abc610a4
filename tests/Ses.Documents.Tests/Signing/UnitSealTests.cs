using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing;

/// <summary>
/// The seal is the issuing unit's, and so is the key: a collection form or transfer slip is signed with the key of the
/// unit it names (its certificate: O the bureau, OU the unit, CN the unit's seal text), a notice or decision with the
/// bureau's; a unit's key never signs for the bureau and the bureau's never for a unit.
/// </summary>
public sealed class UnitSealTests(DevelopmentPki pki) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ses-unit-seal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RenderedDocument Render(string form)
    {
        using var sample = TestEngine.Sample(form);
        return TestEngine.Engine.Render(form, sample.RootElement, OutputFormat.Pdf);
    }

    private SignatureSettings KeyOf(string bureau, string? unit)
    {
        var profile = TestEngine.Engine.Templates.FindBureau(bureau)!;
        return new(pki.Set.SigningFor(profile, unit is null ? null : profile.FindUnitById(unit)!, pki.Time), pki.Tsa());
    }

    private VerificationReport Verify(byte[] pdf) => PdfVerifier.Verify(pdf, [pki.Set.Root], ["西北局"], pki.Time.GetUtcNow());

    [Theory]
    [InlineData("collection-org", "airports", "机场管理处", "中国民用航空西北地区管理局机场管理处")]
    [InlineData("collection-person", "flight-standards", "飞行标准处", "中国民用航空西北地区管理局飞行标准处")]
    [InlineData("transfer-slip", "transport", "运输管理处", "中国民用航空西北地区管理局运输管理处")]
    public void UnitsForm_SignedWithTheUnitsKey_VerifiesWithTheUnitsCertificate(string form, string unit, string name, string sealText)
    {
        var rendered = Render(form);
        Assert.Equal(unit, rendered.Document.SealingUnit!.Id);
        var pdf = TestEngine.Engine.Sign(rendered, KeyOf("xibei", unit), pki.Time.GetUtcNow());
        var report = Verify(pdf);
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        var signature = Assert.Single(report.Signatures);
        Assert.True(signature.ChainTrusted);
        Assert.Contains($"OU={name}", signature.Signer, StringComparison.Ordinal);
        Assert.Contains($"CN={sealText}", signature.Signer, StringComparison.Ordinal);
        Assert.Contains("O=中国民用航空西北地区管理局", signature.Signer, StringComparison.Ordinal);

        var pdfsig = ExternalTool.Require("pdfsig", "poppler-utils");
        var file = Path.Combine(_dir, form + ".pdf");
        File.WriteAllBytes(file, pdf);
        var (exit, output) = ExternalTool.Run(pdfsig, file);
        Assert.True(exit == 0, output);
        Assert.Contains("Signature Validation: Signature is Valid.", output);
        Assert.Contains(sealText, output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitCertificate_IsIssuedByTheOneRoot_OncePerUnit_UnderItsFileName()
    {
        var xibei = TestEngine.Engine.Templates.FindBureau("xibei")!;
        var gansu = xibei.FindUnitById("gansu")!;
        var key = pki.Set.SigningFor(xibei, gansu, pki.Time);
        Assert.Same(key, pki.Set.SigningFor(xibei, gansu, pki.Time));
        Assert.Equal("C=CN,O=中国民用航空西北地区管理局,OU=甘肃监管局,CN=中国民用航空甘肃安全监督管理局", key.Certificate.SubjectDN.ToString());
        Assert.True(CertificateChains.IsIssuedBy(key.Certificate, pki.Set.Root));
        Assert.True(File.Exists(Path.Combine(pki.Set.Directory, "signing-xibei-gansu.p12")));
        Assert.True(SignerNames.NamesUnit(key.Certificate, xibei, gansu));
        Assert.False(SignerNames.NamesUnit(key.Certificate, xibei, xibei.FindUnitById("ningxia")!));
        Assert.False(SignerNames.IsBureaus(key.Certificate, xibei));
        Assert.True(SignerNames.IsBureaus(pki.Set.Signing.Certificate, xibei));
    }

    /// <summary>A department's certificate issued without an OU (its name in the CN only) is not the bureau's.</summary>
    [Theory]
    [InlineData("C=CN,O=中国民用航空西北地区管理局,CN=中国民用航空西北地区管理局运输管理处", false)]
    [InlineData("C=CN,O=中国民用航空西北地区管理局,CN=陕西监管局", false)]
    [InlineData("C=CN,O=中国民用航空西北地区管理局,CN=中国民用航空西北地区管理局", true)]
    public void CertificateNamingAUnitWithoutAnOu_IsNotTheBureaus(string subject, bool bureaus)
    {
        var keys = new ECKeyPairGenerator();
        keys.Init(new KeyGenerationParameters(new SecureRandom(), 256));
        var pair = keys.GenerateKeyPair();
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.One);
        generator.SetIssuerDN(new X509Name(subject));
        generator.SetSubjectDN(new X509Name(subject));
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddDays(1));
        generator.SetPublicKey(pair.Public);
        var certificate = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private));
        Assert.Equal(bureaus, SignerNames.IsBureaus(certificate, TestEngine.Engine.Templates.FindBureau("xibei")!));
    }

    [Fact]
    public void Notice_StillSignsWithTheBureausKey_UnderTheBureausLegalName()
    {
        var pdf = TestEngine.Engine.Sign(Render("notice-org"), KeyOf("xibei", null), pki.Time.GetUtcNow());
        var report = Verify(pdf);
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        var signer = Assert.Single(report.Signatures).Signer;
        Assert.Contains("民航西北地区管理局", signer, StringComparison.Ordinal);
        Assert.DoesNotContain("OU=", signer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collection-org", null)]
    [InlineData("collection-org", "transport")]
    [InlineData("transfer-slip", null)]
    [InlineData("transfer-slip", "policy")]
    public void UnitsForm_WithoutTheUnitsKey_IsRefused(string form, string? offered)
    {
        var refused = Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(Render(form), KeyOf("xibei", offered), pki.Time.GetUtcNow()));
        Assert.Equal(SealRefusedException.UnitKeyRequiredCode, refused.Code);
        Assert.Matches("^《.+》由(机场管理处|运输管理处)盖章，须使用(机场管理处|运输管理处)本单位的签名密钥；未提供该单位的签名密钥，不签名、不盖章$", refused.Message);
    }

    [Fact]
    public void UnitsForm_WithAnotherBureausUnitsKey_IsRefused()
    {
        var refused = Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(Render("transfer-slip"), KeyOf("huabei", "transport"),
            pki.Time.GetUtcNow()));
        Assert.Equal(SealRefusedException.KeyMismatchCode, refused.Code);
    }

    [Theory]
    [InlineData("notice-org")]
    [InlineData("decision-person")]
    public void BureausDocument_WithAUnitsKey_IsRefused(string form)
    {
        var refused = Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(Render(form), KeyOf("xibei", "policy"), pki.Time.GetUtcNow()));
        Assert.Equal(SealRefusedException.BureauKeyRequiredCode, refused.Code);
        Assert.Equal("签名密钥的证书属于政策法规处，本文书须以民航西北地区管理局的名义盖章，应使用民航西北地区管理局的签名密钥", refused.Message);
        Assert.Throws<SealRefusedException>(() => TestEngine.Engine.Sign(Render(form).Content, Render(form).Document.Bureau, KeyOf("xibei", "policy"),
            pki.Time.GetUtcNow(), "发文"));
    }
}
