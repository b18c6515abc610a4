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
            bytes => { seen.Add(bytes); return Encoding.ASCII.GetBytes("fake-cms"); }, TestEngine.Engine.Fonts.Body);

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
