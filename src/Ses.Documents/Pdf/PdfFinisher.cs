using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Ses.Documents.Pdf;

/// <summary>
/// Finishes a file PDFsharp wrote uncompressed: compresses every stream as a complete zlib stream and writes ToUnicode
/// entries beyond the BMP as UTF-16 surrogate pairs, then writes a fresh cross-reference table.
/// </summary>
/// <remarks>
/// Why: PDFsharp 6.5 writes FlateDecode data without the zlib Adler-32 trailer (qpdf --check warns), and writes
/// ToUnicode destinations above U+FFFF as five hex digits, so 𠮷 (U+20BB7) would extract as U+20BB. Both are fixed
/// here, on the whole file, before anything is signed.
/// </remarks>
internal static class PdfFinisher
{
    public static byte[] Finish(ReadOnlySpan<byte> pdf)
    {
        var reader = new PdfObjectReader(pdf);
        var header = reader.ReadHeader();
        var output = new MemoryStream(pdf.Length);
        output.Write(header);
        var offsets = new SortedDictionary<int, long>();
        while (reader.TryReadObject(out var obj))
        {
            offsets[obj.Number] = output.Position;
            WriteObject(output, obj);
        }
        var trailer = reader.ReadTrailerDictionary();
        var size = offsets.Count == 0 ? 1 : offsets.Keys.Max() + 1;
        var xrefAt = output.Position;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f\r\n");
        for (var n = 1; n < size; n++)
        {
            sb.Append(offsets.TryGetValue(n, out var at)
                ? string.Create(CultureInfo.InvariantCulture, $"{at:D10} 00000 n\r\n")
                : "0000000000 00000 f\r\n");
        }
        sb.Append("trailer\n").Append(trailer).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(sb.ToString()));
        return output.ToArray();
    }

    private static void WriteObject(Stream output, PdfRawObject obj)
    {
        if (obj.Stream is null)
        {
            output.Write(obj.Text);
            return;
        }
        var dict = Encoding.Latin1.GetString(obj.Dictionary);
        var data = obj.Stream;
        if (dict.Contains("/Filter/FlateDecode", StringComparison.Ordinal) && !dict.Contains("/DecodeParms", StringComparison.Ordinal))
        {
            // PDFsharp compressed this one itself (content streams): inflate and write it again, completely.
            data = Inflate(data);
            dict = dict.Replace("/Filter/FlateDecode", "", StringComparison.Ordinal);
        }
        var compressed = dict.Contains("/Filter", StringComparison.Ordinal);
        if (!compressed && IsToUnicode(data)) data = FixToUnicode(data);
        if (!compressed && dict.Contains("/Length1", StringComparison.Ordinal)) data = FontProgramCompactor.Compact(data);
        if (!compressed)
        {
            data = Deflate(data);
            dict = "<</Filter/FlateDecode" + dict[2..];
        }
        dict = PdfObjectReader.ReplaceLength(dict, data.Length);
        var head = Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{obj.Number} {obj.Generation} obj\n{dict}\nstream\n"));
        output.Write(head);
        output.Write(data);
        output.Write("\nendstream\nendobj\n"u8);
    }

    private static bool IsToUnicode(byte[] data) => data.AsSpan().IndexOf("begincmap"u8) >= 0;

    private static byte[] Inflate(byte[] data)
    {
        // zlib header (2 bytes) then raw deflate data; PDFsharp omits the Adler-32 trailer.
        using var z = new DeflateStream(new MemoryStream(data, 2, data.Length - 2), CompressionMode.Decompress);
        var ms = new MemoryStream(data.Length * 4);
        z.CopyTo(ms);
        return ms.ToArray();
    }

    internal static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        var ms = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(data);
        }
        return ms.ToArray();
    }

    /// <summary>Rewrites hex destinations longer than four digits (code points above U+FFFF) as UTF-16BE surrogate pairs.</summary>
    internal static byte[] FixToUnicode(byte[] cmap)
    {
        var text = Encoding.Latin1.GetString(cmap);
        var sb = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('<', i);
            if (open < 0) { sb.Append(text, i, text.Length - i); break; }
            var close = text.IndexOf('>', open);
            if (close < 0) { sb.Append(text, i, text.Length - i); break; }
            sb.Append(text, i, open - i);
            var hex = text.AsSpan(open + 1, close - open - 1);
            if (hex.Length is 5 or 6 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) && cp > 0xFFFF)
            {
                var s = char.ConvertFromUtf32(cp);
                sb.Append(CultureInfo.InvariantCulture, $"<{(int)s[0]:X4}{(int)s[1]:X4}>");
            }
            else
            {
                sb.Append(text, open, close - open + 1);
            }
            i = close + 1;
        }
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}
