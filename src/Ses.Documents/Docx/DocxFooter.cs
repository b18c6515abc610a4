using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ses.Documents.Docx;

/// <summary>
/// The footer: the page number as "— 1 —" (GB/T 9704-2012 §7.5, 4号 = 14 pt) with a PAGE field between the em dashes,
/// so Word numbers whatever pages the user's edits produce. Centred on every page. (The PDF numbers only documents of
/// more than one page and puts odd numbers right, even left; a Word document's page count is not known here.)
/// </summary>
internal static class DocxFooter
{
    public const string EmDash = "\u2014";

    public static FooterPart Add(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyleIds.PageNumber }),
            TextRun(EmDash + " "),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            FieldRun(new FieldCode(" PAGE ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1"),
            FieldRun(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" " + EmDash)));
        return part;
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });

    private static Run FieldRun(DocumentFormat.OpenXml.OpenXmlElement child) => new(child);
}
