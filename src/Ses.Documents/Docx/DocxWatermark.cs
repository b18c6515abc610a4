using System.Security;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ses.Documents.Docx;

/// <summary>
/// A draft's mark as Word writes its own watermarks (Design ▸ Watermark): a header holding a VML text-path shape
/// (ECMA-376 Part 4 §19.1) centred on the page margins, turned 45°, light grey and half transparent, behind the
/// text. Being in the header, it is on every page whatever pages the user's edits produce.
/// </summary>
internal static class DocxWatermark
{
    // Word's own definition of the text-path shape type 136 ("PowerPlusWaterMarkObject").
    private const string ShapeType = $"""
        <v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
        {Formulas}
        <v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
        <v:textpath on="t" fitshape="t"/>
        <v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
        <o:lock v:ext="edit" text="t" shapetype="t"/>
        </v:shapetype>
        """;

    private const string Formulas = "<v:formulas>"
        + """<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>"""
        + """<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>"""
        + """<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>"""
        + """<v:f eqn="sum @6 0 @5"/>"""
        + "</v:formulas>";

    private const string HeaderNamespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"";

    private const string ShapeStyle = "position:absolute;margin-left:0;margin-top:0;width:340pt;height:170pt;rotation:315;z-index:-251657216;"
        + "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
        + "mso-position-vertical:center;mso-position-vertical-relative:margin";

    /// <summary>Adds the header with <paramref name="text"/> in <paramref name="family"/>; returns the part.</summary>
    public static HeaderPart Add(MainDocumentPart main, string text, string family)
    {
        var part = main.AddNewPart<HeaderPart>();
        var xml = $"""
            <w:hdr {HeaderNamespaces}>
            <w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>
            {ShapeType}
            <v:shape id="SesDraftMark" type="#_x0000_t136" style="{ShapeStyle}" o:allowincell="f" fillcolor="silver" stroked="f">
            <v:fill opacity=".5"/>
            <v:textpath style="font-family:&quot;{SecurityElement.Escape(family)}&quot;;font-size:1pt" string="{SecurityElement.Escape(text)}"/>
            </v:shape>
            </w:pict></w:r></w:p>
            </w:hdr>
            """;
        part.Header = new Header(xml);
        return part;
    }
}
