namespace Ses.Documents.Docx;

/// <summary>The style ids of the styles part; every paragraph of the body names one, so a user edits by style.</summary>
internal static class DocxStyleIds
{
    public const string Normal = "Normal";
    public const string TableNormal = "TableNormal";

    /// <summary>Body paragraph: 16 pt, first line indented two characters, justified on the 28-character grid.</summary>
    public const string Body = "SesBody";

    /// <summary>Title: the title chain's font, 22 pt, centred.</summary>
    public const string Title = "SesTitle";

    /// <summary>The centred number line (发文字号), followed by an empty line.</summary>
    public const string Number = "SesNumber";

    /// <summary>The addressee (主送机关), flush left.</summary>
    public const string Addressee = "SesAddressee";

    /// <summary>A flush-left line without indent (contact lines, attachment lists).</summary>
    public const string Line = "SesLine";

    /// <summary>A flush-right line.</summary>
    public const string Right = "SesRight";

    /// <summary>A line of the issuing body and date; kept on one page with what follows.</summary>
    public const string Signature = "SesSignature";

    /// <summary>A first-level heading paragraph 「一、…」: the body's size in the heading font (黑体).</summary>
    public const string Heading = "SesHeading";

    /// <summary>A second-level heading paragraph 「（一）…」: the body's size in the subheading font (楷体).</summary>
    public const string Subheading = "SesSubheading";

    /// <summary>An English paragraph of a bilingual form: the Latin font at the body's size, first line indented.</summary>
    public const string English = "SesEnglish";

    /// <summary>An English line without indent.</summary>
    public const string EnglishLine = "SesEnglishLine";

    /// <summary>Text in table cells: 12 pt.</summary>
    public const string Table = "SesTable";

    /// <summary>The ruled table style (0.75 pt single rules, cell padding of the PDF).</summary>
    public const string TableGrid = "SesTableGrid";

    /// <summary>The page number in the footer: 14 pt, centred.</summary>
    public const string PageNumber = "SesPageNumber";
}
