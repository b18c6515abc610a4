using System.Text;
using Ses.Documents.Layout;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Ses.Documents.Tests.Layout;

/// <summary>
/// GB/T 9704-2012 read back from every form's rendered sample: the body on the 22-line grid (§5.2.2), spacing only
/// adjusted as §7.3.5 allows and never below 90 % of the grid, every page numbered (§7.5), titles broken sensibly
/// (§7.3.1).
/// </summary>
public sealed class GridTests
{
    private const double Mm = 72.0 / 25.4;
    private const double BlockLeft = 28 * Mm;
    private const double BlockRight = (28 + 156) * Mm;
    private const double BlockBottom = 842 - (37 + 225) * Mm;
    private const double GridPitch = 225 * Mm / 22;
    private const double Cell = 156 * Mm / 28;

    public static TheoryData<string> Forms() => [.. TestEngine.SampleFormIds()];

    private static PdfDocument Render(string formId)
    {
        using var sample = TestEngine.Sample(formId);
        return PdfDocument.Open(TestEngine.Engine.Render(formId, sample.RootElement, OutputFormat.Pdf).Content);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_MedianBodyLinePitchIsAtLeast90PercentOfTheGrid(string formId)
    {
        using var doc = Render(formId);
        var gaps = new List<double>();
        foreach (var page in doc.GetPages())
        {
            var baselines = Lines(page).Where(l => l.Size is > 15.9 and < 16.1).Select(l => l.Baseline).ToList();
            for (var i = 1; i < baselines.Count; i++) gaps.Add(baselines[i - 1] - baselines[i]);
        }
        var form = TestEngine.Engine.Templates.FindForm(formId)!;
        if (gaps.Count < 3)
        {
            // A form whose body is a ruled table (the collection forms, the transfer slip) has its text in the cells at
            // 小四 on the table's own pitch (12 pt × 1.5); that pitch is kept too.
            Assert.Contains(form.Blocks, b => b.Kind == BlockKind.Table);
            foreach (var page in doc.GetPages())
            {
                var cells = Lines(page).Where(l => l.Size is > 11.9 and < 12.1).Select(l => l.Baseline).Distinct().ToList();
                for (var i = 1; i < cells.Count; i++) gaps.Add(cells[i - 1] - cells[i]);
            }
            Assert.True(gaps.Count >= 3, $"{formId}: only {gaps.Count + 1} table lines found");
            gaps.Sort();
            Assert.True(gaps[gaps.Count / 2] >= 0.9 * 18 - 0.05, $"{formId}: median table line pitch {gaps[gaps.Count / 2]:F2} pt is below 90 % of 18 pt");
            return;
        }
        gaps.Sort();
        var median = gaps[gaps.Count / 2];
        Assert.True(median >= 0.9 * GridPitch - 0.05,
            $"{formId}: median body line pitch {median:F2} pt is below 90 % of the grid's {GridPitch:F2} pt");
        Assert.True(median <= 1.5 * GridPitch, $"{formId}: median body line pitch {median:F2} pt is not a line pitch");
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_EveryPageCarriesItsNumber_OddRightEvenLeft(string formId)
    {
        using var doc = Render(formId);
        foreach (var page in doc.GetPages())
        {
            var below = page.Letters.Where(l => l.StartBaseLine.Y < BlockBottom && !string.IsNullOrWhiteSpace(l.Value)).ToList();
            Assert.True(below.Count > 0, $"{formId} page {page.Number} has no page number");
            Assert.Equal($"—{page.Number}—", string.Concat(below.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)));
            Assert.All(below, l => Assert.Equal(14, l.FontSize, 0.01));
            if (page.Number % 2 == 1) Assert.InRange(BlockRight - below.Max(l => l.BoundingBox.Right), 10, 18);
            else Assert.InRange(below.Min(l => l.BoundingBox.Left) - BlockLeft, 10, 18);
        }
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_NoTitleLineIsALone的OrStartsWith的(string formId)
    {
        using var doc = Render(formId);
        var title = Lines(doc.GetPage(1)).Where(l => l.Size is > 21.9 and < 22.1).Select(l => l.Text).ToList();
        Assert.NotEmpty(title);
        Assert.All(title, line => Assert.False(line.StartsWith('的'), $"{formId}: title line 「{line}」 starts with 的"));
        Assert.Equal(
            TestEngine.Engine.Templates.FindForm(formId)!.Title.Replace(" ", "", StringComparison.Ordinal),
            string.Concat(title));
    }

    [Fact]
    public void Render_RepairRejection_LastPageCarriesTextNotOnlyTheContactLinesAndSignature()
    {
        // GB/T 9704-2012 §7.3.5: the issuing body and the date (and the contact lines above them) never stand alone.
        using var doc = Render("repair-rejection");
        var last = Lines(doc.GetPage(doc.NumberOfPages)).Select(l => l.Text).ToList();
        var closing = new[] { "本机关地址", "邮政编码", "联系人", "联系电话", "民航西北地区管理局", "—" };
        var text = last.Where(l => !closing.Any(c => l.StartsWith(c, StringComparison.Ordinal)) && !IsDate(l)).ToList();
        Assert.True(text.Count > 0, "the last page holds only the contact lines and the signature: " + string.Join(" / ", last));
        Assert.Contains(last, l => l.Contains("起诉", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_LastPageOfSeveralHasBodyText(string formId)
    {
        // A paragraph line starts two cells in, runs from the left edge close to the right one, or ends a sentence; the
        // contact lines, the issuing body and the date do none of these.
        using var doc = Render(formId);
        if (doc.NumberOfPages == 1) return;
        var lines = Lines(doc.GetPage(doc.NumberOfPages)).Where(l => l.Baseline > BlockBottom).ToList();
        Assert.True(lines.Any(l => Math.Abs(l.Left - (BlockLeft + 2 * Cell)) < 3 || Math.Abs(l.Left - (BlockLeft + 2 * 12)) < 3 ||
                                   (Math.Abs(l.Left - BlockLeft) < 3 && (l.Right > BlockRight - 1.5 * Cell || l.Text.EndsWith('。') ||
                                                                         l.Text.EndsWith('.')))),
            $"{formId}: the last page holds no line of the text: " + string.Join(" / ", lines.Select(l => l.Text)));
    }

    [Fact]
    public void Lay_TextOfGrowingLength_ClosingNeverAlone_TightenedOnlyDownTo90Percent()
    {
        // One-line paragraphs are added one at a time, so the closing (contact lines, issuing body, date) reaches the
        // page end in every way: no page of several holds only the closing, no pitch goes below 90 % of the grid, and
        // both §7.3.5 remedies occur (a tighter pitch, and the last lines carried over).
        using var sample = TestEngine.Sample("repair-rejection");
        var resolved = TestEngine.Engine.Render("repair-rejection", sample.RootElement, OutputFormat.Pdf).Document;
        var grid = 225 * Mm / 22;
        var tightened = 0;
        var carried = 0;
        for (var n = 6; n <= 40; n++)
        {
            List<ResolvedBlock> blocks =
            [
                new(BlockKind.Title, "民航行业严重失信行为修复不予受理决定书", "zh", null),
                .. Enumerable.Range(1, n).Select(i => new ResolvedBlock(BlockKind.Paragraph, $"第{i}段，一行即止。", "zh", null)),
                new(BlockKind.Blank, "", "zh", null),
                new(BlockKind.Line, "本机关地址：陕西省西安市\n联系人：王某\n联系电话：029-88888888", "zh", null),
                new(BlockKind.Signature, "民航西北地区管理局\n2026年3月1日", "zh", null),
            ];
            var laid = DocumentLayout.Lay(resolved with { Blocks = blocks, Watermark = null }, TestEngine.Engine.Fonts);
            var body = laid.Pages.Select(p => p.Texts.Where(t => t.Size == 16).Select(t => t.Baseline).Distinct().Order().ToList()).ToList();
            var pitch = body.SelectMany(b => b.Zip(b.Skip(1), (a, c) => c - a)).Min();
            Assert.True(pitch >= 0.9 * grid - 0.01, $"{n} paragraphs: line pitch {pitch:F2} pt is below 90 % of the grid's {grid:F2} pt");
            var last = laid.Pages[^1].Texts.Select(t => t.Text).ToList();
            Assert.True(laid.Pages.Count == 1 || last.Any(t => t.StartsWith('第')),
                $"{n} paragraphs: the last page holds only the closing: " + string.Join(" / ", last));
            if (pitch < grid - 0.01) tightened++;
            if (laid.Pages.Count > 1 && body[^2].Max() < Styles.Bottom - 3 * grid) carried++;
        }
        Assert.True(tightened > 0, "no length needed a tighter pitch");
        Assert.True(carried > 0, "no length needed the last lines carried over");
    }

    [Fact]
    public void Render_TransferSlip_AttachmentNoteTwoCharactersIn_SecondAttachmentUnderTheFirst()
    {
        // GB/T 9704-2012 §7.3.3: 「附件」 two characters in, after it a full-width colon and the attachments numbered.
        using var doc = Render("transfer-slip");
        var lines = Lines(doc.GetPage(1));
        var first = lines.Single(l => l.Text.StartsWith("附件：1.", StringComparison.Ordinal));
        var second = lines.Single(l => l.Text.StartsWith("2.", StringComparison.Ordinal));
        Assert.Equal(BlockLeft + 2 * Cell, first.Left, 2.5);
        Assert.Equal(BlockLeft + 5 * Cell, second.Left, 2.5);
        Assert.Contains(second, lines.SkipWhile(l => l != first).Skip(1).Take(1));
    }

    [Fact]
    public void BreakTitle_LongTitle_BalancedAtAPhraseBoundary_NeverBefore的()
    {
        // 20 cells a line: 24 characters need two lines; 「的」 never starts one and the lines are balanced.
        static double Width(Rune r) => r.Value < 0x2000 ? 8 : 16;
        var lines = LineBreaker.BreakTitle("国务院办公厅关于进一步加强行政执法文书送达工作的通知", 320, Width);
        Assert.Equal(2, lines.Count);
        Assert.Equal("国务院办公厅关于进一步加强行政执法文书送达工作的通知", string.Concat(lines));
        Assert.All(lines, l => Assert.False(l.StartsWith('的')));
        Assert.True(Math.Abs(lines[0].Length - lines[1].Length) <= 8, string.Join(" / ", lines));

        // Greedy filling would leave 「的」 to start the second line; the title breaker never does.
        var tight = LineBreaker.BreakTitle("一二三四五六七八九十一二三四五六七八九十的确认函", 320, Width);
        Assert.Equal(2, tight.Count);
        Assert.All(tight, l => Assert.False(l.StartsWith('的'), string.Join(" / ", tight)));
        Assert.DoesNotContain("的", tight);
    }

    private static bool IsDate(string line) => line.Contains('年', StringComparison.Ordinal) && line.EndsWith('日');

    private sealed record Line(double Baseline, double Size, double Left, double Right, string Text);

    /// <summary>The page's text lines, top to bottom, each with its size and extent (letters grouped by baseline).</summary>
    private static List<Line> Lines(Page page) =>
    [
        .. page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => (Math.Round(l.StartBaseLine.Y, 1), Math.Round(l.FontSize, 1)))
            .Select(g => new Line(g.Key.Item1, g.Key.Item2, g.Min(l => l.BoundingBox.Left), g.Max(l => l.BoundingBox.Right),
                string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))))
            .OrderByDescending(l => l.Baseline),
    ];
}
