namespace Ses.Documents.Templates;

/// <summary>The parts a form is composed of, in reading order. Names in template files are kebab-case.</summary>
public enum BlockKind
{
    /// <summary>Title, 22 pt, centred.</summary>
    Title,
    /// <summary>The centred number line: 西北局信告字〔2026〕1号, or the blank brackets of a draft.</summary>
    Number,
    /// <summary>The addressee line (主送), flush left.</summary>
    Addressee,
    /// <summary>A body paragraph, first line indented two characters.</summary>
    Paragraph,
    /// <summary>A line flush left without indent (contact lines, attachment lists).</summary>
    Line,
    /// <summary>A line flush right.</summary>
    Right,
    /// <summary>The issuing body and date at the right, with room for the seal.</summary>
    Signature,
    /// <summary>A ruled table.</summary>
    Table,
    /// <summary>An empty line.</summary>
    Blank,
}
