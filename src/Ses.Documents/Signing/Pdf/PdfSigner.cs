using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ses.Documents.Fonts;
using Ses.Documents.Pdf;

namespace Ses.Documents.Signing.Pdf;

/// <summary>
/// Adds a PAdES signature to a PDF as an incremental update (ISO 32000-1 §7.5.6): a signature dictionary with
/// SubFilter ETSI.CAdES.detached, a signature field widget (visible seal or invisible), the page's /Annots and the
/// catalog's /AcroForm. Earlier revisions, and so earlier signatures, stay byte for byte as they were.
/// </summary>
internal static partial class PdfSigner
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Signs; <paramref name="createCms"/> reads exactly the bytes the ByteRange covers (once, in order) and returns the DER CMS.</summary>
    public static byte[] Sign(byte[] pdf, PdfSignatureRequest request, int contentsReserve, Func<Stream, byte[]> createCms, FontChain fonts)
    {
        var file = PdfFile.Parse(pdf);
        var pages = file.Pages();
        var pageIndex = request.Seal is { } s ? Math.Clamp(s.Page, 0, pages.Count - 1) : pages.Count - 1;
        var pageNum = pages[pageIndex];
        var root = PdfFile.Reference(file.Trailer, "Root")!.Value;
        var existing = file.SignatureFields();

        var sigNum = file.Size;
        var widgetNum = sigNum + 1;
        var apNum = sigNum + 2;
        var visible = request.Seal is not null;
        var sealNum = sigNum + 3;
        var newSize = visible ? sealNum + 1 : widgetNum + 1;

        var objects = new SortedDictionary<int, byte[]>
        {
            [pageNum] = Obj(pageNum, AddToArray(file.ObjectValue(pageNum), "Annots", widgetNum)),
            [root] = Obj(root, AddField(file.ObjectValue(root), widgetNum)),
            [sigNum] = Obj(sigNum, SignatureDictionary(request, contentsReserve)),
        };
        var rect = "[0 0 0 0]";
        if (request.Seal is { } seal)
        {
            var height = PageHeight(file.ObjectValue(pageNum));
            var d = seal.Diameter;
            var x = seal.CenterX - d / 2;
            var y = height - seal.CenterY - d / 2;
            rect = string.Create(CultureInfo.InvariantCulture, $"[{x:0.##} {y:0.##} {x + d:0.##} {y + d:0.##}]");
            var time = request.SigningTime.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " 北京时间";
            // The seal itself (same for every document of the bureau, compressed once) is a form the appearance draws,
            // followed by the signing time, both under the multiply blend of the appearance's /Ink graphics state.
            var sealForm = SealAppearance.Seal(d, request.SealText, fonts);
            objects[sealNum] = Stream(sealNum, string.Create(CultureInfo.InvariantCulture,
                $"<</Type/XObject/Subtype/Form/BBox[0 0 {d:0.##} {d:0.##}]/Resources<<>>/Filter/FlateDecode/Length {sealForm.Length}>>"), sealForm);
            var content = Flate.Compress(Encoding.Latin1.GetBytes(SealAppearance.Build(d, time, fonts)));
            objects[apNum] = Stream(apNum, string.Create(CultureInfo.InvariantCulture,
                $"<</Type/XObject/Subtype/Form/BBox[0 0 {d:0.##} {d:0.##}]"
                + $"/Resources<</XObject<</Seal {sealNum} 0 R>>/Font{SealAppearance.Fonts}/ExtGState{SealAppearance.GraphicsStates}>>"
                + $"/Filter/FlateDecode/Length {content.Length}>>"), content);
        }
        var name = PdfText($"Signature{existing + 1}");
        var ap = visible ? $"/AP<</N {apNum} 0 R>>" : "";
        objects[widgetNum] = Obj(widgetNum, $"<</Type/Annot/Subtype/Widget/FT/Sig/T{name}/V {sigNum} 0 R/P {pageNum} 0 R/Rect{rect}/F 132{ap}>>");

        var output = WriteUpdate(pdf, file, objects, newSize);
        return FillSignature(output, createCms, contentsReserve);
    }

    private static byte[] Stream(int num, string dict, byte[] data) =>
        [.. Encoding.Latin1.GetBytes($"{num} 0 obj\n{dict}\nstream\n"), .. data, .. "\nendstream\nendobj\n"u8];

    private static byte[] Obj(int num, string value) => Encoding.Latin1.GetBytes($"{num} 0 obj\n{value}\nendobj\n");

    private static string SignatureDictionary(PdfSignatureRequest r, int reserve)
    {
        var m = r.SigningTime.ToOffset(Beijing).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached");
        sb.Append("/M(D:").Append(m).Append("+08'00')");
        sb.Append("/Name").Append(PdfText(r.SignerName));
        if (r.Reason is not null) sb.Append("/Reason").Append(PdfText(r.Reason));
        if (r.Location is not null) sb.Append("/Location").Append(PdfText(r.Location));
        sb.Append(ByteRangePlaceholder);
        sb.Append("/Contents<").Append('0', reserve * 2).Append(">>>");
        return sb.ToString();
    }

    private const string ByteRangePlaceholder = "/ByteRange[0 0000000000 0000000000 0000000000]";

    private static string AddToArray(string dict, string key, int reference)
    {
        var m = Regex.Match(dict, "/" + key + @"\s*\[");
        if (m.Success)
        {
            var close = dict.IndexOf(']', m.Index);
            return dict[..close] + $" {reference} 0 R" + dict[close..];
        }
        if (Regex.IsMatch(dict, "/" + key + @"\s+\d+\s+0\s+R")) throw new InvalidDataException($"/{key} as an indirect array is not supported");
        return dict[..2] + $"/{key}[{reference} 0 R]" + dict[2..];
    }

    private static string AddField(string catalog, int widget)
    {
        var form = Regex.Match(catalog, @"/AcroForm\s*<<");
        if (!form.Success)
        {
            if (catalog.Contains("/AcroForm", StringComparison.Ordinal)) throw new InvalidDataException("an indirect /AcroForm is not supported");
            return catalog[..2] + $"/AcroForm<</Fields[{widget} 0 R]/SigFlags 3>>" + catalog[2..];
        }
        var fields = Regex.Match(catalog[form.Index..], @"/Fields\s*\[");
        var close = catalog.IndexOf(']', form.Index + fields.Index);
        return catalog[..close] + $" {widget} 0 R" + catalog[close..];
    }

    private static double PageHeight(string page)
    {
        var m = Regex.Match(page, @"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]");
        return m.Success
            ? double.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) - double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)
            : 841.89;
    }

    /// <summary>A PDF text string: literal for plain ASCII, UTF-16BE with BOM otherwise (ISO 32000-1 §7.9.2.2).</summary>
    internal static string PdfText(string s) =>
        s.All(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\')
            ? "(" + s + ")"
            : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s)) + ">";

    private static byte[] WriteUpdate(byte[] pdf, PdfFile file, SortedDictionary<int, byte[]> objects, int size)
    {
        // The update's objects, cross-reference section and trailer are laid out first, so the signed file is allocated
        // once at its exact size (not grown in a stream and copied out again).
        long start = pdf.Length + (pdf[^1] != '\n' ? 1 : 0);
        var offsets = new SortedDictionary<int, long>();
        var at = start;
        foreach (var (num, bytes) in objects)
        {
            offsets[num] = at;
            at += bytes.Length;
        }
        var xref = at;
        var sb = new StringBuilder("xref\n");
        foreach (var (num, offset) in offsets) sb.Append(CultureInfo.InvariantCulture, $"{num} 1\n{offset:D10} 00000 n\r\n");
        var info = PdfFile.Reference(file.Trailer, "Info");
        var id = Regex.Match(file.Trailer, @"/ID\s*\[[^\]]*\]");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}/Root {PdfFile.Reference(file.Trailer, "Root")} 0 R");
        if (info is not null) sb.Append(CultureInfo.InvariantCulture, $"/Info {info} 0 R");
        if (id.Success) sb.Append(id.Value);
        sb.Append(CultureInfo.InvariantCulture, $"/Prev {file.LastXref}>>\nstartxref\n{xref}\n%%EOF\n");
        var tail = Encoding.ASCII.GetBytes(sb.ToString());
        var output = new byte[xref + tail.Length];
        pdf.CopyTo(output, 0);
        if (start > pdf.Length) output[pdf.Length] = (byte)'\n';
        var position = (int)start;
        foreach (var bytes in objects.Values)
        {
            bytes.CopyTo(output, position);
            position += bytes.Length;
        }
        tail.CopyTo(output, position);
        return output;
    }

    private static byte[] FillSignature(byte[] output, Func<Stream, byte[]> createCms, int reserve)
    {
        var br = output.AsSpan().LastIndexOf(Encoding.ASCII.GetBytes(ByteRangePlaceholder));
        var contents = br + output.AsSpan(br).IndexOf("/Contents<"u8) + "/Contents".Length;
        var a = contents;
        var b = contents + reserve * 2 + 2;
        var range = string.Create(CultureInfo.InvariantCulture, $"/ByteRange[0 {a} {b} {output.Length - b}]").PadRight(ByteRangePlaceholder.Length);
        Encoding.ASCII.GetBytes(range).CopyTo(output, br);
        using var signed = new ByteRangeStream(output, a, b);
        var cms = createCms(signed);
        if (cms.Length > reserve) throw new SignatureSpaceException(cms.Length, reserve);
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(output, a + 1);
        return output;
    }
}
