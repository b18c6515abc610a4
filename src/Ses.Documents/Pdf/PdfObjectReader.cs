using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ses.Documents.Pdf;

/// <summary>An object as written by PDFsharp: its number, the whole text of a plain object, or the dictionary and the data of a stream.</summary>
internal sealed record PdfRawObject(int Number, int Generation, byte[] Text, byte[] Dictionary, byte[]? Stream);

/// <summary>
/// Reads the sequential body of a PDF that PDFsharp wrote (classic cross-reference table, direct stream lengths).
/// Not a general PDF parser: it is used only on our own output, before anything is appended to it.
/// </summary>
internal ref partial struct PdfObjectReader(ReadOnlySpan<byte> pdf)
{
    private readonly ReadOnlySpan<byte> _pdf = pdf;
    private int _at;

    public ReadOnlySpan<byte> ReadHeader()
    {
        var first = _pdf.IndexOf("1 0 obj"u8);
        if (first < 0 || !_pdf.StartsWith("%PDF-"u8)) throw new InvalidDataException("not a PDF written by PDFsharp");
        _at = first;
        return _pdf[..first];
    }

    public bool TryReadObject(out PdfRawObject obj)
    {
        SkipWhitespace();
        obj = null!;
        if (_at >= _pdf.Length || !IsDigit(_pdf[_at])) return false;
        var number = ReadInt();
        SkipWhitespace();
        var generation = ReadInt();
        SkipWhitespace();
        Expect("obj"u8);
        var bodyStart = _at;
        SkipWhitespace();
        var valueStart = _at;
        SkipValue();
        var valueEnd = _at;
        SkipWhitespace();
        if (_pdf[_at..].StartsWith("stream"u8))
        {
            _at += "stream".Length;
            if (_pdf[_at] == '\r') _at++;
            if (_pdf[_at] == '\n') _at++;
            var dict = _pdf[valueStart..valueEnd].ToArray();
            var length = ReadLength(Encoding.Latin1.GetString(dict));
            var data = _pdf.Slice(_at, length).ToArray();
            _at += length;
            SkipWhitespace();
            Expect("endstream"u8);
            SkipWhitespace();
            Expect("endobj"u8);
            obj = new PdfRawObject(number, generation, [], dict, data);
            return true;
        }
        Expect("endobj"u8);
        var text = Encoding.Latin1.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{number} {generation} obj\n"))
            .Concat(_pdf[bodyStart.._at].ToArray().SkipWhile(b => b is (byte)' ' or (byte)'\r' or (byte)'\n'))
            .Concat("\n"u8.ToArray()).ToArray();
        obj = new PdfRawObject(number, generation, text, [], null);
        return true;
    }

    public string ReadTrailerDictionary()
    {
        var t = _pdf.LastIndexOf("trailer"u8);
        if (t < 0) throw new InvalidDataException("PDF has no trailer");
        _at = t + "trailer".Length;
        SkipWhitespace();
        var start = _at;
        SkipValue();
        return Encoding.Latin1.GetString(_pdf[start.._at]);
    }

    public static string ReplaceLength(string dict, int length) =>
        LengthKey().Replace(dict, string.Create(CultureInfo.InvariantCulture, $"/Length {length}"), 1);

    private static int ReadLength(string dict)
    {
        var m = LengthKey().Match(dict);
        if (!m.Success || dict.AsSpan(m.Index + m.Length).TrimStart().StartsWith("0 R")) throw new InvalidDataException("stream without a direct /Length");
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/Length\s+(\d+)(?![\d.])")]
    private static partial Regex LengthKey();

    private void SkipValue()
    {
        var depth = 0;
        do
        {
            SkipWhitespace();
            var c = _pdf[_at];
            if (c == '<' && _pdf[_at + 1] == '<') { depth++; _at += 2; }
            else if (c == '>' && _pdf[_at + 1] == '>') { depth--; _at += 2; }
            else if (c == '[') { depth++; _at++; }
            else if (c == ']') { depth--; _at++; }
            else if (c == '(') SkipLiteralString();
            else if (c == '<') _at = _pdf[_at..].IndexOf((byte)'>') + _at + 1;
            else if (c == '%') SkipComment();
            else SkipToken();
        }
        while (depth > 0);
    }

    private void SkipLiteralString()
    {
        var depth = 0;
        do
        {
            var c = _pdf[_at++];
            if (c == '\\') _at++;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
        }
        while (depth > 0);
    }

    private void SkipComment()
    {
        while (_at < _pdf.Length && _pdf[_at] is not ((byte)'\n' or (byte)'\r')) _at++;
    }

    private void SkipToken()
    {
        if (_pdf[_at] == '/') _at++;
        while (_at < _pdf.Length && !IsDelimiter(_pdf[_at]) && !IsWhite(_pdf[_at])) _at++;
    }

    private void SkipWhitespace()
    {
        while (_at < _pdf.Length && IsWhite(_pdf[_at])) _at++;
    }

    private int ReadInt()
    {
        var start = _at;
        while (IsDigit(_pdf[_at])) _at++;
        return int.Parse(_pdf[start.._at], CultureInfo.InvariantCulture);
    }

    private void Expect(ReadOnlySpan<byte> keyword)
    {
        if (!_pdf[_at..].StartsWith(keyword)) throw new InvalidDataException($"expected '{Encoding.ASCII.GetString(keyword)}' at offset {_at}");
        _at += keyword.Length;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
    private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
