using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Ses.Documents.Fonts;
using Ses.Documents.Layout;
using Ses.Documents.Rendering;

namespace Ses.Documents.Pdf;

/// <summary>Draws a laid-out document with PDFsharp (fonts embedded and subset) and finishes the file.</summary>
internal static class PdfRenderer
{
    public const string Producer = "SES Documents";

    // XFont objects do not belong to a document; building one looks the typeface up, so they are made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Face, double Size), XFont> FontCache = new();
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static byte[] Render(ResolvedDocument doc, LaidOutDocument layout, FontSet fonts) =>
        PdfFinisher.Finish(Draw(doc, layout, fonts));

    /// <summary>The file as PDFsharp writes it, before <see cref="PdfFinisher"/>.</summary>
    internal static byte[] Draw(ResolvedDocument doc, LaidOutDocument layout, FontSet fonts)
    {
        using var pdf = new PdfDocument();
        pdf.Options.NoCompression = true; // compressed properly by PdfFinisher
        pdf.Info.Title = doc.Title;
        pdf.Info.Subject = doc.Number ?? "";
        pdf.Info.Author = doc.Bureau.Name;
        pdf.Info.Creator = Producer;
        pdf.Info.Keywords = "ses-form:" + doc.FormId;
        pdf.Language = "zh-CN";
        foreach (var pageOps in layout.Pages)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(Styles.PageWidth);
            page.Height = XUnit.FromPoint(Styles.PageHeight);
            using var g = XGraphics.FromPdfPage(page);
            var pen = new XPen(XColors.Black, Styles.RuleWidth);
            foreach (var rule in pageOps.Rules) g.DrawLine(pen, rule.X1, rule.Y1, rule.X2, rule.Y2);
            // In reading order, so that text extracted from the file reads as the document does.
            foreach (var t in pageOps.Texts)
            {
                var font = Font(t.Chain, t.Face, t.Size);
                if (Math.Abs(t.Scale - 1) < 1e-9)
                {
                    g.DrawString(t.Text, font, XBrushes.Black, t.X, t.Baseline, XStringFormats.BaseLineLeft);
                    continue;
                }
                var state = g.Save();
                g.ScaleTransform(t.Scale, 1);
                g.DrawString(t.Text, font, XBrushes.Black, t.X / t.Scale, t.Baseline, XStringFormats.BaseLineLeft);
                g.Restore(state);
            }
        }
        using var ms = new MemoryStream();
        pdf.Save(ms, false);
        return ms.ToArray();

        XFont Font(int chain, int face, double size) =>
            FontCache.GetOrAdd((fonts.ByIndex(chain).Faces[face].FaceName, size), key => new XFont(key.Face, key.Size, XFontStyleEx.Regular, Unicode));
    }
}
