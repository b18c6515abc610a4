using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using static Ses.Documents.Docx.DocxUnits;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Docx;

/// <summary>
/// Ruled tables across the 156 mm text block: fixed layout, column widths in proportion to the template's relative
/// widths, single 0.75 pt rules on every cell, 12 pt text, the PDF's cell padding.
/// </summary>
internal static class DocxTables
{
    /// <summary>The table, or null for a table without rows (Word cannot hold one).</summary>
    public static Table? Build(ResolvedTable table, FontChain chain)
    {
        if (table.Rows.Count == 0 || table.Columns.Count == 0) return null;
        var widths = ColumnWidths(table.Columns);
        var result = new Table(
            new TableProperties(
                new TableStyle { Val = DocxStyleIds.TableGrid },
                new TableWidth { Width = Invariant(BlockWidth), Type = TableWidthUnitValues.Dxa },
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                Borders(),
                new TableLayout { Type = TableLayoutValues.Fixed },
                CellMargins()),
            new TableGrid(widths.Select(w => new GridColumn { Width = Invariant(w) })));

        // Word repeats header rows (w:tblHeader) only when they are the first rows of the table. The header rows of a
        // repeating section that starts the table are marked so; header rows further down (after a title row, or of
        // a second section) are emitted as normal rows: Word cannot repeat them on the pages the section continues
        // on, where the PDF draws them again.
        var leadingHeaders = table.Rows.TakeWhile(r => r.Header).Count();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            result.Append(Row(table.Rows[i], i < leadingHeaders, widths, chain));
        }
        return result;
    }

    /// <summary>Column widths in twips; edges are rounded, not widths, so the columns add up to the block exactly.</summary>
    internal static int[] ColumnWidths(IReadOnlyList<double> columns)
    {
        var total = columns.Sum();
        var widths = new int[columns.Count];
        var sum = 0.0;
        var previous = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            sum += columns[i];
            var edge = i == columns.Count - 1 ? BlockWidth : (int)Math.Round(BlockWidth * sum / total, MidpointRounding.AwayFromZero);
            widths[i] = edge - previous;
            previous = edge;
        }
        return widths;
    }

    private static TableRow Row(ResolvedRow row, bool repeatedHeader, int[] widths, FontChain chain)
    {
        var tr = new TableRow();
        if (repeatedHeader) tr.Append(new TableRowProperties(new CantSplit(), new TableHeader()));
        var column = 0;
        foreach (var cell in row.Cells)
        {
            var span = Math.Clamp(cell.Span, 1, Math.Max(1, widths.Length - column));
            var width = widths.Skip(column).Take(span).Sum();
            column += span;
            tr.Append(Cell(cell, span, width, chain));
        }
        return tr;
    }

    /// <summary>
    /// A cell; a `\n` in its text starts a new paragraph. The seal of a <see cref="ResolvedCell.Seal"/> cell is stamped
    /// on the PDF or on paper, so nothing marks it here.
    /// </summary>
    private static TableCell Cell(ResolvedCell cell, int span, int width, FontChain chain)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Invariant(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        properties.Append(new TableCellBorders(
            Rule<TopBorder>(), Rule<LeftBorder>(), Rule<BottomBorder>(), Rule<RightBorder>()));
        var tc = new TableCell(properties);
        foreach (var text in cell.Text.Split('\n'))
        {
            var pPr = new ParagraphProperties(new ParagraphStyleId { Val = DocxStyleIds.Table });
            if (cell.Align == CellAlign.Center) pPr.Justification = new Justification { Val = JustificationValues.Center };
            var p = new Paragraph(pPr);
            p.Append(DocxRuns.For(text, chain, cell.Bold));
            tc.Append(p);
        }
        return tc;
    }

    public static TableBorders Borders() => new(
        Rule<TopBorder>(), Rule<LeftBorder>(), Rule<BottomBorder>(), Rule<RightBorder>(),
        Rule<InsideHorizontalBorder>(), Rule<InsideVerticalBorder>());

    /// <summary>
    /// Cell padding of the PDF: <see cref="Gb.CellPadX"/> across; down, <see cref="Gb.CellPadY"/> above and below less
    /// one rule's width in all (53 + 52 twips), because LibreOffice adds the rule to the row's height where the PDF
    /// draws it on the row's edge: a row is then 2 × 3 pt + its lines high in both.
    /// </summary>
    public static TableCellMarginDefault CellMargins() => new(
        new TopMargin { Width = Invariant(PadTop), Type = TableWidthUnitValues.Dxa },
        new TableCellLeftMargin { Width = (short)Twips(Gb.CellPadX), Type = TableWidthValues.Dxa },
        new BottomMargin { Width = Invariant(PadBottom), Type = TableWidthUnitValues.Dxa },
        new TableCellRightMargin { Width = (short)Twips(Gb.CellPadX), Type = TableWidthValues.Dxa });

    /// <summary>The cell margins above and below, in twips: together two paddings less one rule.</summary>
    internal static readonly int PadTop = (2 * Twips(Gb.CellPadY) - Twips(Gb.RuleWidth) + 1) / 2;

    internal static readonly int PadBottom = 2 * Twips(Gb.CellPadY) - Twips(Gb.RuleWidth) - PadTop;

    private static T Rule<T>() where T : BorderType, new() => new()
    {
        Val = BorderValues.Single,
        Size = RuleSize,
        Space = 0,
        Color = "000000",
    };
}
