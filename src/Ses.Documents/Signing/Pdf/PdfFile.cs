using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ses.Documents.Signing.Pdf;

/// <summary>
/// The object map of a PDF with classic cross-reference tables (ours: as PDFsharp writes it for PdfRenderer, plus
/// the incremental updates our signer appends). Follows /Prev through every revision; the newest entry of an object
/// wins. Only what is read is decoded, as Latin-1 so byte offsets and characters agree: the cross-reference sections
/// and trailers at the end, and the objects asked for — never the whole file (a signed notice is ~80 KB, twice that
/// as a string).
/// </summary>
internal sealed partial class PdfFile
{
    private readonly Dictionary<int, long> _offsets = [];

    private PdfFile(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    /// <summary>The newest trailer dictionary's text.</summary>
    public string Trailer { get; private set; } = "";

    /// <summary>Offset of the newest cross-reference section (the value after the last startxref).</summary>
    public long LastXref { get; private set; }

    public int Size { get; private set; }

    public IReadOnlyDictionary<int, long> Offsets => _offsets;

    public static PdfFile Parse(byte[] bytes)
    {
        var file = new PdfFile(bytes);
        if (!bytes.AsSpan().StartsWith("%PDF-"u8)) throw new InvalidDataException("not a PDF: the file does not start with %PDF-");
        var sx = bytes.AsSpan().LastIndexOf("startxref"u8);
        if (sx < 0) throw new InvalidDataException("PDF has no startxref");
        var m = Number().Match(file.Latin1(sx + 9, bytes.Length));
        if (!m.Success) throw new InvalidDataException("PDF startxref has no offset");
        file.LastXref = long.Parse(m.Value, CultureInfo.InvariantCulture);
        var seen = new HashSet<long>();
        for (long? at = file.LastXref; at is { } x; )
        {
            if (!seen.Add(x)) throw new InvalidDataException("PDF cross-reference sections loop");
            var trailer = file.ReadXrefSection(x);
            if (file.Trailer.Length == 0)
            {
                file.Trailer = trailer;
                file.Size = IntValue(trailer, "Size") ?? throw new InvalidDataException("PDF trailer has no /Size");
            }
            at = IntValue(trailer, "Prev");
        }
        return file;
    }

    /// <summary>How many signature fields (<c>/FT /Sig</c>) the file's text holds, in every revision.</summary>
    public int SignatureFields()
    {
        var count = 0;
        var rest = Bytes.AsSpan();
        for (var i = rest.IndexOf("/FT"u8); i >= 0; i = rest.IndexOf("/FT"u8))
        {
            rest = rest[(i + 3)..];
            var value = rest.TrimStart(" \t\r\n\f\0"u8);
            if (value.StartsWith("/Sig"u8) && (value.Length == 4 || !IsWordByte(value[4]))) count++;
        }
        return count;
    }

    private static bool IsWordByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b == '_' || b > 0x7F;

    // Bytes [start, end) as Latin-1 text.
    private string Latin1(long start, long end) => Encoding.Latin1.GetString(Bytes, (int)start, (int)(end - start));

    // From a cross-reference section to the end of the file: the sections and trailers of its revision and the later ones.
    private string ReadXrefSection(long at)
    {
        if (at < 0 || at >= Bytes.Length || !Bytes.AsSpan((int)at).StartsWith("xref"u8))
        {
            throw new InvalidDataException($"no cross-reference table at offset {at} (cross-reference streams are not supported)");
        }
        var text = Latin1(at, Bytes.Length);
        var pos = 4;
        while (true)
        {
            var header = SubsectionHeader().Match(text, pos);
            if (!header.Success) break;
            var first = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
            pos = header.Index + header.Length;
            for (var i = 0; i < count; i++)
            {
                var e = Entry().Match(text, pos);
                if (!e.Success) throw new InvalidDataException($"malformed cross-reference entry near offset {at + pos}");
                pos = e.Index + e.Length;
                if (e.Groups[3].Value == "n") _offsets.TryAdd(first + i, long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
        var t = text.IndexOf("trailer", pos, StringComparison.Ordinal);
        if (t < 0) throw new InvalidDataException("PDF has no trailer after its cross-reference table");
        var start = text.IndexOf("<<", t, StringComparison.Ordinal);
        var close = start < 0 ? -1 : DictionaryEnd(text, start);
        return close >= 0 ? text[start..close] : throw new InvalidDataException($"unterminated trailer dictionary at offset {at + t}");
    }

    /// <summary>The text of object <paramref name="number"/>'s value (for a stream: its dictionary).</summary>
    public string ObjectValue(int number)
    {
        if (!_offsets.TryGetValue(number, out var at)) throw new InvalidDataException($"object {number} is not in the cross-reference table");
        if (at < 0 || at >= Bytes.Length) throw new InvalidDataException($"object {number} is not at offset {at}");
        // The object's text up to its first endobj; a dictionary whose strings hold the word "endobj" is read on to the file's end.
        var end = Bytes.AsSpan((int)at).IndexOf("endobj"u8);
        var text = Latin1(at, end < 0 ? Bytes.Length : at + end);
        var m = ObjHeader().Match(text);
        if (!m.Success || m.Groups[1].Value != number.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"object {number} is not at offset {at}");
        }
        var start = m.Index + m.Length;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        if (text.AsSpan(start).StartsWith("<<"))
        {
            var close = DictionaryEnd(text, start);
            if (close < 0 && end >= 0)
            {
                text = Latin1(at, Bytes.Length);
                close = DictionaryEnd(text, start);
            }
            return close >= 0 ? text[start..close] : throw new InvalidDataException($"unterminated dictionary at offset {at + start}");
        }
        if (end < 0) throw new InvalidDataException($"object {number} at offset {at} has no endobj");
        return text[start..].Trim();
    }

    /// <summary>
    /// End (exclusive) of the dictionary starting at <paramref name="start"/> of <paramref name="text"/>, skipping strings;
    /// -1 if the text ends first.
    /// </summary>
    private static int DictionaryEnd(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                var close = LiteralStringEnd(text, i);
                if (close < 0) return -1;
                i = close - 1;
            }
            else if (c == '<' && i + 1 < text.Length && text[i + 1] == '<') { depth++; i++; }
            else if (c == '>' && i + 1 < text.Length && text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0) return i + 1;
            }
        }
        return -1;
    }

    private static int LiteralStringEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i + 1;
        }
        return -1;
    }

    public static int? IntValue(string dict, string key)
    {
        var m = Regex.Match(dict, "/" + key + @"\s+(\d+)(?!\s+\d+\s+R)");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    public static int? Reference(string dict, string key)
    {
        var m = Regex.Match(dict, "/" + key + @"\s+(\d+)\s+0\s+R");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The page objects in order (flat or nested /Pages tree).</summary>
    public List<int> Pages()
    {
        var root = Reference(Trailer, "Root") ?? throw new InvalidDataException("PDF trailer has no /Root");
        var pagesRoot = Reference(ObjectValue(root), "Pages") ?? throw new InvalidDataException("PDF catalog has no /Pages");
        var pages = new List<int>();
        Collect(pagesRoot, 0);
        return pages;

        void Collect(int node, int depth)
        {
            if (depth > 32) throw new InvalidDataException("PDF page tree too deep");
            var value = ObjectValue(node);
            if (Regex.IsMatch(value, @"/Type\s*/Page(?![s\w])")) { pages.Add(node); return; }
            var kids = Regex.Match(value, @"/Kids\s*\[([^\]]*)\]");
            foreach (Match k in Regex.Matches(kids.Groups[1].Value, @"(\d+)\s+0\s+R"))
            {
                Collect(int.Parse(k.Groups[1].Value, CultureInfo.InvariantCulture), depth + 1);
            }
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\G\s*(\d+)\s+(\d+)[ \t]*\r?\n")]
    private static partial Regex SubsectionHeader();

    [GeneratedRegex(@"\G(\d{10}) (\d{5}) ([nf])\s*")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\A(\d+)\s+(\d+)\s+obj")]
    private static partial Regex ObjHeader();
}
