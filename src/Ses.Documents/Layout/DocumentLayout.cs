using System.Text;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;

namespace Ses.Documents.Layout;

/// <summary>
/// Lays a resolved document out on A4 pages: title, number line, addressee, body paragraphs, signature block and
/// ruled tables, flowing to further pages, then page numbers on every page.
/// </summary>
internal sealed partial class DocumentLayout
{
    private const int BodyChain = 0;
    private const int TitleChain = 1;
    private const int LatinChain = 2;

    private readonly FontSet _fonts;
    private readonly List<PageOps> _pages = [];
    private PageOps _page = null!;
    private double _y;
    private SealPosition? _seal;

    private readonly double _pitch;

    // Line breaks do not depend on the pitch: each text is broken once for all the layouts tried.
    private readonly Dictionary<(string, double, double, int, double, double), List<string>> _breaks;

    // A page break forced before this line of this block, to carry the end of the text over to the signature's page.
    private readonly (int Block, int Line)? _breakBefore;
    private int _block;

    // Per page: whether it carries any of the text proper (title, number, addressee, paragraphs, tables), as opposed
    // to only the closing lines, the contact block and the signature.
    private readonly List<bool> _hasText = [];

    // The last paragraph or addressee placed: its block and line count, where a carry-over would start.
    private (int Block, int Lines)? _lastText;
    private bool _isText;

    private DocumentLayout(FontSet fonts, double pitch, Dictionary<(string, double, double, int, double, double), List<string>> breaks,
        (int Block, int Line)? breakBefore)
    {
        _fonts = fonts;
        _pitch = pitch;
        _breaks = breaks;
        _breakBefore = breakBefore;
        NewPage();
    }

    public static LaidOutDocument Lay(ResolvedDocument doc, FontSet fonts)
    {
        var breaks = new Dictionary<(string, double, double, int, double, double), List<string>>();
        var best = Run(doc, fonts, Styles.LinePitch, breaks, null);
        if (best.ClosingAlone)
        {
            // GB/T 9704-2012 §7.3.5: when the seal and the date would stand alone on a page, the spacing is adjusted.
            // First the line pitch a little tighter (never below 90 % of the grid), then, if that is not enough, the
            // last lines of the text are carried over so the signature's page has text on it.
            var fitted = Styles.ClosingPitchSteps.Select(step => Run(doc, fonts, Styles.LinePitch * step, breaks, null))
                .FirstOrDefault(layout => !layout.ClosingAlone);
            if (fitted is null && best._lastText is { } last)
            {
                var carried = Run(doc, fonts, Styles.LinePitch, breaks, (last.Block, last.Lines <= 3 ? 0 : last.Lines - 2));
                if (!carried.ClosingAlone) fitted = carried;
            }
            best = fitted ?? best;
        }
        best.NumberPages();
        if (doc.Watermark is { Length: > 0 } mark) best.MarkPages(mark);
        return new LaidOutDocument(best._pages, best._seal, best._pitch);
    }

    private static DocumentLayout Run(ResolvedDocument doc, FontSet fonts, double pitch,
        Dictionary<(string, double, double, int, double, double), List<string>> breaks, (int Block, int Line)? breakBefore)
    {
        var layout = new DocumentLayout(fonts, pitch, breaks, breakBefore);
        for (var i = 0; i < doc.Blocks.Count; i++)
        {
            layout._block = i;
            layout.Place(doc.Blocks[i]);
        }
        return layout;
    }

    /// <summary>Whether the last page of several holds only the closing: contact lines, the issuing body, the date.</summary>
    private bool ClosingAlone => _pages.Count > 1 && !_hasText[^1];

    /// <summary>The draft mark on every page: title face, 150 pt, along a 45° line through the page centre.</summary>
    private void MarkPages(string mark)
    {
        var fonts = Chain(TitleChain);
        var runs = new List<TextOp>();
        var x = 0.0;
        foreach (var r in mark.EnumerateRunes())
        {
            var face = fonts.Drawing(r.Value);
            var width = fonts.Faces[face].Metrics.AdvanceEm(r.Value) * Styles.WatermarkSize;
            if (runs.Count > 0 && runs[^1].Face == face) runs[^1] = runs[^1] with { Text = runs[^1].Text + r, Width = runs[^1].Width + width };
            else runs.Add(new TextOp(x, 0, TitleChain, face, Styles.WatermarkSize, 1, r.ToString(), width, false));
            x += width;
        }
        var op = new WatermarkOp(runs, Styles.WatermarkSize, Styles.WatermarkAngle, x);
        foreach (var page in _pages) page.Watermark = op;
    }

    private FontChain Chain(int chain) => _fonts.ByIndex(chain);

    private void NewPage()
    {
        _page = new PageOps();
        _pages.Add(_page);
        _hasText.Add(false);
        _y = Styles.Top;
    }

    private double Remaining => Styles.Bottom - _y;

    private void EnsureRoom(double height)
    {
        if (height > Remaining + 0.01 && _y > Styles.Top + 0.01) NewPage();
    }

    /// <summary>The font chain (a <see cref="FontRole"/>: 0 body, 1 title, 2 Latin, 3 and 4 headings) a block's text is set in.</summary>
    internal static int ChainFor(BlockKind kind, string lang, string text) => (int)FontRoles.For(kind, lang, text);

    private void Place(ResolvedBlock block)
    {
        var chain = ChainFor(block.Kind, block.Lang, block.Text);
        _isText = block.Kind is BlockKind.Title or BlockKind.Number or BlockKind.Addressee or BlockKind.Paragraph or BlockKind.Table;
        switch (block.Kind)
        {
            case BlockKind.Title:
                // The author's line breaks stand unless a line is too long for the block; then the title is broken anew.
                var titleLines = block.Text.Split('\n');
                if (titleLines.Any(t => TitleWidth(t, chain) > Styles.BlockWidth + 0.01)) titleLines = [string.Concat(titleLines)];
                foreach (var text in titleLines)
                {
                    PlaceTitleLines(text, chain);
                }
                _y += _pitch * 0.5;
                break;
            case BlockKind.Number:
                PlaceLines(block.Text, chain, Styles.BodySize, Styles.BodyScale, _pitch, Align.Center, 0);
                _y += _pitch;
                break;
            case BlockKind.Paragraph when chain == LatinChain:
                _lastText = (_block, PlaceLines(block.Text, chain, Styles.EnglishSize, 1, Styles.EnglishPitch, Align.Left, Styles.EnglishSize * 2));
                break;
            case BlockKind.Paragraph:
                _lastText = (_block, PlaceLines(block.Text, chain, Styles.BodySize, Styles.BodyScale, _pitch, Align.Left, Styles.BodyCell * 2));
                break;
            case BlockKind.Addressee:
            case BlockKind.Line:
            case BlockKind.Right:
                var english = chain == LatinChain;
                foreach (var text in block.Text.Split('\n'))
                {
                    PlaceLines(text, chain, english ? Styles.EnglishSize : Styles.BodySize, english ? 1 : Styles.BodyScale,
                        english ? Styles.EnglishPitch : _pitch, block.Kind == BlockKind.Right ? Align.Right : Align.Left, 0);
                }
                break;
            case BlockKind.Blank:
                _y = Math.Min(_y + _pitch, Styles.Bottom);
                break;
            case BlockKind.Signature:
                PlaceSignature(block.Text);
                break;
            case BlockKind.Table:
                PlaceTable(block.Table!);
                break;
        }
    }

    private enum Align
    {
        Left,
        Center,
        Right,
    }

    private double Measure(Rune r, int chain, double size, double scale) => Chain(chain).AdvanceEm(r.Value) * size * scale;

    /// <summary>Sets a text's lines; returns how many.</summary>
    private int PlaceLines(string text, int chain, double size, double scale, double pitch, Align align, double indent)
    {
        var lines = Break(text, Styles.BlockWidth - indent, Styles.BlockWidth, chain, size, scale);
        for (var i = 0; i < lines.Count; i++)
        {
            if (_breakBefore == (_block, i) && _y > Styles.Top + 0.01) NewPage();
            EnsureRoom(pitch);
            var x = i == 0 ? Styles.Left + indent : Styles.Left;
            DrawLine(lines[i], chain, size, scale, x, Styles.Right, Styles.Baseline(_y, pitch, size), align);
            _y += pitch;
        }
        return lines.Count;
    }

    /// <summary>
    /// One line of a title as the author wrote it, centred; too long for one line, it is broken into balanced lines at a
    /// sensible place (GB/T 9704-2012 §7.3.1: words kept whole, lines symmetrical), never leaving 「的」 to start a line.
    /// </summary>
    private void PlaceTitleLines(string text, int chain)
    {
        var key = (text, -1.0, Styles.BlockWidth, chain, Styles.TitleSize, 1.0);
        if (!_breaks.TryGetValue(key, out var lines))
        {
            lines = LineBreaker.BreakTitle(text, Styles.BlockWidth, r => Measure(r, chain, Styles.TitleSize, 1));
            _breaks[key] = lines;
        }
        foreach (var line in lines)
        {
            EnsureRoom(Styles.TitlePitch);
            DrawLine(line, chain, Styles.TitleSize, 1, Styles.Left, Styles.Right, Styles.Baseline(_y, Styles.TitlePitch, Styles.TitleSize), Align.Center);
            _y += Styles.TitlePitch;
        }
    }

    private double TitleWidth(string text, int chain) => text.EnumerateRunes().Sum(r => Measure(r, chain, Styles.TitleSize, 1));

    private List<string> Break(string text, double first, double width, int chain, double size, double scale)
    {
        var key = (text, first, width, chain, size, scale);
        if (!_breaks.TryGetValue(key, out var lines))
        {
            lines = LineBreaker.Break(text, first, width, r => Measure(r, chain, size, scale));
            _breaks[key] = lines;
        }
        return lines;
    }

    /// <summary>Draws one line between <paramref name="left"/> and <paramref name="right"/>, split into runs by face.</summary>
    private double DrawLine(string line, int chain, double size, double scale, double left, double right, double baseline, Align align, bool bold = false)
    {
        var fonts = Chain(chain);
        var runs = new List<(int Face, string Text, double Width)>();
        var sb = new StringBuilder();
        var face = -1;
        var width = 0.0;
        foreach (var r in line.EnumerateRunes())
        {
            var f = fonts.Drawing(r.Value);
            if (f != face && sb.Length > 0)
            {
                runs.Add((face, sb.ToString(), width));
                sb.Clear();
                width = 0;
            }
            face = f;
            sb.Append(r.ToString());
            width += fonts.Faces[f].Metrics.AdvanceEm(r.Value) * size * scale;
        }
        if (sb.Length > 0) runs.Add((face, sb.ToString(), width));
        var total = runs.Sum(r => r.Width);
        var x = align switch
        {
            Align.Center => left + (right - left - total) / 2,
            Align.Right => right - total,
            _ => left,
        };
        foreach (var run in runs)
        {
            if (run.Text.Trim().Length > 0 && _isText) _hasText[^1] = true;
            if (run.Text.Trim().Length > 0) _page.Texts.Add(new TextOp(x, baseline, chain, run.Face, size, scale, run.Text, run.Width, bold));
            x += run.Width;
        }
        return total;
    }

    /// <summary>
    /// The issuing body and the date at the right: the date four characters in from the right edge, the body's name
    /// centred over it, and room above for the seal, which presses down on both (GB/T 9704-2012 §7.3.5.1).
    /// </summary>
    private void PlaceSignature(string text)
    {
        var lines = text.Split('\n');
        var needed = _pitch * (2 + lines.Length);
        EnsureRoom(needed);
        // Two blank lines: with the seal's centre a quarter line above the lines' midpoint, a 42 mm seal over two lines
        // reaches about 1.3 lines above the name, so its top falls 0.7 line below the text above (§7.3.5.1: 印章顶端应当
        // 上距正文（或附件说明）一行之内), at the grid's pitch and at the tightened ones alike.
        _y += _pitch * 2;
        var dateLine = lines[^1];
        var dateRight = Styles.Right - Styles.BodyCell * 4;
        var dateWidth = LineWidth(dateLine);
        // §7.3.5.1: 以成文日期为准居中编排发文机关署名. A name too long to centre over the date within the block moves the
        // common centre left, so the name, the date and the seal keep one vertical axis.
        var widest = lines.Max(LineWidth);
        var centre = Math.Min(dateRight - dateWidth / 2, Styles.Right - widest / 2);
        var firstLineTop = _y;
        foreach (var line in lines)
        {
            var w = LineWidth(line);
            var left = Math.Max(Styles.Left, centre - w / 2);
            var baseline = Styles.Baseline(_y, _pitch, Styles.BodySize);
            DrawLine(line, (int)FontRoles.ForLine(line), Styles.BodySize, Scale(line), left, left + w, baseline, Align.Left);
            _y += _pitch;
        }
        // §7.3.5.1: 印章端正、居中下压发文机关署名和成文日期，使发文机关署名和成文日期居印章中心偏下位置. "偏下", slightly
        // below: the midpoint of the name and date lines a quarter line pitch below the seal's centre.
        _seal = new SealPosition(_pages.Count - 1, centre, (firstLineTop + _y) / 2 - _pitch * Styles.SealDrop, Styles.SealDiameter);

        // An English line (the confirmation letter's) is set in the Latin font, not condensed to the character grid.
        double Scale(string s) => FontRoles.ForLine(s) == FontRole.Latin ? 1 : Styles.BodyScale;
        double LineWidth(string s) => s.EnumerateRunes().Sum(r => Measure(r, (int)FontRoles.ForLine(s), Styles.BodySize, Scale(s)));
    }

    /// <summary>GB/T 9704-2012 §7.5: every page numbered, a single page too; odd right, even left, one character in.</summary>
    private void NumberPages()
    {
        _isText = false;
        for (var i = 0; i < _pages.Count; i++)
        {
            _page = _pages[i];
            var text = $"— {i + 1} —";
            var baseline = Styles.Bottom + Styles.PageNumberGap + Styles.PageNumberSize * 0.8;
            var odd = i % 2 == 0;
            var inset = Styles.PageNumberSize;
            DrawLine(text, BodyChain, Styles.PageNumberSize, 1, Styles.Left + inset, Styles.Right - inset, baseline, odd ? Align.Right : Align.Left);
        }
    }
}
