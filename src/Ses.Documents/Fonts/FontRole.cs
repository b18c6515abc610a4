namespace Ses.Documents.Fonts;

/// <summary>
/// What a font sets in a document (GB/T 9704-2012 §5.2.2, §7.2, §7.3.3): the values are the chain numbers the layout
/// writes into its text operations, so the PDF and the DOCX resolve a role to the same font.
/// </summary>
internal enum FontRole
{
    /// <summary>Body text, 仿宋_GB2312 by the standard.</summary>
    Body = 0,
    /// <summary>The title, 方正小标宋 by the standard.</summary>
    Title = 1,
    /// <summary>English text of a bilingual form: a serif Latin font, then the body fonts.</summary>
    Latin = 2,
    /// <summary>First-level headings (「一、」), 黑体 by the standard; the body fonts are its fallback.</summary>
    Heading = 3,
    /// <summary>Second-level headings (「（一）」), 楷体 by the standard; the body fonts are its fallback.</summary>
    Subheading = 4,
}
