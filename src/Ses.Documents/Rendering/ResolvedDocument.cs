using Ses.Documents.Templates;

namespace Ses.Documents.Rendering;

/// <summary>
/// A form with every placeholder filled: the immutable model both the PDF and the DOCX are rendered from. A
/// <see cref="Watermark"/> marks a draft (「样稿」) on every page; <see cref="Author"/> says whether the bureau may seal it;
/// <see cref="SealingUnit"/> is the unit whose seal it bears (a department's form), null for the bureau's own seal.
/// </summary>
public sealed record ResolvedDocument(
    string FormId,
    string Title,
    string? Number,
    BureauProfile Bureau,
    IReadOnlyList<ResolvedBlock> Blocks,
    string? Watermark = null,
    FormAuthor Author = FormAuthor.Bureau,
    SealingUnit? SealingUnit = null)
{
    /// <summary>All text of the document, for glyph coverage checks.</summary>
    public IEnumerable<string> AllText() => Blocks.SelectMany(b => b.Table is null
        ? [b.Text]
        : b.Table.Rows.SelectMany(r => r.Cells.Select(c => c.Text)));
}

/// <summary>A block with its text filled. Paragraph text holds no line breaks: a multi-line value makes several paragraphs.</summary>
public sealed record ResolvedBlock(BlockKind Kind, string Text, string Lang, ResolvedTable? Table);

public sealed record ResolvedTable(IReadOnlyList<double> Columns, IReadOnlyList<ResolvedRow> Rows);

/// <summary>A row; <see cref="RepeatHeader"/> are the header rows drawn again when this row starts a new page.</summary>
public sealed record ResolvedRow(IReadOnlyList<ResolvedCell> Cells, bool Header, IReadOnlyList<ResolvedRow> RepeatHeader, bool KeepWithNext = false);

public sealed record ResolvedCell(string Text, int Span, CellAlign Align, bool Bold, bool Seal);
