using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Ses.Documents.Tests.Layout;

public sealed class LayoutTests
{
    private const double Mm = 72.0 / 25.4;

    // GB/T 9704-2012: A4, text block 156 × 225 mm at 28 mm from the left and 37 mm from the top.
    private const double BlockLeft = 28 * Mm;
    private const double BlockRight = (28 + 156) * Mm;
    private const double BlockTop = 842 - 37 * Mm;
    private const double BlockBottom = 842 - (37 + 225) * Mm;
    private const double Tolerance = 1.0;

    public static TheoryData<string> Forms() => [.. TestEngine.SampleFormIds()];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_KeepsTextInsideTheBlockWithoutOverlaps(string formId)
    {
        using var sample = TestEngine.Sample(formId);
        AssertInsideTheBlockWithoutOverlaps(formId, TestEngine.Engine.Render(formId, sample.RootElement, OutputFormat.Pdf).Content);
    }

    [Fact]
    public void Render_SinglePage_IsNumberedToo_OnTheRightOneCharacterIn()
    {
        // GB/T 9704-2012 §7.5: every page carries its number, a one-page document too; odd pages right, one character in.
        using var sample = TestEngine.Sample("repair-application");
        using var doc = PdfDocument.Open(TestEngine.Engine.Render("repair-application", sample.RootElement, OutputFormat.Pdf).Content);
        Assert.Equal(1, doc.NumberOfPages);
        var number = doc.GetPage(1).Letters.Where(l => l.StartBaseLine.Y < BlockBottom && IsPageNumber(l.Value)).ToList();
        Assert.Equal("— 1 —", string.Concat(number.Select(l => l.Value)).Replace("  ", " ", StringComparison.Ordinal).Trim());
        Assert.InRange(BlockRight - number.Max(l => l.BoundingBox.Right), 10, 18);
    }

    [Fact]
    public void Render_DeliveryCertificateWithLongHashes_KeepsTextInsideTheBlockWithoutOverlaps()
    {
        // 64-character SHA-256 values in narrow cells must wrap, never run over the rule or the margin.
        var rendered = TestEngine.Engine.RenderDeliveryCertificate(Certificates.CertificateSamples.Pending(events: 12));
        Assert.True(rendered.PageCount >= 2);
        AssertInsideTheBlockWithoutOverlaps("delivery-certificate", rendered.Content);
    }

    private static void AssertInsideTheBlockWithoutOverlaps(string formId, byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            Assert.Equal(595.3, page.Width, 0.5);
            Assert.Equal(841.9, page.Height, 0.5);
            var body = BodyLetters(page, doc.NumberOfPages);
            Assert.NotEmpty(body);
            foreach (var l in body)
            {
                var box = l.BoundingBox;
                Assert.True(box.Left >= BlockLeft - Tolerance && box.Right <= BlockRight + Tolerance &&
                            box.Bottom >= BlockBottom - Tolerance && box.Top <= BlockTop + Tolerance,
                    $"{formId} page {page.Number}: '{l.Value}' at {box} lies outside the text block");
            }
            AssertNoOverlaps(formId, page.Number, body);
        }
    }

    [Fact]
    public void Render_BodyText_Is16PointWithAbout28CharactersALine()
    {
        using var sample = TestEngine.Sample("notice-org");
        using var doc = PdfDocument.Open(TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf).Content);
        var letters = doc.GetPage(1).Letters;
        var body = letters.Where(l => Math.Abs(l.FontSize - 16) < 0.01).ToList();
        Assert.NotEmpty(body);
        var title = letters.Where(l => Math.Abs(l.FontSize - 22) < 0.01).ToList();
        Assert.Equal("民航行业严重失信行为认定告知书（组织）", string.Concat(title.Select(t => t.Value)));
        var titleCentre = (title[0].StartBaseLine.X + title[^1].EndBaseLine.X) / 2;
        Assert.Equal((BlockLeft + BlockRight) / 2, titleCentre, 2.0);
        var longest = body.GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Where(g => g.All(l => l.Value[0] >= 0x2E80))
            .Max(g => g.Count());
        Assert.InRange(longest, 27, 28);
    }

    [Fact]
    public void Render_ManyResponsiblePersons_FlowsToFurtherPagesWithHeaderAndPageNumbers()
    {
        var path = Path.Combine(TestEngine.TemplatesRoot, "samples", "collection-org-long.json");
        Assert.True(File.Exists(path), "templates/samples/collection-org-long.json (40 persons) is missing");
        using var data = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        using var doc = PdfDocument.Open(TestEngine.Engine.Render("collection-org", data.RootElement, OutputFormat.Pdf).Content);
        Assert.True(doc.NumberOfPages >= 2);
        foreach (var page in doc.GetPages())
        {
            var text = string.Concat(page.Letters.Select(l => l.Value));
            Assert.Contains($"— {page.Number} —", text);
            if (page.Number > 1 && page.Number < doc.NumberOfPages) Assert.Contains("序号", text);
        }
    }

    /// <summary>A character of 「— 12 —」.</summary>
    private static bool IsPageNumber(string value) => value.All(c => c is '—' or ' ' || char.IsAsciiDigit(c));

    private static List<Letter> BodyLetters(Page page, int pages)
    {
        // Page numbers sit below the block by design (GB/T 9704-2012 §7.5); everything else must be inside it.
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        return [.. letters.Where(l => !(l.StartBaseLine.Y < BlockBottom && IsPageNumber(l.Value)))];
    }

    private static void AssertNoOverlaps(string formId, int page, List<Letter> letters)
    {
        var boxes = letters.Select(l => (l.Value, Box: l.BoundingBox)).Where(b => b.Box.Width > 0.5 && b.Box.Height > 0.5)
            .OrderBy(b => b.Box.Left).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count && boxes[j].Box.Left < boxes[i].Box.Right; j++)
            {
                var a = boxes[i].Box;
                var b = boxes[j].Box;
                var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var overlapY = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                Assert.False(overlapX > 1.0 && overlapY > 1.0,
                    $"{formId} page {page}: '{boxes[i].Value}' {a} overlaps '{boxes[j].Value}' {b}");
            }
        }
    }
}
