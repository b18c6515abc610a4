using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ses.Documents.Signing.Pdf;

/// <summary>
/// The object map of a PDF with classic cross-reference tables (ours: as PDFsharp writes it for PdfRenderer, plus
/// the incremental updates our signer appends). Follows /Prev through every revision; the newest entry of an object
/// wins. Object text is read as Latin-1 so byte offsets and characters agree.
/// </summary>
internal sealed partial class PdfFile
{
    private readonly Dictionary<int, long> _offsets = [];

    private PdfFile(byte[] bytes)
    {
        Bytes = bytes;
        Text = Encoding.Latin1.GetString(bytes);
    }

    public byte[] Bytes { get; }

    public string Text { get; }

    /// <summary>The newest trailer dictionary's text.</summary>
    public string Trailer { get; private set; } = "";

    /// <summary>Offset of the newest cross-reference section (the value after the last startxref).</summary>
    public long LastXref { get; private set; }

    public int Size { get; private set; }

    public IReadOnlyDictionary<int, long> Offsets => _offsets;

    public static PdfFile Parse(byte[] bytes)
    {
        var file = new PdfFile(bytes);
        if (!file.Text.StartsWith("%PDF-", StringComparison.Ordinal)) throw new InvalidDataException("not a PDF: the file does not start with %PDF-");
        var sx = file.Text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (sx < 0) throw new InvalidDataException("PDF has no startxref");
        var m = Number().Match(file.Text, sx + 9);
        if (!m.Success) throw new InvalidDataException("PDF startxref has no offset");
        file.LastXref = long.Parse(m.Value, CultureInfo.InvariantCulture);
        var seen = new HashSet<long>();
        for (long? at = file.LastXref; at is { } x; )
        {
            if (!seen.Add(x)) throw new InvalidDataException("PDF cross-reference sections loop");
            var trailer = file.ReadXrefSection((int)x);
            if (file.Trailer.Length == 0)
            {
                file.Trailer = trailer;
                file.Size = IntValue(trailer, "Size") ?? throw new InvalidDataException("PDF trailer has no /Size");
            }
            at = IntValue(trailer, "Prev");
        }
        return file;
    }

    private string ReadXrefSection(int at)
    {
        if (at < 0 || at >= Text.Length || !Text.AsSpan(at).StartsWith("xref"))
        {
            throw new InvalidDataException($"no cross-reference table at offset {at} (cross-reference streams are not supported)");
        }
        var pos = at + 4;
        while (true)
        {
            var header = SubsectionHeader().Match(Text, pos);
            if (!header.Success) break;
            var first = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
            pos = header.Index + header.Length;
            for (var i = 0; i < count; i++)
            {
                var e = Entry().Match(Text, pos);
                if (!e.Success) throw new InvalidDataException($"malformed cross-reference entry near offset {pos}");
                pos = e.Index + e.Length;
                if (e.Groups[3].Value == "n") _offsets.TryAdd(first + i, long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
        var t = Text.IndexOf("trailer", pos, StringComparison.Ordinal);
        if (t < 0) throw new InvalidDataException("PDF has no trailer after its cross-reference table");
        var start = Text.IndexOf("<<", t, StringComparison.Ordinal);
        return Text[start..DictionaryEnd(start)];
    }

    private int SkipWhite(int pos)
    {
        while (pos < Text.Length && char.IsWhiteSpace(Text[pos])) pos++;
        return pos;
    }

    /// <summary>The text of object <paramref name="number"/>'s value (for a stream: its dictionary).</summary>
    public string ObjectValue(int number)
    {
        if (!_offsets.TryGetValue(number, out var at)) throw new InvalidDataException($"object {number} is not in the cross-reference table");
        var m = ObjHeader().Match(Text, (int)at);
        if (!m.Success || m.Groups[1].Value != number.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"object {number} is not at offset {at}");
        }
        var start = SkipWhite(m.Index + m.Length);
        if (Text.AsSpan(start).StartsWith("<<")) return Text[start..DictionaryEnd(start)];
        var end = Text.IndexOf("endobj", start, StringComparison.Ordinal);
        return Text[start..end].Trim();
    }

    /// <summary>End (exclusive) of the dictionary starting at <paramref name="start"/>, skipping strings.</summary>
    public int DictionaryEnd(int start)
    {
        var depth = 0;
        for (var i = start; i < Text.Length; i++)
        {
            var c = Text[i];
            if (c == '(')
            {
                i = LiteralStringEnd(i) - 1;
            }
            else if (c == '<' && i + 1 < Text.Length && Text[i + 1] == '<') { depth++; i++; }
            else if (c == '>' && i + 1 < Text.Length && Text[i + 1] == '>')
            {
                depth--;
                i++;
                if (depth == 0) return i + 1;
            }
        }
        throw new InvalidDataException($"unterminated dictionary at offset {start}");
    }

    private int LiteralStringEnd(int open)
    {
        var depth = 0;
        for (var i = open; i < Text.Length; i++)
        {
            if (Text[i] == '\\') { i++; continue; }
            if (Text[i] == '(') depth++;
            else if (Text[i] == ')' && --depth == 0) return i + 1;
        }
        throw new InvalidDataException($"unterminated string at offset {open}");
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

    [GeneratedRegex(@"\G(\d+)\s+(\d+)\s+obj")]
    private static partial Regex ObjHeader();
}
