namespace Ses.Documents.Templates;

/// <summary>A ruled table: relative column widths and rows of cells.</summary>
public sealed record TableSpec(IReadOnlyList<double> Columns, IReadOnlyList<TableRowSpec> Rows);

/// <summary>
/// A row of a table. A header row is repeated at the top of every page the following repeating row crosses to;
/// a repeating row (<see cref="Repeat"/> names a rows field) is emitted once per row of that field; a heading row
/// that keeps with the next is never left alone at the foot of a page.
/// </summary>
public sealed record TableRowSpec(IReadOnlyList<TableCellSpec> Cells, bool Header, string? Repeat, int MinEmptyRows, bool KeepWithNext);

/// <summary>A cell: template text, how many columns it spans, its alignment, and whether the seal goes on it.</summary>
public sealed record TableCellSpec(string Text, int Span, CellAlign Align, bool Bold, bool Seal);

public enum CellAlign
{
    Left,
    Center,
}
