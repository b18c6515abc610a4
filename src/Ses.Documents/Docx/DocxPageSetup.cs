using DocumentFormat.OpenXml.Wordprocessing;
using static Ses.Documents.Docx.DocxUnits;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Docx;

/// <summary>
/// The section properties: A4 portrait, margins that put the 156 × 225 mm text block 37 mm from the top and 28 mm from
/// the binding edge, the page number footer, and the document grid of 22 lines (Page Setup ▸ Document Grid ▸ "Specify
/// line grid only"). The 28 characters of a line come from the body styles' condensed spacing
/// (<see cref="DocxUnits.BodyCondense"/>), not from a character grid: LibreOffice sets every Chinese character of a
/// linesAndChars grid two cells wide, doubling the pages.
/// </summary>
internal static class DocxPageSetup
{
    /// <summary>
    /// Footer distance from the bottom edge: the page number's line (14 pt) starts 7 mm below the text block, as in the
    /// PDF.
    /// </summary>
    public static readonly int FooterDistance = Twips(Gb.PageHeight - Gb.Bottom - Gb.PageNumberGap - Gb.PageNumberSize);

    /// <summary>
    /// The section for a body on <paramref name="pitch"/> twips: the 22-line grid, or for the tighter pitch of GB/T
    /// 9704-2012 §7.3.5 no grid (its pitch recorded): LibreOffice sets every line of a line grid on the grid's pitch
    /// whatever the paragraphs' exact spacing, and a grid of the tighter pitch still lowers the text by its first line's
    /// rounding — enough to push a closing that the PDF fits exactly onto another page. Word ignores the grid for the
    /// exact spacing of the styles either way.
    /// </summary>
    public static SectionProperties Build(int pitch, string footerPartId, string evenFooterPartId, string? headerPartId = null)
    {
        var section = Section(pitch, footerPartId, evenFooterPartId);
        // CT_SectPr: header references come before footer references; with odd and even pages told apart, even pages
        // need their own reference to the same header.
        if (headerPartId is not null)
        {
            section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Even, Id = headerPartId });
            section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerPartId });
        }
        return section;
    }

    private static SectionProperties Section(int pitch, string footerPartId, string evenFooterPartId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerPartId },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooterPartId },
        new PageSize
        {
            Width = (uint)PageWidth,
            Height = (uint)PageHeight,
            Orient = PageOrientationValues.Portrait,
        },
        new PageMargin
        {
            Top = MarginTop,
            Bottom = MarginBottom,
            Left = (uint)MarginLeft,
            Right = (uint)MarginRight,
            Header = (uint)Twips(15 * Gb.Mm),
            Footer = (uint)FooterDistance,
            Gutter = 0,
        },
        new PageNumberType { Format = NumberFormatValues.Decimal },
        new Columns { Space = "425" },
        new DocGrid
        {
            Type = pitch == LinePitch ? DocGridValues.Lines : DocGridValues.Default,
            LinePitch = pitch,
        });
}
