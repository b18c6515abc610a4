using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ses.Documents.Signing.Pdf;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing;

/// <summary>
/// The PDF side of signing, with the CMS left out: the callback records exactly which bytes it was given, so the
/// tests can prove the ByteRange covers the whole file except the signature value.
/// </summary>
public sealed class PdfSignerStructureTests
{
    private static (byte[] Pdf, RenderedDocument Rendered) Notice()
    {
        using var sample = TestEngine.Sample("notice-org");
        var r = TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
        return (r.Content, r);
    }

    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(8));

    private static byte[] Sign(byte[] pdf, RenderedDocument r, List<byte[]> seen, bool visible = true) =>
        PdfSigner.Sign(pdf, new PdfSignatureRequest(visible ? r.Seal : null, At, "民航西北地区管理局", "民航西北地区管理局", "发文", "西安"), 4096,
            signed =>
            {
                // Read as the CMS signer reads it: once, in small pieces.
                using var copy = new MemoryStream();
                signed.CopyTo(copy, 1000);
                seen.Add(copy.ToArray());
                return Encoding.ASCII.GetBytes("fake-cms");
            }, TestEngine.Engine.Fonts.Body);

    private static int[] ByteRanges(byte[] pdf, int which)
    {
        var m = Regex.Matches(Encoding.Latin1.GetString(pdf), @"/ByteRange\[(\d+) (\d+) (\d+) (\d+)\]")[which];
        return [.. Enumerable.Range(1, 4).Select(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void Sign_ByteRangeCoversEverythingButTheSignatureValue()
    {
        var (pdf, r) = Notice();
        var seen = new List<byte[]>();
        var signed = Sign(pdf, r, seen);
        var br = ByteRanges(signed, 0);
        Assert.Equal(0, br[0]);
        Assert.Equal(signed.Length, br[2] + br[3]);
        Assert.Equal((byte)'<', signed[br[1]]);
        Assert.Equal((byte)'>', signed[br[2] - 1]);
        var expected = signed.Take(br[1]).Concat(signed.Skip(br[2])).ToArray();
        Assert.Equal(expected, Assert.Single(seen));
        Assert.Equal(pdf, signed.Take(pdf.Length).ToArray());
        var hex = Encoding.ASCII.GetString(signed, br[1] + 1, br[2] - br[1] - 2);
        Assert.StartsWith(Convert.ToHexString(Encoding.ASCII.GetBytes("fake-cms")), hex);
        Assert.Matches("^/Type/Sig|/SubFilter/ETSI.CAdES.detached", Encoding.Latin1.GetString(signed));
    }

    [Fact]
    public void Sign_Twice_KeepsTheFirstRevisionByteForByte()
    {
        var (pdf, r) = Notice();
        var seen = new List<byte[]>();
        var once = Sign(pdf, r, seen);
        var twice = Sign(once, r, seen, visible: false);
        Assert.Equal(once, twice.Take(once.Length).ToArray());
        var first = ByteRanges(twice, 0);
        Assert.Equal(once.Length, first[2] + first[3]);
        var second = ByteRanges(twice, 1);
        Assert.Equal(twice.Length, second[2] + second[3]);
        Assert.Contains("/T(Signature2)", Encoding.Latin1.GetString(twice));
    }

    [Fact]
    public void Sign_Visible_PassesQpdfAndDrawsTheSealOnTheSignatureBlock()
    {
        var qpdf = ExternalTool.Require("qpdf", "qpdf");
        var (pdf, r) = Notice();
        var signed = Sign(pdf, r, []);
        var file = Path.Combine(Path.GetTempPath(), $"ses-sig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, signed);
        try
        {
            var (exit, output) = ExternalTool.Run(qpdf, "--check", file);
            Assert.True(exit == 0, output);
            Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
            var (_, form) = ExternalTool.Run(qpdf, "--json", "--json-key=acroform", file);
            Assert.Contains("\"fullname\": \"Signature1\"", form);
            Assert.Contains("\"fieldtype\": \"/Sig\"", form);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("SES_KEEP_TEST_FILES") is null) File.Delete(file);
        }
        Assert.NotNull(r.Seal);
        Assert.InRange(r.Seal!.CenterX, 300, 520);
    }
}

public sealed class PdfSignatureInspectorTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(8));

    private static byte[] SignedNotice(int times = 1)
    {
        using var sample = TestEngine.Sample("notice-org");
        var r = TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
        var pdf = r.Content;
        for (var i = 0; i < times; i++)
        {
            pdf = PdfSigner.Sign(pdf, new PdfSignatureRequest(i == 0 ? r.Seal : null, At, "签署人", "民航西北地区管理局"), 2048,
                _ => [0x30, 0x03, 0x02, 0x01, (byte)(i + 1)], TestEngine.Engine.Fonts.Body);
        }
        return pdf;
    }

    [Fact]
    public void Inspect_SignedOnce_FindsOneWholeRevisionSignatureWithNoLaterChanges()
    {
        var pdf = SignedNotice();
        var field = Assert.Single(PdfSignatureInspector.Inspect(pdf));
        Assert.Null(field.RangeProblem);
        Assert.Equal(pdf.Length, field.RevisionEnd);
        Assert.Equal([0x30, 0x03, 0x02, 0x01, 0x01], field.Cms);
        Assert.Equal("ETSI.CAdES.detached", field.SubFilter);
        Assert.Empty(field.LaterChanges);
        Assert.Equal("20260310093000+08'00'", field.ClaimedTime);
    }

    [Fact]
    public void Inspect_SignedTwice_FirstSeesOnlyASignatureAdded()
    {
        var fields = PdfSignatureInspector.Inspect(SignedNotice(2));
        Assert.Equal(2, fields.Count);
        Assert.Equal(["signature-added"], fields[0].LaterChanges);
        Assert.Empty(fields[1].LaterChanges);
    }

    [Fact]
    public void Inspect_ContentReplacedAfterSigning_IsReportedAsAChangeOfContent()
    {
        var pdf = SignedNotice();
        var tampered = Tamper.AppendUpdate(pdf, new Dictionary<int, string> { [Tamper.FirstContentStream(pdf)] = Tamper.ContentStream("0 0 m 100 100 l S") });
        var field = Assert.Single(PdfSignatureInspector.Inspect(tampered));
        Assert.Contains("content-changed", field.LaterChanges);
    }

    [Fact]
    public void Inspect_ByteRangeNotEndingARevision_IsAProblem()
    {
        var pdf = SignedNotice();
        var text = Encoding.Latin1.GetString(pdf);
        var m = Regex.Match(text, @"/ByteRange\[0 (\d+) (\d+) (\d+)\]");
        var shorter = (long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) - 10).ToString(CultureInfo.InvariantCulture);
        var edited = text[..m.Groups[3].Index] + shorter.PadRight(m.Groups[3].Length) + text[(m.Groups[3].Index + m.Groups[3].Length)..];
        var field = Assert.Single(PdfSignatureInspector.Inspect(Encoding.Latin1.GetBytes(edited)));
        Assert.Equal("byterange.not-revision", field.RangeProblem);
    }
}
