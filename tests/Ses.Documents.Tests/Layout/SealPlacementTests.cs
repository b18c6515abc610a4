using System.Globalization;
using Ses.Documents.Layout;
using Ses.Documents.Rendering;
using Ses.Documents.Signing;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Ses.Documents.Tests.Layout;

/// <summary>
/// GB/T 9704-2012 §7.3.5.1: 印章端正、居中下压发文机关署名和成文日期，使发文机关署名和成文日期居印章中心偏下位置，印章顶端应当
/// 上距正文（或附件说明）一行之内. Read back from the signed PDF: the seal widget's rectangle against the text on its page.
/// </summary>
public sealed class SealPlacementTests(DevelopmentPki pki)
{
    // GB/T 9704-2012 §5.2.2: 22 lines in the 225 mm text block; §7.3.5 tightens it to no less than 90 %.
    private const double GridPitch = 225 * 72 / 25.4 / 22;

    private static RenderedDocument Render(string form)
    {
        using var sample = TestEngine.Sample(form);
        return TestEngine.Engine.Render(form, sample.RootElement, OutputFormat.Pdf);
    }

    private byte[] Sign(RenderedDocument rendered)
    {
        var bureau = rendered.Document.Bureau;
        var key = pki.Set.SigningFor(bureau, rendered.Document.SealingUnit, pki.Time);
        return TestEngine.Engine.Sign(rendered, new SignatureSettings(key, pki.Tsa()), pki.Time.GetUtcNow());
    }

    private sealed record Line(double Baseline, List<Letter> Letters)
    {
        public string Text => string.Concat(Letters.Select(l => l.Value));

        public double Left => Letters[0].StartBaseLine.X;

        public double Right => Letters[^1].EndBaseLine.X;

        /// <summary>The vertical middle of the line's ink, from its Chinese characters (digits are shorter than the em).</summary>
        public double Middle => Letters.Where(l => l.Value[0] >= 0x4E00).Average(l => (l.BoundingBox.Bottom + l.BoundingBox.Top) / 2);

        public double InkBottom => Letters.Min(l => l.BoundingBox.Bottom);
    }

    /// <summary>The page's text lines, top to bottom (PDF coordinates: y grows upwards).</summary>
    private static List<Line> Lines(Page page) =>
        [.. page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => new Line(g.Key, [.. g.OrderBy(l => l.StartBaseLine.X)]))];

    private static (PdfRectangle Rect, Page Page) Seal(PdfDocument doc, RenderedDocument rendered)
    {
        var page = doc.GetPage(rendered.Seal!.Page + 1);
        var widget = Assert.Single(page.GetAnnotations(), a => a.Type == AnnotationType.Widget);
        return (widget.Rectangle, page);
    }

    [Theory]
    [InlineData("notice-org")]
    [InlineData("decision-org")]
    [InlineData("decision-person")]
    [InlineData("repair-rejection")]
    [InlineData("repair-refusal")]
    public void SignedNotice_SealPressesDownOnTheNameAndDate_ItsTopWithinOneLineOfTheText(string form)
    {
        var rendered = Render(form);
        using var doc = PdfDocument.Open(Sign(rendered));
        var (rect, page) = Seal(doc, rendered);
        var lines = Lines(page);
        var nameAt = lines.FindIndex(l => l.Text == rendered.Document.Bureau.Name);
        Assert.True(nameAt > 0, $"{form}: no line reads {rendered.Document.Bureau.Name} on the seal's page");
        var name = lines[nameAt];
        var date = lines[nameAt + 1];
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", date.Text);
        var above = lines[nameAt - 1];
        var pitch = name.Baseline - date.Baseline;
        Assert.InRange(pitch, GridPitch * 0.9 - 0.1, GridPitch + 0.1);

        // 端正、居中: the seal's axis is the name's and the date's (the name is centred over the date).
        var centreX = (rect.Left + rect.Right) / 2;
        Assert.Equal((name.Left + name.Right) / 2, centreX, 1.0);
        Assert.Equal((date.Left + date.Right) / 2, centreX, 1.0);
        Assert.Equal(rect.Width, rect.Height, 0.1);

        // 居印章中心偏下: the middle of the two lines slightly below the seal's centre, a quarter line (the layout's reading
        // of 偏下), give or take an eighth for the ink of the glyphs against their em boxes.
        var centreY = (rect.Bottom + rect.Top) / 2;
        var drop = centreY - (name.Middle + date.Middle) / 2;
        Assert.True(drop >= pitch / 8 && drop <= pitch * 3 / 8, $"{form}: name and date {drop:0.0} pt below the seal's centre, line pitch {pitch:0.0}");
        // 下压: both lines lie under the seal, well inside its circle.
        Assert.InRange(name.Middle, centreY, centreY + rect.Height / 2 - pitch);
        Assert.InRange(date.Middle, centreY - rect.Height / 2 + pitch, centreY);

        // 印章顶端应当上距正文（或附件说明）一行之内: the seal's top below the last line of text above, by at most one line.
        var gap = above.InkBottom - rect.Top;
        Assert.True(gap >= 0 && gap <= pitch, $"{form}: the seal's top is {gap:0.0} pt below 「{above.Text}」, line pitch {pitch:0.0}");
    }

    [Theory]
    [InlineData("collection-org")]
    [InlineData("collection-person")]
    public void SignedCollectionForm_SealCentredOnTheUnitAndDate_OfItsSealCell(string form)
    {
        var rendered = Render(form);
        using var doc = PdfDocument.Open(Sign(rendered));
        var (rect, page) = Seal(doc, rendered);
        var cell = Assert.Single(Lines(page), l => l.Text.StartsWith("采集单位（盖章）：", StringComparison.Ordinal));
        // What the seal presses on: the collecting unit's name and the date, after the label.
        var label = "采集单位（盖章）：".Length;
        var signed = cell.Letters.Skip(label).ToList();
        using var sample = TestEngine.Sample(form);
        var date = DateOnly.Parse(sample.RootElement.GetProperty("collectDate").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(sample.RootElement.GetProperty("collector").GetString() + $"{date.Year}年{date.Month}月{date.Day}日",
            string.Concat(signed.Select(l => l.Value)));
        var centreX = (rect.Left + rect.Right) / 2;
        Assert.Equal((signed[0].StartBaseLine.X + signed[^1].EndBaseLine.X) / 2, centreX, 1.0);

        // The line a little below the seal's centre: a quarter of the table's line pitch (1.5 lines of 小四), give or take an eighth.
        var pitch = signed[0].FontSize * 1.5;
        var drop = (rect.Bottom + rect.Top) / 2 - cell.Middle;
        Assert.True(drop >= pitch / 8 && drop <= pitch * 3 / 8, $"{form}: the unit's line {drop:0.0} pt below the seal's centre, line pitch {pitch:0.0}");
    }

    /// <summary>
    /// A seal cell without the 「（盖章）」 label (a unit's name and the date under a line of text): the seal sits on the cell's
    /// last line, the date, a quarter line below its centre and centred on it, not on the cell's first line.
    /// </summary>
    [Fact]
    public void SealCellWithoutTheLabel_SealOnItsLastLine()
    {
        var bureau = TestEngine.Engine.Templates.DefaultBureau;
        var cell = new ResolvedCell("经办人：王某\n民航西北地区管理局运输管理处\n2026年3月1日", 1, CellAlign.Left, false, true);
        var table = new ResolvedTable([1], [new ResolvedRow([new ResolvedCell("事实：航班延误。", 1, CellAlign.Left, false, false)], false, []),
            new ResolvedRow([cell], false, [])]);
        var doc = new ResolvedDocument("synthetic", "盖章位置测试", null, bureau, [new ResolvedBlock(BlockKind.Table, "", "zh", table)]);

        var laid = DocumentLayout.Lay(doc, TestEngine.Engine.Fonts);
        var seal = laid.Seal!;
        // The cell's lines on the page (layout coordinates: y grows downwards), by baseline.
        var lines = laid.Pages[seal.Page].Texts.Where(t => t.Size == 12).GroupBy(t => t.Baseline).OrderBy(g => g.Key)
            .Select(g => (Baseline: g.Key, Text: string.Concat(g.OrderBy(t => t.X).Select(t => t.Text)), Left: g.Min(t => t.X),
                Right: g.Max(t => t.X + t.Width))).ToList();
        var date = Assert.Single(lines, l => l.Text == "2026年3月1日");
        var unit = Assert.Single(lines, l => l.Text == "民航西北地区管理局运输管理处");
        Assert.Equal((date.Left + date.Right) / 2, seal.CenterX, 0.5);
        // The seal's centre a quarter of the table's pitch above the middle of the date's line: below the unit's line.
        var dateMiddle = date.Baseline - Styles.TableSize * 0.88 + Styles.TableSize / 2;
        Assert.Equal(dateMiddle - Styles.TablePitch * Styles.SealDrop, seal.CenterY, 0.5);
        Assert.True(seal.CenterY > unit.Baseline, $"the seal's centre {seal.CenterY:0.0} is not below the unit's line {unit.Baseline:0.0}");
    }
}
