using System.Globalization;
using System.Text;
using PdfSharp.Pdf;

namespace Ses.Documents.Pdf;

/// <summary>
/// Adds a font subset to a PDFsharp document as a Type0 font with Identity-H encoding over a CIDFontType2 (ISO 32000-1
/// §9.7): the compressed TrueType program, the widths that differ from 1000, the CID-to-glyph map when it is not the
/// identity, and the ToUnicode CMap.
/// </summary>
internal static class PdfFontObjects
{
    public static PdfDictionary Add(PdfDocument pdf, FontSubset subset)
    {
        var program = subset.Face.Program;

        var fontFile = Stream(pdf, Flate.Compress(subset.Program));
        fontFile.Elements.SetInteger("/Length1", subset.Program.Length);

        var descriptor = Indirect(pdf);
        descriptor.Elements.SetName("/Type", "/FontDescriptor");
        descriptor.Elements.SetName("/FontName", "/" + subset.BaseFont);
        descriptor.Elements.SetInteger("/Flags", 4); // symbolic: glyphs are chosen by CID, not by a standard encoding
        descriptor.Elements["/FontBBox"] = new PdfLiteral(string.Create(CultureInfo.InvariantCulture,
            $"[{program.BoundingBox[0]} {program.BoundingBox[1]} {program.BoundingBox[2]} {program.BoundingBox[3]}]"));
        descriptor.Elements["/ItalicAngle"] = new PdfLiteral(program.ItalicAngle.ToString("0.##", CultureInfo.InvariantCulture));
        descriptor.Elements.SetInteger("/Ascent", program.Ascent);
        descriptor.Elements.SetInteger("/Descent", program.Descent);
        descriptor.Elements.SetInteger("/CapHeight", program.CapHeight);
        descriptor.Elements.SetInteger("/StemV", 80);
        descriptor.Elements.SetReference("/FontFile2", fontFile);

        var cidFont = Indirect(pdf);
        cidFont.Elements.SetName("/Type", "/Font");
        cidFont.Elements.SetName("/Subtype", "/CIDFontType2");
        cidFont.Elements.SetName("/BaseFont", "/" + subset.BaseFont);
        cidFont.Elements["/CIDSystemInfo"] = new PdfLiteral("<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>");
        cidFont.Elements.SetReference("/FontDescriptor", descriptor);
        cidFont.Elements.SetInteger("/DW", 1000);
        if (Widths(subset) is { } widths) cidFont.Elements["/W"] = new PdfLiteral(widths);
        if (subset.IdentityMap) cidFont.Elements.SetName("/CIDToGIDMap", "/Identity");
        else cidFont.Elements.SetReference("/CIDToGIDMap", Stream(pdf, Flate.Compress(CidToGidMap(subset))));

        var type0 = Indirect(pdf);
        type0.Elements.SetName("/Type", "/Font");
        type0.Elements.SetName("/Subtype", "/Type0");
        type0.Elements.SetName("/BaseFont", "/" + subset.BaseFont);
        type0.Elements.SetName("/Encoding", "/Identity-H");
        type0.Elements["/DescendantFonts"] = new PdfArray(pdf, cidFont.Reference!);
        type0.Elements.SetReference("/ToUnicode", Stream(pdf, Flate.Compress(ToUnicodeCMap.Write(subset.CodePoints))));
        return type0;
    }

    /// <summary>A compressed stream object (its data already FlateDecode).</summary>
    public static PdfDictionary Stream(PdfDocument pdf, byte[] compressed)
    {
        var dict = Indirect(pdf);
        dict.CreateStream(compressed);
        dict.Elements.SetName("/Filter", "/FlateDecode");
        return dict;
    }

    private static PdfDictionary Indirect(PdfDocument pdf)
    {
        var dict = new PdfDictionary(pdf);
        pdf.Internals.AddObject(dict);
        return dict;
    }

    /// <summary>The /W array (§9.7.4.3) for the CIDs whose width is not the default 1000, consecutive ones grouped.</summary>
    private static string? Widths(FontSubset subset)
    {
        StringBuilder? sb = null;
        var open = false;
        for (var cid = 1; cid <= subset.CodePoints.Length; cid++)
        {
            var width = subset.Width(cid);
            if (Math.Abs(width - 1000) < 1e-9)
            {
                if (open) sb!.Append(']');
                open = false;
                continue;
            }
            sb ??= new StringBuilder("[");
            if (!open) sb.Append(cid.ToString(CultureInfo.InvariantCulture)).Append('[');
            else sb.Append(' ');
            sb.Append(width.ToString("0.###", CultureInfo.InvariantCulture));
            open = true;
        }
        if (sb is null) return null;
        if (open) sb.Append(']');
        return sb.Append(']').ToString();
    }

    /// <summary>The /CIDToGIDMap stream (§9.7.4.2): the subset glyph of each CID as two bytes, big-endian.</summary>
    private static byte[] CidToGidMap(FontSubset subset)
    {
        var map = new byte[subset.CidToGid.Length * 2];
        for (var cid = 0; cid < subset.CidToGid.Length; cid++)
        {
            map[cid * 2] = (byte)(subset.CidToGid[cid] >> 8);
            map[cid * 2 + 1] = (byte)subset.CidToGid[cid];
        }
        return map;
    }
}
