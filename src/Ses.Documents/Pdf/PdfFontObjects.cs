using System.Globalization;
using PdfSharp.Pdf;

namespace Ses.Documents.Pdf;

/// <summary>
/// Adds a font subset to a PDFsharp document as a Type0 font with Identity-H encoding over a CIDFontType2 (ISO 32000-1
/// §9.7) from the subset's prepared parts: the compressed TrueType program, the widths that differ from 1000, the
/// CID-to-glyph map when it is not the identity, and the ToUnicode CMap. The byte arrays of a shared subset are handed
/// to PDFsharp as they are; PDFsharp only reads them.
/// </summary>
internal static class PdfFontObjects
{
    public static PdfDictionary Add(PdfDocument pdf, FontSubset subset)
    {
        var program = subset.Face.Program;

        var fontFile = Stream(pdf, subset.Program);
        fontFile.Elements.SetInteger("/Length1", subset.ProgramLength);

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
        if (subset.Widths is { } widths) cidFont.Elements["/W"] = new PdfLiteral(widths);
        if (subset.CidToGidMap is { } map) cidFont.Elements.SetReference("/CIDToGIDMap", Stream(pdf, map));
        else cidFont.Elements.SetName("/CIDToGIDMap", "/Identity");

        var type0 = Indirect(pdf);
        type0.Elements.SetName("/Type", "/Font");
        type0.Elements.SetName("/Subtype", "/Type0");
        type0.Elements.SetName("/BaseFont", "/" + subset.BaseFont);
        type0.Elements.SetName("/Encoding", "/Identity-H");
        type0.Elements["/DescendantFonts"] = new PdfArray(pdf, cidFont.Reference!);
        type0.Elements.SetReference("/ToUnicode", Stream(pdf, subset.ToUnicode));
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
}
