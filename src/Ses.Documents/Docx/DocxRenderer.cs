using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;

namespace Ses.Documents.Docx;

/// <summary>
/// Renders a resolved document as an editable DOCX laid out like the PDF (GB/T 9704-2012): styles part, page setup
/// with the 22 × 28 document grid, styled paragraphs, ruled tables with repeated header rows, a page number footer.
/// All text is in runs; nothing is drawn as an image. Word breaks lines and pages itself, so the PDF's tightening of a
/// document that would spill a few lines onto another page has no counterpart here.
/// </summary>
internal static class DocxRenderer
{
    public static byte[] Render(ResolvedDocument doc, FontSet fonts)
    {
        // Styles, settings, font table and footer are the same for every document of the font set (DocxPackage).
        var package = DocxPackage.For(fonts, doc.Watermark);
        var body = new Body(Blocks(doc, fonts));
        body.Append(DocxPageSetup.Build(package.FooterId, package.EvenFooterId, package.HeaderId));
        return package.Write(body, doc);
    }

    private static List<OpenXmlElement> Blocks(ResolvedDocument doc, FontSet fonts)
    {
        var elements = new List<OpenXmlElement>();
        foreach (var block in doc.Blocks)
        {
            if (block.Kind != BlockKind.Table)
            {
                elements.AddRange(DocxParagraphs.For(block, fonts));
                continue;
            }
            if (DocxTables.Build(block.Table!, fonts.Body) is not { } table) continue;
            // Word joins two adjacent tables into one; a hairline paragraph keeps them apart.
            if (elements.Count > 0 && elements[^1] is Table) elements.Add(Separator());
            elements.Add(table);
        }
        // A table cannot end the document body: Word always keeps a paragraph after it.
        if (elements.Count == 0 || elements[^1] is Table) elements.Add(Separator());
        return elements;
    }

    private static Paragraph Separator() => new(new ParagraphProperties(
        new ParagraphStyleId { Val = DocxStyleIds.Table },
        new SpacingBetweenLines { Line = "20", LineRule = LineSpacingRuleValues.Exact }));
}
