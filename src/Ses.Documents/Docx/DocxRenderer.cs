using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Docx;

/// <summary>
/// Renders a resolved document as an editable DOCX laid out like the PDF (GB/T 9704-2012): styles part, page setup
/// with the 22 × 28 document grid, styled paragraphs, ruled tables with repeated header rows, a page number footer.
/// All text is in runs; nothing is drawn as an image. Word breaks lines and pages itself, on the line pitch the PDF
/// layout chose (<see cref="Layout.LaidOutDocument.LinePitch"/>) and with the closing kept with the text's last lines,
/// so its pages break where the PDF's do.
/// </summary>
internal static class DocxRenderer
{
    /// <summary>The DOCX with the body on <paramref name="linePitch"/> (points): the grid's, or the tighter one of §7.3.5.</summary>
    public static byte[] Render(ResolvedDocument doc, FontSet fonts, double linePitch = Gb.LinePitch)
    {
        var pitch = DocxUnits.Pitch(linePitch);
        // Styles, settings, font table and footer are the same for every document of the font set and pitch (DocxPackage).
        var package = DocxPackage.For(fonts, doc.Watermark, pitch);
        var body = new Body(Blocks(doc, fonts));
        body.Append(DocxPageSetup.Build(pitch, package.FooterId, package.EvenFooterId, package.HeaderId));
        return package.Write(body, doc);
    }

    private static List<OpenXmlElement> Blocks(ResolvedDocument doc, FontSet fonts)
    {
        var elements = new List<OpenXmlElement>();
        var closing = ClosingStart(doc.Blocks);
        var kept = new List<Paragraph>();
        for (var i = 0; i < doc.Blocks.Count; i++)
        {
            var block = doc.Blocks[i];
            if (block.Kind != BlockKind.Table)
            {
                var paragraphs = DocxParagraphs.For(block, fonts).ToList();
                elements.AddRange(paragraphs);
                if (closing is { } from && i >= from) kept.AddRange(paragraphs.OfType<Paragraph>());
                continue;
            }
            if (DocxTables.Build(block.Table!, fonts.Body) is not { } table) continue;
            // Word joins two adjacent tables into one; a hairline paragraph keeps them apart.
            if (elements.Count > 0 && elements[^1] is Table) elements.Add(Separator());
            elements.Add(table);
        }
        KeepClosingWithText(kept);
        // A table cannot end the document body: Word always keeps a paragraph after it.
        if (elements.Count == 0 || elements[^1] is Table) elements.Add(Separator());
        return elements;
    }

    /// <summary>
    /// The block of the text's last paragraph, when only text blocks without a table (blank lines, contact lines, the
    /// issuing body and the date) follow it; otherwise null.
    /// </summary>
    internal static int? ClosingStart(IReadOnlyList<ResolvedBlock> blocks)
    {
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i].Kind == BlockKind.Table) return null;
            if (blocks[i].Kind == BlockKind.Paragraph) return i < blocks.Count - 1 ? i : null;
        }
        return null;
    }

    /// <summary>
    /// GB/T 9704-2012 §7.3.5: the closing (contact lines, the issuing body and the date under the seal) never stands
    /// alone on a page. As the PDF layout carries the text's last lines over to the closing's page, the DOCX keeps every
    /// paragraph from the text's last one to the date with the next, and that last paragraph moves at least two lines
    /// (widow and orphan control: all of it when it has three lines or fewer).
    /// </summary>
    private static void KeepClosingWithText(List<Paragraph> kept)
    {
        for (var i = 0; i < kept.Count - 1; i++)
        {
            var properties = kept[i].ParagraphProperties ??= new ParagraphProperties();
            properties.KeepNext = new KeepNext();
            if (i == 0) properties.WidowControl = new WidowControl();
        }
    }

    private static Paragraph Separator() => new(new ParagraphProperties(
        new ParagraphStyleId { Val = DocxStyleIds.Table },
        new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact }));
}
