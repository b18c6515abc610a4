using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using static Ses.Documents.Docx.DocxUnits;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Docx;

/// <summary>
/// The paragraphs of the text blocks, as <see cref="Layout.DocumentLayout"/> places them: one styled paragraph per
/// line of the template (a `\n` in a line, addressee, right or signature block starts a new paragraph), sizes and
/// spacing from the style so a user edits them by style. Word breaks the lines itself on the 28-character grid.
/// </summary>
internal static class DocxParagraphs
{
    public static IEnumerable<OpenXmlElement> For(ResolvedBlock block, FontSet fonts)
    {
        var english = block.Lang == "en";
        // English text in the Latin font (its Chinese characters, if any, in the body font), as in the PDF.
        var text = english ? fonts.Latin : fonts.Body;
        return block.Kind switch
        {
            BlockKind.Title => [Title(block.Text, fonts.Title)],
            BlockKind.Number => [Styled(DocxStyleIds.Number, block.Text, fonts.Body)],
            BlockKind.Paragraph => [Styled(english ? DocxStyleIds.English : DocxStyleIds.Body, block.Text, text)],
            BlockKind.Addressee => Lines(block.Text, english ? DocxStyleIds.EnglishLine : DocxStyleIds.Addressee, text),
            BlockKind.Line => Lines(block.Text, english ? DocxStyleIds.EnglishLine : DocxStyleIds.Line, text),
            BlockKind.Right => Lines(block.Text, english ? DocxStyleIds.EnglishLine : DocxStyleIds.Right, text, english),
            BlockKind.Blank => [Empty(DocxStyleIds.Body)],
            BlockKind.Signature => Signature(block.Text, fonts.Body),
            _ => throw new ArgumentOutOfRangeException(nameof(block), block.Kind, "not a text block"),
        };
    }

    /// <summary>An empty paragraph of the given style: one line of its pitch.</summary>
    public static Paragraph Empty(string styleId) => new(Properties(styleId));

    /// <summary>The title: one paragraph, a `\n` of the template a line break within it (the spacing after stays one).</summary>
    private static Paragraph Title(string text, FontChain chain)
    {
        var p = new Paragraph(Properties(DocxStyleIds.Title));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) p.Append(new Run(new Break()));
            p.Append(DocxRuns.For(lines[i], chain));
        }
        return p;
    }

    private static Paragraph Styled(string styleId, string text, FontChain chain, ParagraphProperties? properties = null)
    {
        var p = new Paragraph(properties ?? Properties(styleId));
        p.Append(DocxRuns.For(text, chain));
        return p;
    }

    private static IEnumerable<OpenXmlElement> Lines(string text, string styleId, FontChain chain, bool alignRight = false)
    {
        foreach (var line in text.Split('\n'))
        {
            var properties = Properties(styleId);
            if (alignRight) properties.Justification = new Justification { Val = JustificationValues.Right };
            yield return Styled(styleId, line, chain, properties);
        }
    }

    /// <summary>
    /// The issuing body and the date (GB/T 9704-2012 §7.3.5.1): two empty lines of room for the seal, then the lines
    /// right-aligned with the date four characters in from the right edge and every other line centred over the date.
    /// Word cannot centre one paragraph over another, so each line's right indent is computed from the widths of the
    /// text on the grid, as the PDF places them; the whole block is kept on one page.
    /// </summary>
    private static IEnumerable<OpenXmlElement> Signature(string text, FontChain chain)
    {
        var lines = text.Split('\n');
        yield return Empty(DocxStyleIds.Signature);
        yield return Empty(DocxStyleIds.Signature);
        var dateWidth = Width(lines[^1], chain);
        for (var i = 0; i < lines.Length; i++)
        {
            var last = i == lines.Length - 1;
            var width = Width(lines[i], chain);
            var indent = last ? 4 * Gb.BodyCell : 4 * Gb.BodyCell + (dateWidth - width) / 2;
            indent = Math.Max(0, Math.Min(indent, Gb.BlockWidth - width));
            var properties = Properties(DocxStyleIds.Signature);
            if (last) properties.KeepNext = new KeepNext { Val = false };
            properties.Indentation = new Indentation
            {
                Right = Dxa(indent),
                RightChars = (int)Math.Round(indent / Gb.BodyCell * 100, MidpointRounding.AwayFromZero),
            };
            yield return Styled(DocxStyleIds.Signature, lines[i], chain, properties);
        }
    }

    /// <summary>Width of a line of body text in points on the grid (16 pt condensed to the 156/28 mm cell).</summary>
    internal static double Width(string text, FontChain chain) =>
        text.EnumerateRunes().Sum(r => chain.AdvanceEm(r.Value)) * Gb.BodySize * Gb.BodyScale;

    private static ParagraphProperties Properties(string styleId) => new(new ParagraphStyleId { Val = styleId });
}
