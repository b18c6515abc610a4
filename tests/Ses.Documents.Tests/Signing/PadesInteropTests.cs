using Org.BouncyCastle.Cms;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Pdf;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing;

/// <summary>Signed documents checked by independent tools: poppler's pdfsig and openssl.</summary>
public sealed class PadesInteropTests(DevelopmentPki pki) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ses-pades-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Forms the counterparty writes are never signed by the bureau (SignOnlyWhatIsIssuedTests).
    public static TheoryData<string> Forms() => [.. TestEngine.SampleFormIds().Where(f => !TestEngine.Engine.Templates.FindForm(f)!.IsCounterpartyAuthored)];

    private byte[] Signed(string form)
    {
        using var sample = TestEngine.Sample(form);
        var rendered = TestEngine.Engine.Render(form, sample.RootElement, OutputFormat.Pdf);
        // A unit's form (collection form, transfer slip) is signed with that unit's key, the others with the bureau's.
        var key = pki.Set.SigningFor(rendered.Document.Bureau, rendered.Document.SealingUnit, pki.Time);
        return TestEngine.Engine.Sign(rendered, new SignatureSettings(key, pki.Tsa()), pki.Time.GetUtcNow());
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Pdfsig_EverySignedSample_IsValidAndTotallySigned(string form)
    {
        var pdfsig = ExternalTool.Require("pdfsig", "poppler-utils");
        var file = Path.Combine(_dir, form + ".pdf");
        File.WriteAllBytes(file, Signed(form));
        var (exit, output) = ExternalTool.Run(pdfsig, file);
        Assert.True(exit == 0, output);
        Assert.Contains("Signature Validation: Signature is Valid.", output);
        Assert.Contains("Total document signed", output);
        Assert.Contains("ETSI.CAdES.detached", output);
    }

    [Fact]
    public void Openssl_ExtractedCmsAndTimestamp_VerifyWithTheDevelopmentChain()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");
        var field = PdfSignatureInspector.Inspect(Signed("notice-org"))[0];
        File.WriteAllBytes(Path.Combine(_dir, "sig.der"), field.Cms);
        File.WriteAllBytes(Path.Combine(_dir, "signed.bin"), field.SignedBytes);
        var (exit, output) = ExternalTool.Run(openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", Path.Combine(_dir, "sig.der"),
            "-content", Path.Combine(_dir, "signed.bin"), "-CAfile", pki.Set.RootCertificatePath, "-purpose", "any", "-out", Path.Combine(_dir, "out.bin"));
        Assert.True(exit == 0, output);
        Assert.Contains("Verification successful", output);

        var signer = new CmsSignedData(field.Cms).GetSignerInfos().GetSigners().Cast<SignerInformation>().Single();
        File.WriteAllBytes(Path.Combine(_dir, "value.bin"), signer.GetSignature());
        File.WriteAllBytes(Path.Combine(_dir, "token.der"), CmsEdits.SignatureTimestampToken(field.Cms));
        (exit, output) = ExternalTool.Run(openssl, "ts", "-verify", "-data", Path.Combine(_dir, "value.bin"), "-in", Path.Combine(_dir, "token.der"),
            "-token_in", "-CAfile", pki.Set.RootCertificatePath, "-untrusted", pki.Set.TsaCertificatePath);
        Assert.True(exit == 0, output);
        Assert.Contains("Verification: OK", output);
    }
}
