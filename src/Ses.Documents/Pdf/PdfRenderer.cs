using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Ses.Documents.Fonts;
using Ses.Documents.Layout;
using Ses.Documents.Rendering;

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

    public static byte[] Render(ResolvedDocument doc, LaidOutDocument layout, FontSet fonts)
    {
        var subsets = Subsets(layout, fonts);
        return Write(doc, layout, fonts, subsets);
    }

    /// <summary>One subset for each font the layout draws with, named F1, F2, … in order of first use.</summary>
    internal static Dictionary<FontFace, FontSubset> Subsets(LaidOutDocument layout, FontSet fonts)
    {
        var used = new List<(FontFace Face, HashSet<int> CodePoints)>(2);
        foreach (var page in layout.Pages)
        {
            foreach (var t in page.Texts)
            {
                var face = fonts.ByIndex(t.Chain).Faces[t.Face];
                var codePoints = used.Find(u => u.Face == face).CodePoints;
                if (codePoints is null)
                {
                    codePoints = new HashSet<int>(512);
                    used.Add((face, codePoints));
                }
                foreach (var r in t.Text.EnumerateRunes()) codePoints.Add(r.Value);
            }
        }
        var subsets = new Dictionary<FontFace, FontSubset>(used.Count);
        for (var i = 0; i < used.Count; i++) subsets[used[i].Face] = FontSubset.Create(used[i].Face, "F" + (i + 1), used[i].CodePoints);
        return subsets;
    }

    internal static byte[] Write(ResolvedDocument doc, LaidOutDocument layout, FontSet fonts, Dictionary<FontFace, FontSubset> subsets)
    {
        using var pdf = new PdfDocument();
        pdf.Options.NoCompression = true; // PDFsharp 6.5's Flate data lacks the Adler-32 trailer; ours is compressed already
        pdf.Info.Title = doc.Title;
        pdf.Info.Subject = doc.Number ?? "";
        pdf.Info.Author = doc.Bureau.Name;
        pdf.Info.Creator = Producer;
        pdf.Info.Keywords = "ses-form:" + doc.FormId;
        pdf.Language = "zh-CN";
        var fontObjects = new Dictionary<FontSubset, PdfDictionary>(subsets.Count);
        foreach (var subset in subsets.Values) fontObjects[subset] = PdfFontObjects.Add(pdf, subset);
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
                foreach (var subset in onPage.OrderBy(s => s.ResourceName, StringComparer.Ordinal))
                {
                    fontResources.Elements.SetReference("/" + subset.ResourceName, fontObjects[subset]);
                }
                page.Resources.Elements["/Font"] = fontResources;
            }
        }
        using var ms = new MemoryStream(64 * 1024);
        pdf.Save(ms, false);
        return ms.ToArray();
    }
}
