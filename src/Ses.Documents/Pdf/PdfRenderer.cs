using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Ses.Documents.Fonts;
using Ses.Documents.Layout;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;

namespace Ses.Documents.Pdf;

/// <summary>
/// Writes a laid-out document as PDF. PDFsharp writes the file (catalog, pages, information dictionary, XMP metadata,
/// cross-reference table); the page content streams and the embedded font subsets are ours (see README, "PDF
/// writing"), and every stream is compressed here as a complete zlib stream.
/// </summary>
internal static class PdfRenderer
{
    public const string Producer = "SES Documents";

    static PdfRenderer() => PdfSharp.PdfSharpLicense.SetAgplLicense();

    // PDFsharp creates its catalog, pages, arrays and dictionaries through reflection. The runtime keeps a type's
    // reflection data (with the code it generated to invoke each member) only while something holds it; without this,
    // every collection dropped it and PDFsharp's next document compiled the same invoke stubs again — several a second
    // under load, and the compiled code kept growing the process (docs/benchmarks.md, Issuing over HTTP).
    private static readonly MemberInfo[] ReflectedByPdfSharp =
    [
        .. new[]
        {
            typeof(PdfDocument), typeof(PdfSharp.Pdf.Advanced.PdfCatalog), typeof(PdfPages), typeof(PdfPage), typeof(PdfArray), typeof(PdfDictionary),
            typeof(PdfDictionary.DictionaryElements), typeof(PdfSharp.Pdf.Advanced.PdfResources), typeof(PdfDocumentInformation),
        }.SelectMany(t => t.GetMembers(BindingFlags.Instance | BindingFlags.Static
            | BindingFlags.Public | BindingFlags.NonPublic)),
    ];

    public static byte[] Render(FormTemplate form, ResolvedDocument doc, LaidOutDocument layout, FontSet fonts, SubsetCache cache) =>
        Write(doc, layout, fonts, DocumentFonts.For(form, doc.Bureau, layout, fonts, cache));

    internal static byte[] Write(ResolvedDocument doc, LaidOutDocument layout, FontSet fonts, DocumentFonts subsets)
    {
        using var pdf = new PdfDocument();
        pdf.Options.NoCompression = true; // PDFsharp 6.5's Flate data lacks the Adler-32 trailer; ours is compressed already
        pdf.Info.Title = doc.Title;
        pdf.Info.Subject = doc.Number ?? "";
        pdf.Info.Author = doc.Bureau.Name;
        pdf.Info.Creator = Producer;
        pdf.Info.Keywords = "ses-form:" + doc.FormId;
        pdf.Language = "zh-CN";
        var fontObjects = new Dictionary<FontSubset, PdfDictionary>(subsets.Subsets.Count);
        foreach (var subset in subsets.Subsets) fontObjects[subset] = PdfFontObjects.Add(pdf, subset);
        var onPage = new HashSet<FontSubset>();
        foreach (var pageOps in layout.Pages)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(Styles.PageWidth);
            page.Height = XUnit.FromPoint(Styles.PageHeight);
            onPage.Clear();
            var content = PdfFontObjects.Stream(pdf, PageContent.Write(pageOps, fonts, subsets, onPage));
            page.Elements.SetReference("/Contents", content);
            if (onPage.Count > 0)
            {
                var fontResources = new PdfDictionary(pdf);
                foreach (var subset in subsets.Subsets)
                {
                    if (onPage.Contains(subset)) fontResources.Elements.SetReference("/" + subsets.NameOf(subset), fontObjects[subset]);
                }
                page.Resources.Elements["/Font"] = fontResources;
            }
        }
        using var ms = new MemoryStream(64 * 1024);
        pdf.Save(ms, false);
        return ms.ToArray();
    }
}
