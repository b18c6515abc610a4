using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ses.Documents.Signing.Pdf;

/// <summary>
/// Finds the signatures of a PDF and checks what needs no cryptography: that each ByteRange covers the whole
/// revision except the signature value, and what every later incremental update changed (ISO 32000-1 §12.8.1).
/// </summary>
public static partial class PdfSignatureInspector
{
    public static IReadOnlyList<PdfSignatureField> Inspect(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        if (!text.StartsWith("%PDF-", StringComparison.Ordinal)) throw new InvalidDataException("not a PDF: the file does not start with %PDF-");
        var revisions = RevisionEnds(text);
        var result = new List<PdfSignatureField>();
        foreach (Match m in ByteRangeKey().Matches(text))
        {
            var range = Enumerable.Range(1, 4).Select(i => long.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
            var dictStart = text.LastIndexOf("<<", m.Index, StringComparison.Ordinal);
            var objStart = text.LastIndexOf(" obj", m.Index, StringComparison.Ordinal);
            var endObj = text.IndexOf("endobj", m.Index, StringComparison.Ordinal);
            var dict = text[Math.Max(dictStart, objStart)..Math.Min(text.Length, endObj >= 0 ? endObj : text.Length)];
            if (!dict.Contains("/Contents", StringComparison.Ordinal)) continue;
            var subFilter = Regex.Match(dict, @"/SubFilter\s*/([\w.]+)").Groups[1].Value;
            var claimed = Regex.Match(dict, @"/M\s*\(D:([^)]*)\)");
            string? problem = null;
            byte[] cms = [];
            byte[] signed = [];
            var end = range[2] + range[3];
            if (range[0] != 0) problem = "byterange.start";
            else if (end > pdf.Length || range[1] > range[2]) problem = "byterange.outside";
            else if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') problem = "byterange.not-contents";
            else if (!revisions.Contains(end)) problem = "byterange.not-revision";
            if (problem is null)
            {
                cms = Der(Convert.FromHexString(text.AsSpan((int)range[1] + 1, (int)(range[2] - range[1] - 2))));
                signed = new byte[range[1] + range[3]];
                Buffer.BlockCopy(pdf, 0, signed, 0, (int)range[1]);
                Buffer.BlockCopy(pdf, (int)range[2], signed, (int)range[1], (int)range[3]);
            }
            var later = problem is null ? LaterChanges(text, revisions.Where(r => r > end).ToList(), end) : [];
            result.Add(new PdfSignatureField(result.Count + 1, range, cms, signed, problem, end, later, subFilter,
                claimed.Success ? claimed.Groups[1].Value : null));
        }
        return result;
    }

    /// <summary>Offsets just after each %%EOF line: where each revision ends.</summary>
    private static List<long> RevisionEnds(string text)
    {
        var ends = new List<long>();
        for (var at = text.IndexOf("%%EOF", StringComparison.Ordinal); at >= 0; at = text.IndexOf("%%EOF", at + 5, StringComparison.Ordinal))
        {
            var end = at + 5;
            if (end < text.Length && text[end] == '\r') end++;
            if (end < text.Length && text[end] == '\n') end++;
            ends.Add(end);
            if (end != at + 5) ends.Add(at + 5);
        }
        return [.. ends.Distinct().Order()];
    }

    /// <summary>Classifies what each later revision wrote: a signature (dictionary, widget, the page's /Annots, the
    /// catalog's /AcroForm, the seal's appearance) is allowed; anything else changes the document.</summary>
    private static List<string> LaterChanges(string text, List<long> laterEnds, long from)
    {
        var changes = new List<string>();
        var start = from;
        foreach (var end in laterEnds)
        {
            if (end <= start) continue;
            var section = text[(int)start..(int)end];
            if (section.Trim().Length == 0) { start = end; continue; }
            var objects = ObjectHeader().Matches(section);
            // A "revision" that defines no object (bytes ending in a copied %%EOF) is still data added after signing.
            if (objects.Count == 0) changes.Add("data-appended");
            foreach (Match o in objects)
            {
                var body = section[(o.Index + o.Length)..];
                var close = body.IndexOf("endobj", StringComparison.Ordinal);
                body = close >= 0 ? body[..close] : body;
                var head = body.Length > 600 ? body[..600] : body;
                changes.Add(Classify(head, Previous(text, o.Value, (int)start)));
            }
            start = end;
        }
        // Bytes after the last %%EOF belong to no revision: a reader may still take them as part of the file.
        if (text.Length > start && text[(int)start..].Trim().Length > 0) changes.Add("data-appended");
        return [.. changes.Distinct()];
    }

    // The object's text in the revision before: the last definition of the same number before this section.
    private static string? Previous(string text, string header, int before)
    {
        var at = text.LastIndexOf("\n" + header, before, StringComparison.Ordinal);
        if (at < 0) return null;
        var body = text[(at + 1 + header.Length)..];
        var close = body.IndexOf("endobj", StringComparison.Ordinal);
        body = close >= 0 ? body[..close] : body;
        return body.Length > 600 ? body[..600] : body;
    }

    private static string Normalize(string dict, string removeKey) =>
        Regex.Replace(Regex.Replace(dict, "/" + removeKey + @"\s*(\[[^\]]*\]|<<.*?>>)", "", RegexOptions.Singleline), @"\s+", "");

    private static string Classify(string head, string? previous)
    {
        if (previous is not null && Regex.IsMatch(head, @"/Type\s*/Page\b") && Normalize(head, "Annots") == Normalize(previous, "Annots"))
        {
            return "signature-added";
        }
        if (Regex.IsMatch(head, @"/Type\s*/Sig\b")) return "signature-added";
        if (Regex.IsMatch(head, @"/FT\s*/Sig\b")) return "signature-added";
        if (Regex.IsMatch(head, @"/Subtype\s*/Form\b")
            && head.Contains("/BBox", StringComparison.Ordinal)
            && !head.Contains("/Font", StringComparison.Ordinal))
        {
            return "signature-added";
        }
        if (Regex.IsMatch(head, @"/Type\s*/Catalog\b"))
        {
            return previous is not null && Normalize(head, "AcroForm") == Normalize(previous, "AcroForm") ? "signature-added" : "catalog-changed";
        }
        if (Regex.IsMatch(head, @"/Type\s*/Pages\b")) return "page-added";
        if (Regex.IsMatch(head, @"/Type\s*/Page\b")) return "page-changed";
        if (Regex.IsMatch(head, @"/Subtype\s*/Widget|/Type\s*/Annot")) return "annotation-added";
        return "content-changed";
    }

    /// <summary>The DER value without the zero padding that fills the reserved /Contents.</summary>
    private static byte[] Der(byte[] padded)
    {
        if (padded.Length < 2 || padded[0] != 0x30) return padded;
        int length, header;
        if (padded[1] < 0x80) { length = padded[1]; header = 2; }
        else
        {
            var n = padded[1] & 0x7F;
            if (n is 0 or > 4 || padded.Length < 2 + n) return padded;
            length = 0;
            for (var i = 0; i < n; i++) length = (length << 8) | padded[2 + i];
            header = 2 + n;
        }
        var total = header + length;
        return total <= padded.Length && total > 0 ? padded[..total] : padded;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangeKey();

    [GeneratedRegex(@"(?m)^\d+\s+\d+\s+obj\b")]
    private static partial Regex ObjectHeader();
}
