using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Signing.Pdf;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing;

/// <summary>Signing rendered documents end to end (PAdES B-T) and verifying them, including after tampering.</summary>
public sealed class PadesTests(DevelopmentPki pki)
{
    private static readonly string[] Prefixes = ["西北局", "华东局"];

    private SignatureSettings Settings => new(pki.Set.Signing, pki.Tsa());

    private static RenderedDocument Render(string form = "notice-org")
    {
        using var sample = TestEngine.Sample(form);
        return TestEngine.Engine.Render(form, sample.RootElement, OutputFormat.Pdf);
    }

    private byte[] Signed(string form = "notice-org") => TestEngine.Engine.Sign(Render(form), Settings, pki.Time.GetUtcNow());

    private VerificationReport Verify(byte[] pdf, DevelopmentCertificateSet? anchors = null) =>
        PdfVerifier.Verify(pdf, [(anchors ?? pki.Set).Root], Prefixes, pki.Time.GetUtcNow());

    [Fact]
    public void Sign_Notice_VerifiesWithSignerChainTimestampAndNumber()
    {
        var report = Verify(Signed());
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        var s = Assert.Single(report.Signatures);
        Assert.True(s.Intact);
        Assert.False(s.ModifiedAfter);
        Assert.Contains("民航西北地区管理局", s.Signer);
        Assert.True(s.ChainTrusted);
        Assert.Equal(pki.Time.GetUtcNow(), s.TimestampTime);
        Assert.Contains("TSA", s.TimestampAuthority);
        Assert.Equal("西北局信告字〔2026〕1号", report.DocumentNumber);
    }

    [Fact]
    public void Sign_OnePageNotice_StaysUnder80KB()
    {
        var pdf = Signed();
        Assert.True(pdf.Length <= 80 * 1024, $"{pdf.Length} bytes");
    }

    [Fact]
    public void Verify_ByteFlippedInsideTheSignedRange_IsInvalid()
    {
        var pdf = Signed();
        var at = Encoding.Latin1.GetString(pdf).IndexOf("/Title", StringComparison.Ordinal) + 3;
        var report = Verify(Tamper.FlipByte(pdf, at));
        Assert.False(report.AllValid);
        Assert.Contains("signature.digest-mismatch", report.Signatures[0].Problems);
        Assert.False(report.Signatures[0].Intact);
    }

    [Fact]
    public void Verify_ContentAppendedAfterSigning_IsReportedAsModified()
    {
        var pdf = Signed();
        var tampered = Tamper.AppendUpdate(pdf,
            new Dictionary<int, string> { [Tamper.FirstContentStream(pdf)] = Tamper.ContentStream("BT ET 0 0 m 500 500 l S") });
        var s = Assert.Single(Verify(tampered).Signatures);
        Assert.True(s.Intact);
        Assert.True(s.ModifiedAfter);
        Assert.Contains("content-changed", s.LaterChanges);
        Assert.Contains("document.modified-after-signing", s.Problems);
    }

    [Fact]
    public void Verify_SignatureValueFromAnotherDocument_IsInvalid()
    {
        var a = Signed("notice-org");
        var b = Signed("notice-person");
        var cmsB = PdfSignatureInspector.Inspect(b)[0].Cms;
        var text = Encoding.Latin1.GetString(a);
        var m = Regex.Match(text, "/Contents<([0-9A-F]+)>");
        var hex = Convert.ToHexString(cmsB).PadRight(m.Groups[1].Length, '0');
        var swapped = Encoding.Latin1.GetBytes(text[..m.Groups[1].Index] + hex + text[(m.Groups[1].Index + m.Groups[1].Length)..]);
        var s = Assert.Single(Verify(swapped).Signatures);
        Assert.Contains("signature.digest-mismatch", s.Problems);
        Assert.False(s.Valid);
    }

    [Fact]
    public void Verify_CertificateNotChainingToTheAnchors_IsUntrusted()
    {
        var s = Assert.Single(Verify(Signed(), pki.Unrelated).Signatures);
        Assert.False(s.ChainTrusted);
        Assert.Contains("chain.untrusted", s.Problems);
    }

    [Fact]
    public void Verify_TimestampWhoseImprintDoesNotMatch_IsInvalid()
    {
        var pdf = Signed();
        var cms = PdfSignatureInspector.Inspect(pdf)[0].Cms;
        var foreignToken = pki.Tsa().GetTimestampToken(SHA256.HashData("other"u8));
        var edited = CmsEdits.WithSignatureTimestamp(cms, foreignToken);
        var text = Encoding.Latin1.GetString(pdf);
        var m = Regex.Match(text, "/Contents<([0-9A-F]+)>");
        var hex = Convert.ToHexString(edited).PadRight(m.Groups[1].Length, '0');
        var report = Verify(Encoding.Latin1.GetBytes(text[..m.Groups[1].Index] + hex + text[(m.Groups[1].Index + m.Groups[1].Length)..]));
        Assert.Contains("timestamp.imprint-mismatch", report.Signatures[0].Problems);
        Assert.Null(report.Signatures[0].TimestampTime);
    }

    [Fact]
    public void Sign_Twice_KeepsTheFirstSignatureValid()
    {
        var once = Signed();
        var twice = TestEngine.Engine.Sign(once, TestEngine.Engine.Templates.DefaultBureau, Settings, pki.Time.GetUtcNow(), "复核");
        var report = Verify(twice);
        Assert.Equal(2, report.Signatures.Count);
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        Assert.Equal(["signature-added"], report.Signatures[0].LaterChanges);
    }

    [Fact]
    public void Sign_WithoutTimestampAuthority_FailsUnlessBBIsAllowed()
    {
        var rendered = Render();
        Assert.Throws<TimestampException>(() => TestEngine.Engine.Sign(rendered, new SignatureSettings(pki.Set.Signing, null), pki.Time.GetUtcNow()));
        var pdf = TestEngine.Engine.Sign(rendered, new SignatureSettings(pki.Set.Signing, null, AllowWithoutTimestamp: true), pki.Time.GetUtcNow());
        var s = Assert.Single(Verify(pdf).Signatures);
        Assert.Contains("timestamp.missing", s.Problems);
        var reason = Regex.Match(Encoding.Latin1.GetString(pdf), "/Reason<FEFF([0-9A-F]+)>").Groups[1].Value;
        Assert.Contains("无可信时间戳", Encoding.BigEndianUnicode.GetString(Convert.FromHexString(reason)));
    }

    [Fact]
    public void Sign_TimestampAuthorityFailing_FailsWithoutFallingBackToTheClock()
    {
        var broken = new HttpTimestampClient(new Uri("http://127.0.0.1:9/tsa"), new HttpClient { Timeout = TimeSpan.FromSeconds(5) });
        Assert.Throws<TimestampException>(() => TestEngine.Engine.Sign(Render(), new SignatureSettings(pki.Set.Signing, broken), pki.Time.GetUtcNow()));
    }

    [Fact]
    public void Verify_NotAPdf_Throws()
    {
        Assert.Throws<InvalidDataException>(() => Verify("hello"u8.ToArray()));
    }
}

public sealed class DamagedPdfTests
{
    public static TheoryData<string> Damaged() =>
    [
        "%PDF-1.7\n1 0 obj\n<</ByteRange[0 99999 100000 5]/Contents<00>>>\nendobj\nstartxref\n12\n%%EOF",
        "%PDF-1.7\ntrailer\n<</Root 1 0 R/Size 2>>\nstartxref\n999999\n%%EOF",
        "%PDF-1.7\n" + new string('x', 300) + "\nstartxref\nabc\n%%EOF",
        "%PDF-1.7\n1 0 obj\n<</ByteRange[0 10 20 30]/Contents<zz>>>\nendobj\n%%EOF",
    ];

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Verify_DamagedFile_IsUnreadableNotACrash(string text)
    {
        var e = Record.Exception(() => PdfVerifier.Verify(Encoding.Latin1.GetBytes(text), [], ["西北局"], DateTimeOffset.UtcNow));
        Assert.True(e is null or InvalidDataException, e?.ToString());
    }
}
