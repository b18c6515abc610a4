using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Docx;
using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;
using static Ses.Documents.Tests.Docx.DocxTestSupport;

namespace Ses.Documents.Tests.Docx;

/// <summary>
/// GB/T 9704-2012 §7.3.5 in the DOCX as in the PDF: a document whose closing (contact lines, issuing body, date) would
/// stand alone on a page is set on the tighter line pitch the PDF layout chose, and the closing is kept with the
/// text's last lines, so that LibreOffice breaks its pages where the PDF does. The documents are the transfer slip with
/// a reason long enough to push the closing to the page end: of 128 characters (the PDF tightens the pitch) and of 149
/// (too long for 90 %: the PDF carries the last lines of the text over).
/// </summary>
public sealed class DocxClosingPitchTests
{
    private const double GridPitch = 225 * 72 / 25.4 / 22;

    /// <summary>A reason of <paramref name="length"/> characters: a real sentence, repeated and cut.</summary>
    private static JsonDocument TransferSlip(int length)
    {
        const string Sentence = "在申请民用机场使用许可过程中，向我局提交了伪造的安全检查记录、虚假的人员资质证明等材料，";
        var reason = string.Concat(Enumerable.Repeat(Sentence, length / Sentence.Length + 1))[..(length - 1)] + "等";
        using var sample = TestEngine.Sample("transfer-slip");
        return TestEngine.With(sample, o => o["reason"] = reason);
    }

    private static byte[] Render(JsonDocument data, OutputFormat format) =>
        Engine.Render("transfer-slip", data.RootElement, format).Content;

    /// <summary>The median distance between the baselines of 16 pt lines on the PDF's pages.</summary>
    private static (double Pitch, int Pages) BodyPitch(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        var gaps = new List<double>();
        foreach (var page in doc.GetPages())
        {
            var baselines = page.Letters.Where(l => l.FontSize is > 15.9 and < 16.1 && !string.IsNullOrWhiteSpace(l.Value))
                .Select(l => Math.Round(l.StartBaseLine.Y, 2)).Distinct().OrderDescending().ToList();
            gaps.AddRange(baselines.Zip(baselines.Skip(1), (a, b) => a - b));
        }
        gaps.Sort();
        return (gaps[gaps.Count / 2], doc.NumberOfPages);
    }

    private static int LineOf(Style style) => int.Parse(style.StyleParagraphProperties!.SpacingBetweenLines!.Line!.Value!, CultureInfo.InvariantCulture);

    /// <summary>
    /// Issuing makes the DOCX from the PDF's rendering (<see cref="DocumentEngine.DocxOf"/>) without laying the document
    /// out again: the same bytes as the DOCX rendered on its own, on the grid's pitch and on a tightened one.
    /// </summary>
    [Theory]
    [InlineData(60)]
    [InlineData(128)]
    public void DocxOf_APdfRendering_IsTheDocxRenderedOnItsOwn(int reasonLength)
    {
        using var data = TransferSlip(reasonLength);
        var pdf = Engine.Render("transfer-slip", data.RootElement, OutputFormat.Pdf);
        var docx = Engine.DocxOf(pdf);
        Assert.Equal(OutputFormat.Docx, docx.Format);
        Assert.Equal(pdf.LinePitch, docx.LinePitch);
        Assert.Equal(reasonLength == 128, pdf.LinePitch < GridPitch - 0.01);
        // Rendered on its own, the DOCX says which pitch it is set on, as the one made from the PDF does.
        var alone = Engine.Render("transfer-slip", data.RootElement, OutputFormat.Docx);
        Assert.Equal(alone.Content, docx.Content);
        Assert.Equal(pdf.LinePitch, alone.LinePitch);
        Assert.Throws<ArgumentException>(() => Engine.DocxOf(docx));
    }

    [Fact]
    public void Render_TransferSlipWhoseClosingNeedsATighterPitch_DocxIsSetOnThePdfsPitch()
    {
        using var data = TransferSlip(128);
        var (pitch, pages) = BodyPitch(Render(data, OutputFormat.Pdf));
        // The PDF needed the adjustment: one page, its lines closer than the grid's but not below 90 % of it.
        Assert.Equal(1, pages);
        Assert.InRange(pitch, 0.9 * GridPitch - 0.01, GridPitch - 0.5);

        using var docx = Open(Render(data, OutputFormat.Docx));
        var expected = (int)Math.Floor(pitch * 20 + 0.05);
        foreach (var id in (string[])[DocxStyleIds.Normal, DocxStyleIds.Body])
        {
            var line = LineOf(Style(docx, id));
            Assert.True(Math.Abs(line - expected) <= 1, $"{id}: line spacing {line} twips, the PDF's pitch is {pitch * 20:F1}");
            Assert.Equal(LineSpacingRuleValues.Exact, Style(docx, id).StyleParagraphProperties!.SpacingBetweenLines!.LineRule!.Value);
        }
        // No line grid, or LibreOffice would set every line on the grid's pitch; its pitch recorded is the body's.
        var grid = Body(docx).GetFirstChild<SectionProperties>()!.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.Default, grid.Type!.Value);
        Assert.Equal(LineOf(Style(docx, DocxStyleIds.Body)), grid.LinePitch!.Value);
        Assert.Empty(ValidationErrors(docx));
    }

    [Fact]
    public void Render_EverySample_DocxOnTheGridPitchUnlessThePdfTightened()
    {
        foreach (var (form, sample) in Samples())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(SamplePath(sample)));
            var pdf = Engine.Render(form, json.RootElement, OutputFormat.Pdf).Content;
            using var docx = Open(Engine.Render(form, json.RootElement, OutputFormat.Docx).Content);
            var line = LineOf(Style(docx, DocxStyleIds.Body));
            using var doc = PdfDocument.Open(pdf);
            var body = doc.GetPages().SelectMany(p => p.Letters).Count(l => l.FontSize is > 15.9 and < 16.1);
            if (body < 200)
            {
                // A form whose text is a table: no body lines to measure; the grid's pitch.
                Assert.Equal((int)Math.Floor(GridPitch * 20), line);
                continue;
            }
            var (pitch, _) = BodyPitch(pdf);
            Assert.True(Math.Abs(line - pitch * 20) <= 1.5, $"{sample}: DOCX {line} twips, PDF {pitch * 20:F1}");
        }
    }

    [Fact]
    public void Render_TransferSlip_ClosingKeepsWithTheTextsLastParagraph()
    {
        using var data = TransferSlip(149);
        using var docx = Open(Render(data, OutputFormat.Docx));
        var paragraphs = Body(docx).Elements<Paragraph>().ToList();
        var last = paragraphs.FindLastIndex(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == DocxStyleIds.Body && Text(p).Length > 0);
        Assert.StartsWith("因", Text(paragraphs[last]), StringComparison.Ordinal);
        var closing = paragraphs[last..];
        // Every paragraph from the text's last one to the issuing body keeps with the next, directly or by its style;
        // the last paragraph moves two lines at least (widow and orphan control); the date ends the chain.
        Assert.All(closing[..^1], p => Assert.True(KeepsWithNext(docx, p), $"「{Text(p)}」 does not keep with the next"));
        Assert.NotNull(closing[0].ParagraphProperties!.WidowControl);
        Assert.EndsWith("日", Text(closing[^1]), StringComparison.Ordinal);
        Assert.False(KeepsWithNext(docx, closing[^1]));
        // The text before the last paragraph does not: the body breaks where it falls, as in the PDF.
        Assert.False(KeepsWithNext(docx, paragraphs[last - 1]));
        Assert.Empty(ValidationErrors(docx));
    }

    private static bool KeepsWithNext(WordprocessingDocument docx, Paragraph p)
    {
        var own = p.ParagraphProperties?.KeepNext;
        if (own is not null) return own.Val?.Value ?? true;
        var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var kept = style is null ? null : Style(docx, style).StyleParagraphProperties?.KeepNext;
        return kept is not null && (kept.Val?.Value ?? true);
    }

    /// <summary>
    /// LibreOffice's PDF of each DOCX has the PDF's pages: one for the tighter pitch, two with the text's last lines
    /// (not only the closing) on the second for the carried-over one.
    /// </summary>
    [Theory]
    [InlineData(128, 1)]
    [InlineData(149, 2)]
    public void LibreOffice_TransferSlipAtThePageEnd_SamePagesAsThePdf_TextOnTheLast(int length, int expectedPages)
    {
        var soffice = ExternalTool.Require("soffice", "libreoffice-writer");
        var pdftotext = ExternalTool.Require("pdftotext", "poppler-utils");
        using var data = TransferSlip(length);
        var pdf = Render(data, OutputFormat.Pdf);
        using (var doc = PdfDocument.Open(pdf)) Assert.Equal(expectedPages, doc.NumberOfPages);
        var dir = Path.Combine(Path.GetTempPath(), "ses-docx-closing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "slip.docx"), Render(data, OutputFormat.Docx));
            var (exit, output) = ExternalTool.Run(soffice, "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", dir, Path.Combine(dir, "slip.docx"));
            var converted = Path.Combine(dir, "slip.pdf");
            Assert.True(exit == 0 && File.Exists(converted), output);
            using var lo = PdfDocument.Open(File.ReadAllBytes(converted));
            Assert.Equal(expectedPages, lo.NumberOfPages);
            var page = expectedPages.ToString(CultureInfo.InvariantCulture);
            var (_, last) = ExternalTool.Run(pdftotext, "-f", page, "-l", page, "-enc", "UTF-8", converted, "-");
            Assert.Contains("中记入该相对人严重失信行为信息", last.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
