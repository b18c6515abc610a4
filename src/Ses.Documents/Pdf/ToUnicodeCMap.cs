using System.Globalization;
using System.Text;

namespace Ses.Documents.Pdf;

/// <summary>
/// The ToUnicode CMap of a subset (ISO 32000-1 §9.10.3): CID <c>i + 1</c> is <c>codePoints[i]</c>, written as UTF-16BE,
/// so a character above U+FFFF (𠮷 U+20BB7) is a surrogate pair. Runs of consecutive characters in the Basic
/// Multilingual Plane become bfrange entries; a range never crosses a change of the high byte of the source or of the
/// destination (§9.10.3 allows only the last byte to vary).
/// </summary>
internal static class ToUnicodeCMap
{
    private const string Header =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";

    private const string Trailer = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

    public static byte[] Write(int[] codePoints)
    {
        var ranges = new List<(int FirstCid, int LastCid, int CodePoint)>();
        var singles = new List<(int Cid, int CodePoint)>();
        for (var i = 0; i < codePoints.Length; )
        {
            var cp = codePoints[i];
            var j = i;
            if (cp <= 0xFFFF)
            {
                // Extend while the next CID has the next character and neither low byte wraps.
                while (j + 1 < codePoints.Length && codePoints[j + 1] == codePoints[j] + 1 && codePoints[j + 1] <= 0xFFFF
                       && ((j + 2) & 0xFF) != 0 && (codePoints[j + 1] & 0xFF) != 0)
                {
                    j++;
                }
            }
            if (j > i) ranges.Add((i + 1, j + 1, cp));
            else singles.Add((i + 1, cp));
            i = j + 1;
        }

        var sb = new StringBuilder(Header, Header.Length + Trailer.Length + codePoints.Length * 18 + 64);
        for (var start = 0; start < singles.Count; start += 100)
        {
            var count = Math.Min(100, singles.Count - start);
            sb.Append(CultureInfo.InvariantCulture, $"{count} beginbfchar\n");
            for (var k = start; k < start + count; k++)
            {
                sb.Append('<').Append(Hex4(singles[k].Cid)).Append("> <");
                AppendUtf16(sb, singles[k].CodePoint);
                sb.Append(">\n");
            }
            sb.Append("endbfchar\n");
        }
        for (var start = 0; start < ranges.Count; start += 100)
        {
            var count = Math.Min(100, ranges.Count - start);
            sb.Append(CultureInfo.InvariantCulture, $"{count} beginbfrange\n");
            for (var k = start; k < start + count; k++)
            {
                var (first, last, cp) = ranges[k];
                sb.Append('<').Append(Hex4(first)).Append("> <").Append(Hex4(last)).Append("> <");
                AppendUtf16(sb, cp);
                sb.Append(">\n");
            }
            sb.Append("endbfrange\n");
        }
        sb.Append(Trailer);
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static void AppendUtf16(StringBuilder sb, int codePoint)
    {
        if (codePoint <= 0xFFFF)
        {
            sb.Append(Hex4(codePoint));
            return;
        }
        var v = codePoint - 0x10000;
        sb.Append(Hex4(0xD800 + (v >> 10))).Append(Hex4(0xDC00 + (v & 0x3FF)));
    }

    private static string Hex4(int v) => v.ToString("X4", CultureInfo.InvariantCulture);
}
