using Ses.Documents.Fonts;
using Ses.Documents.Layout;

namespace Ses.Documents.Pdf;

/// <summary>
/// Writes a laid-out page as a content stream: the ruled lines, then each run of text in reading order (so that text
/// extracted from the file reads as the document does), as CIDs of the document's font subsets — a run whose
/// characters lie in two subsets of its face switches font between them. Layout coordinates are points from the
/// top-left; PDF user space starts bottom-left. A run's horizontal scale is the text state's Tz, which scales glyphs
/// and advances but not the run's starting point.
/// </summary>
internal static class PageContent
{
    public static byte[] Write(PageOps page, FontSet fonts, DocumentFonts subsets, ISet<FontSubset> used)
    {
        var w = new ContentStreamWriter(256 + page.Rules.Count * 48 + page.Texts.Count * 96);
        if (page.Watermark is { } mark) Watermark(w, mark, fonts, subsets, used);
        if (page.Rules.Count > 0)
        {
            w.Number(Styles.RuleWidth).Raw("w\n"u8);
            foreach (var r in page.Rules)
            {
                w.Number(r.X1).Number(Styles.PageHeight - r.Y1).Raw("m "u8)
                 .Number(r.X2).Number(Styles.PageHeight - r.Y2).Raw("l S\n"u8);
            }
        }
        if (page.Texts.Count > 0)
        {
            w.Raw("BT\n"u8);
            FontSubset? font = null;
            var size = 0.0;
            var scale = 1.0;
            foreach (var t in page.Texts)
            {
                var face = fonts.ByIndex(t.Chain).Faces[t.Face];
                if (t.Scale != scale)
                {
                    w.Number(t.Scale * 100).Raw("Tz\n"u8);
                    scale = t.Scale;
                }
                w.Raw("1 0 0 1 "u8).Number(t.X).Number(Styles.PageHeight - t.Baseline).Raw("Tm"u8);
                var open = false;
                foreach (var r in t.Text.EnumerateRunes())
                {
                    var (subset, cid) = subsets.Find(face, r.Value);
                    if (subset != font || t.Size != size)
                    {
                        // Tj moves the text position by the glyphs' widths, so the next string continues where this one ended.
                        if (open) w.Raw("> Tj"u8);
                        w.Raw("\n/"u8).Raw(subsets.NameOf(subset)).Raw(" "u8).Number(t.Size).Raw("Tf"u8);
                        font = subset;
                        size = t.Size;
                        used.Add(subset);
                        open = false;
                    }
                    if (!open) w.Raw(" <"u8);
                    open = true;
                    w.Code(cid);
                }
                if (open) w.Raw("> Tj"u8);
                w.Raw("\n"u8);
            }
            w.Raw("ET\n"u8);
        }
        return Flate.Compress(w.Written);
    }

    /// <summary>
    /// A draft's mark, drawn first so the text stays on top: light grey (filled and outlined), its baseline through the page centre at the
    /// mark's angle, each run placed by its offset along that baseline; the graphics state is restored after it.
    /// </summary>
    private static void Watermark(ContentStreamWriter w, WatermarkOp mark, FontSet fonts, DocumentFonts subsets, ISet<FontSubset> used)
    {
        var angle = mark.Angle * Math.PI / 180;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        // Start of the baseline: back half the width along it from the centre, and down a third of the size across it.
        var drop = mark.Size * 0.35;
        var x0 = Styles.PageWidth / 2 - cos * mark.Width / 2 + sin * drop;
        var y0 = Styles.PageHeight / 2 - sin * mark.Width / 2 - cos * drop;
        // Filled and stroked (2 Tr) so that the thin strokes of a Song face still read as a mark.
        w.Raw("q\n"u8).Number(Styles.WatermarkGrey).Raw("g "u8).Number(Styles.WatermarkGrey).Raw("G "u8)
         .Number(Styles.WatermarkStroke).Raw("w\nBT\n2 Tr\n"u8);
        foreach (var run in mark.Runs)
        {
            var face = fonts.ByIndex(run.Chain).Faces[run.Face];
            w.Number(cos).Number(sin).Number(-sin).Number(cos).Number(x0 + cos * run.X).Number(y0 + sin * run.X).Raw("Tm"u8);
            FontSubset? font = null;
            var open = false;
            foreach (var r in run.Text.EnumerateRunes())
            {
                var (subset, cid) = subsets.Find(face, r.Value);
                if (subset != font)
                {
                    if (open) w.Raw("> Tj"u8);
                    w.Raw("\n/"u8).Raw(subsets.NameOf(subset)).Raw(" "u8).Number(run.Size).Raw("Tf <"u8);
                    font = subset;
                    used.Add(subset);
                    open = true;
                }
                w.Code(cid);
            }
            if (open) w.Raw("> Tj"u8);
            w.Raw("\n"u8);
        }
        w.Raw("ET\nQ\n"u8);
    }
}
