using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Docx;

/// <summary>
/// The footers: the page number as "— 1 —" (GB/T 9704-2012 §7.5, 4号 = 14 pt) with a PAGE field between the em dashes,
/// so Word numbers whatever pages the user's edits produce; on every page, single-page documents included — odd pages
/// right and even pages left, one character in from the edge of the text block, as in the PDF (the settings turn on
/// different odd and even footers).
/// </summary>
internal static class DocxFooter
{
    public const string EmDash = "\u2014";

    /// <summary>What the footers set: the dashes, spaces and the page number's digits.</summary>
    public const string Characters = EmDash + " 0123456789";

    /// <summary>One character of the page number's size, in twips: the distance from the text block's edge.</summary>
    private static readonly string Inset = DocxUnits.Dxa(Gb.PageNumberSize);

    /// <summary>The footer of odd pages (<paramref name="odd"/>: right) or even pages (left).</summary>
    public static FooterPart Add(MainDocumentPart main, bool odd)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(
                new ParagraphStyleId { Val = DocxStyleIds.PageNumber },
                odd ? new Indentation { Right = Inset } : new Indentation { Left = Inset },
                new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left }),
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
