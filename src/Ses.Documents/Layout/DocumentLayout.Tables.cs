using Ses.Documents.Rendering;
using Ses.Documents.Templates;

namespace Ses.Documents.Layout;

/// <summary>Ruled tables: rows flow to further pages, a row taller than a page is split, and the header rows of a
/// repeating section are drawn again at the top of each page it continues on.</summary>
internal sealed partial class DocumentLayout
{
    private double[] _edges = [];

    private sealed record CellLines(ResolvedCell Cell, double Left, double Right, List<string> Lines);

    private void PlaceTable(ResolvedTable table)
    {
        var total = table.Columns.Sum();
        var edges = new double[table.Columns.Count + 1];
        edges[0] = Styles.Left;
        for (var i = 0; i < table.Columns.Count; i++) edges[i + 1] = edges[i] + Styles.BlockWidth * table.Columns[i] / total;
        edges[^1] = Styles.Right;
        _edges = edges;

        ResolvedRow? previous = null;
        for (var index = 0; index < table.Rows.Count; index++)
        {
            var row = table.Rows[index];
            var cells = LayCells(row, edges);
            var height = RowHeight(cells.Max(c => c.Lines.Count));
            // A heading or header row is never left alone at a page foot: it keeps with what follows it.
            if (row.KeepWithNext && index + 1 < table.Rows.Count) height += KeptHeight(table, index, edges, height);
            var startsSection = row.RepeatHeader.Count > 0 && (previous is null || !ReferenceEquals(previous.RepeatHeader, row.RepeatHeader));
            if (height > Remaining + 0.01 && _y > Styles.Top + 0.01 && height <= Styles.BlockHeight)
            {
                NewPage();
                if (!startsSection) DrawHeaders(row, edges);
            }
            DrawRow(cells, row);
            previous = row;
        }
    }

    /// <summary>
    /// The height a keep-with-next row needs below it: the further rows that keep with next and the whole of the row
    /// after them, since a row that fits on a page is moved whole rather than split. When that would not fit on an
    /// empty page, the first line of the next row is enough (the rest is split onto further pages anyway).
    /// </summary>
    private double KeptHeight(ResolvedTable table, int index, double[] edges, double own)
    {
        var oneLine = Styles.TablePitch + 2 * Styles.CellPadY;
        var kept = 0.0;
        for (var i = index + 1; i < table.Rows.Count; i++)
        {
            var next = table.Rows[i];
            var h = RowHeight(LayCells(next, edges).Max(c => c.Lines.Count));
            kept += h;
            if (!next.KeepWithNext) break;
        }
        return own + kept <= Styles.BlockHeight ? kept : oneLine;
    }

    private void DrawHeaders(ResolvedRow row, double[] edges)
    {
        foreach (var header in row.RepeatHeader) DrawRow(LayCells(header, edges), header);
    }

    private static double RowHeight(int lines) => Math.Max(1, lines) * Styles.TablePitch + 2 * Styles.CellPadY;

    private List<CellLines> LayCells(ResolvedRow row, double[] edges)
    {
        var cells = new List<CellLines>(row.Cells.Count);
        var col = 0;
        foreach (var cell in row.Cells)
        {
            var left = edges[col];
            var right = edges[col + cell.Span];
            col += cell.Span;
            var width = right - left - 2 * Styles.CellPadX;
            var lines = new List<string>();
            foreach (var para in cell.Text.Split('\n'))
            {
                lines.AddRange(Break(para, width, width, BodyChain, Styles.TableSize, 1));
            }
            cells.Add(new CellLines(cell, left, right, lines));
        }
        return cells;
    }

    /// <summary>Draws a row from the current position; when it does not fit, draws what fits and continues on a new page.</summary>
    private void DrawRow(List<CellLines> cells, ResolvedRow row)
    {
        var lineCount = Math.Max(1, cells.Max(c => c.Lines.Count));
        var from = 0;
        while (from < lineCount)
        {
            var fit = (int)Math.Floor((Remaining - 2 * Styles.CellPadY + 0.01) / Styles.TablePitch);
            if (fit < 1)
            {
                NewPage();
                DrawHeaders(row, _edges);
                continue;
            }
            var take = Math.Min(fit, lineCount - from);
            var height = take * Styles.TablePitch + 2 * Styles.CellPadY;
            var top = _y;
            foreach (var c in cells)
            {
                for (var i = from; i < Math.Min(from + take, c.Lines.Count); i++)
                {
                    var lineTop = top + Styles.CellPadY + (i - from) * Styles.TablePitch;
                    DrawLine(c.Lines[i], BodyChain, Styles.TableSize, 1, c.Left + Styles.CellPadX, c.Right - Styles.CellPadX,
                        Styles.Baseline(lineTop, Styles.TablePitch, Styles.TableSize),
                        c.Cell.Align == CellAlign.Center ? Align.Center : Align.Left, c.Cell.Bold);
                }
                _page.Rules.Add(new RuleOp(c.Left, top, c.Right, top));
                _page.Rules.Add(new RuleOp(c.Left, top + height, c.Right, top + height));
                _page.Rules.Add(new RuleOp(c.Left, top, c.Left, top + height));
                _page.Rules.Add(new RuleOp(c.Right, top, c.Right, top + height));
                if (c.Cell.Seal && from == 0) _seal = CellSeal(c, top, take);
            }
            _y = top + height;
            from += take;
        }
    }

    /// <summary>
    /// The seal of a 「（盖章）」 cell, placed as GB/T 9704-2012 §7.3.5.1 places it on the issuing body's name and the date:
    /// centred on what follows the label (the sealing unit's name and the date), those lines a quarter line pitch below
    /// the seal's centre. A seal cell without the label has its seal on its last line drawn, where a signature block
    /// ends with the date.
    /// </summary>
    private SealPosition CellSeal(CellLines c, double top, int take)
    {
        const string SealLabel = "（盖章）";
        var count = Math.Min(take, c.Lines.Count);
        var label = count == 0 ? -1 : c.Lines.FindIndex(0, count, l => l.Contains(SealLabel, StringComparison.Ordinal));
        var (first, skip) = (Math.Max(0, count - 1), 0);
        if (label >= 0)
        {
            var colon = c.Lines[label].IndexOf('：', c.Lines[label].IndexOf(SealLabel, StringComparison.Ordinal) + SealLabel.Length);
            (first, skip) = (label, colon < 0 ? 0 : colon + 1);
            if (skip >= c.Lines[label].TrimEnd().Length && label + 1 < count) (first, skip) = (label + 1, 0);
        }
        var (left, right) = count == 0 ? (c.Left, c.Right) : (double.MaxValue, double.MinValue);
        for (var i = first; i < count; i++)
        {
            var x = LineLeft(c, c.Lines[i]);
            var from = i == first ? x + TableWidth(c.Lines[i][..skip]) : x;
            left = Math.Min(left, from);
            right = Math.Max(right, x + TableWidth(c.Lines[i]));
        }
        var middle = top + Styles.CellPadY + (first + Math.Max(count, 1)) / 2.0 * Styles.TablePitch;
        return new SealPosition(_pages.Count - 1, (left + right) / 2, middle - Styles.TablePitch * Styles.SealDrop, Styles.SealDiameter);
    }

    private double LineLeft(CellLines c, string line)
    {
        var left = c.Left + Styles.CellPadX;
        return c.Cell.Align == CellAlign.Center ? left + (c.Right - Styles.CellPadX - left - TableWidth(line)) / 2 : left;
    }

    private double TableWidth(string text) => text.EnumerateRunes().Sum(r => Measure(r, BodyChain, Styles.TableSize, 1));
}
