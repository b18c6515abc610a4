using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ses.Documents.Tests.Support;

/// <summary>Ways to change a signed PDF after signing, as an attacker or a careless tool would.</summary>
internal static class Tamper
{
    /// <summary>Appends an incremental update that (re)defines the given objects; the rest of the file stays.</summary>
    public static byte[] AppendUpdate(byte[] pdf, IReadOnlyDictionary<int, string> objects, int? newSize = null)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var prev = long.Parse(Regex.Match(text[text.LastIndexOf("startxref", StringComparison.Ordinal)..], @"\d+").Value, CultureInfo.InvariantCulture);
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var size = newSize ?? int.Parse(Regex.Match(trailer, @"/Size (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var root = Regex.Match(trailer, @"/Root (\d+) 0 R").Groups[1].Value;
        var sb = new StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        foreach (var (num, body) in objects)
        {
            offsets[num] = pdf.Length + Encoding.Latin1.GetByteCount(sb.ToString());
            sb.Append(CultureInfo.InvariantCulture, $"{num} 0 obj\n{body}\nendobj\n");
        }
        var xref = pdf.Length + Encoding.Latin1.GetByteCount(sb.ToString());
        sb.Append("xref\n");
        foreach (var (num, at) in offsets) sb.Append(CultureInfo.InvariantCulture, $"{num} 1\n{at:D10} 00000 n\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}/Root {root} 0 R/Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(sb.ToString())];
    }

    /// <summary>The object number of the first page's content stream.</summary>
    public static int FirstContentStream(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var m = Regex.Match(text, @"/Type/Page\b[^>]*?/Contents (\d+) 0 R|/Contents (\d+) 0 R[^>]*?/Type/Page\b");
        return int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A content stream that draws one line of text with no font (enough to be a change of content).</summary>
    public static string ContentStream(string ops) => $"<</Length {ops.Length}>>\nstream\n{ops}\nendstream";

    public static byte[] FlipByte(byte[] pdf, long at)
    {
        var copy = (byte[])pdf.Clone();
        copy[at] ^= 0x01;
        return copy;
    }
}
