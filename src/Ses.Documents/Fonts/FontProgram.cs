using System.Buffers.Binary;

namespace Ses.Documents.Fonts;

/// <summary>
/// The parts of a TrueType font that an embedded subset is built from, located once per font file: where each glyph's
/// outline lies in glyf, the side bearings, the tables copied into every subset, and the values of the PDF font
/// descriptor. Immutable, so renders on several threads share it.
/// </summary>
internal sealed class FontProgram
{
    private readonly byte[] _data;
    private readonly int _glyf;
    private readonly int[] _glyphStart;
    private readonly short[] _leftSideBearings;

    public FontProgram(byte[] data, TrueTypeMetrics metrics)
    {
        _data = data;
        var tables = TrueTypeMetrics.ReadTableDirectory(data);
        var head = TrueTypeMetrics.Table(data, tables, "head");
        var hhea = TrueTypeMetrics.Table(data, tables, "hhea");
        var maxp = TrueTypeMetrics.Table(data, tables, "maxp");
        var loca = TrueTypeMetrics.Table(data, tables, "loca");
        var hmtx = TrueTypeMetrics.Table(data, tables, "hmtx");
        _glyf = tables.TryGetValue("glyf", out var glyf)
            ? glyf.Offset
            : throw new InvalidDataException("font has no 'glyf' table (only TrueType outlines can be embedded)");

        GlyphCount = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        _glyphStart = new int[GlyphCount + 1];
        for (var g = 0; g <= GlyphCount; g++)
        {
            _glyphStart[g] = longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(g * 4)..]) : BinaryPrimitives.ReadUInt16BigEndian(loca[(g * 2)..]) * 2;
        }
        var hMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        _leftSideBearings = new short[GlyphCount];
        for (var g = 0; g < GlyphCount; g++)
        {
            var at = g < hMetrics ? g * 4 + 2 : hMetrics * 4 + (g - hMetrics) * 2;
            _leftSideBearings[g] = at + 2 <= hmtx.Length ? BinaryPrimitives.ReadInt16BigEndian(hmtx[at..]) : (short)0;
        }

        Metrics = metrics;
        Head = head.ToArray();
        Hhea = hhea.ToArray();
        Maxp = maxp.ToArray();
        Cvt = Optional("cvt ");
        Fpgm = Optional("fpgm");
        Prep = Optional("prep");

        // The font descriptor's values (ISO 32000-1 §9.8), in glyph space units of 1/1000 em.
        var em = 1000.0 / metrics.UnitsPerEm;
        Ascent = (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(hhea[4..]) * em);
        Descent = (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(hhea[6..]) * em);
        BoundingBox =
        [
            (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(head[36..]) * em),
            (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(head[38..]) * em),
            (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(head[40..]) * em),
            (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(head[42..]) * em),
        ];
        CapHeight = Ascent;
        if (tables.ContainsKey("OS/2"))
        {
            var os2 = TrueTypeMetrics.Table(data, tables, "OS/2");
            if (BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2 && os2.Length >= 90)
            {
                CapHeight = (int)Math.Round(BinaryPrimitives.ReadInt16BigEndian(os2[88..]) * em);
            }
        }
        ItalicAngle = tables.ContainsKey("post") ? BinaryPrimitives.ReadInt32BigEndian(TrueTypeMetrics.Table(data, tables, "post")[4..]) / 65536.0 : 0;
        PostScriptName = ReadPostScriptName(data, tables) ?? new string([.. metrics.FamilyName.Where(char.IsAsciiLetterOrDigit)]);

        byte[]? Optional(string tag) => tables.TryGetValue(tag, out var t) ? data.AsSpan(t.Offset, t.Length).ToArray() : null;
    }

    public TrueTypeMetrics Metrics { get; }

    public int GlyphCount { get; }

    public byte[] Head { get; }

    public byte[] Hhea { get; }

    public byte[] Maxp { get; }

    public byte[]? Cvt { get; }

    public byte[]? Fpgm { get; }

    public byte[]? Prep { get; }

    public int Ascent { get; }

    public int Descent { get; }

    public int CapHeight { get; }

    public int[] BoundingBox { get; }

    public double ItalicAngle { get; }

    /// <summary>The PostScript name (name id 6), printable ASCII without spaces, for /BaseFont.</summary>
    public string PostScriptName { get; }

    /// <summary>The outline of a glyph as stored in glyf (empty for a blank glyph such as a space).</summary>
    public ReadOnlySpan<byte> Glyph(int glyph) =>
        glyph < GlyphCount && _glyphStart[glyph + 1] > _glyphStart[glyph]
            ? _data.AsSpan(_glyf + _glyphStart[glyph], _glyphStart[glyph + 1] - _glyphStart[glyph])
            : [];

    public ushort Advance(int glyph) => Metrics.Advance(glyph);

    public short LeftSideBearing(int glyph) => glyph < _leftSideBearings.Length ? _leftSideBearings[glyph] : (short)0;

    // ISO 32000-1 §9.6.2.1 / OpenType name id 6: printable ASCII, no spaces or delimiters.
    private static string? ReadPostScriptName(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables) =>
        TrueTypeMetrics.Names(font, tables, 6)
            .Select(n => new string([.. n.Text.Where(c => c is > ' ' and < '\x7f'
                and not ('[' or ']' or '(' or ')' or '{' or '}' or '<' or '>' or '/' or '%' or '#'))]))
            .FirstOrDefault(clean => clean.Length > 0);
}
