using System.Buffers.Binary;
using System.Text;

namespace Ses.Documents.Fonts;

/// <summary>
/// What the layout needs to know of a TrueType font: which code points it maps (cmap formats 4 and 12) and each
/// glyph's advance width (hmtx). Read once per font file. The layout asks for every character several times, so the
/// Basic Multilingual Plane is a flat table (128 KB a font) and only the planes above it a dictionary.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private readonly ushort[] _bmp;
    private readonly Dictionary<int, ushort> _astral;
    private readonly ushort[] _advances;

    private TrueTypeMetrics(Dictionary<int, ushort> glyphs, ushort[] advances, int unitsPerEm, string familyName)
    {
        _bmp = new ushort[0x10000];
        _astral = [];
        foreach (var (cp, glyph) in glyphs)
        {
            if (cp < 0x10000) _bmp[cp] = glyph;
            else _astral[cp] = glyph;
        }
        _advances = advances;
        UnitsPerEm = unitsPerEm;
        FamilyName = familyName;
    }

    public int UnitsPerEm { get; }

    public string FamilyName { get; }

    public int GlyphId(int codePoint) =>
        (uint)codePoint < 0x10000 ? _bmp[codePoint] : _astral.TryGetValue(codePoint, out var g) ? g : 0;

    public bool Covers(int codePoint) => GlyphId(codePoint) != 0;

    /// <summary>Advance width of a glyph in font units.</summary>
    public ushort Advance(int glyph) => glyph < _advances.Length ? _advances[glyph] : _advances[^1];

    /// <summary>Advance width of a code point in ems (1.0 = the font size).</summary>
    public double AdvanceEm(int codePoint)
    {
        var g = GlyphId(codePoint);
        var adv = g < _advances.Length ? _advances[g] : _advances[^1];
        return adv / (double)UnitsPerEm;
    }

    public static TrueTypeMetrics Read(ReadOnlySpan<byte> font)
    {
        var tables = ReadTableDirectory(font);
        var head = Table(font, tables, "head");
        var unitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        var hhea = Table(font, tables, "hhea");
        var numberOfHMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        var maxp = Table(font, tables, "maxp");
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        var hmtx = Table(font, tables, "hmtx");
        var advances = new ushort[Math.Max(numGlyphs, numberOfHMetrics)];
        for (var i = 0; i < advances.Length; i++)
        {
            advances[i] = i < numberOfHMetrics
                ? BinaryPrimitives.ReadUInt16BigEndian(hmtx[(i * 4)..])
                : advances[numberOfHMetrics - 1];
        }
        var glyphs = ReadCmap(Table(font, tables, "cmap"));
        return new TrueTypeMetrics(glyphs, advances, unitsPerEm, ReadFamilyName(font, tables));
    }

    internal static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(ReadOnlySpan<byte> font)
    {
        var tag = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (tag is not (0x00010000 or 0x74727565))
        {
            throw new InvalidDataException("not a TrueType font (a collection or CFF font cannot be embedded by PDFsharp)");
        }
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, (int, int)>(count);
        for (var i = 0; i < count; i++)
        {
            var rec = font[(12 + i * 16)..];
            var name = Encoding.ASCII.GetString(rec[..4]);
            tables[name] = ((int)BinaryPrimitives.ReadUInt32BigEndian(rec[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(rec[12..]));
        }
        return tables;
    }

    internal static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, string name) =>
        tables.TryGetValue(name, out var t) ? font.Slice(t.Offset, t.Length) : throw new InvalidDataException($"font has no '{name}' table");

    private static Dictionary<int, ushort> ReadCmap(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int best = -1, bestFormat = 0;
        for (var i = 0; i < count; i++)
        {
            var rec = cmap[(4 + i * 8)..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(rec);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(rec[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(rec[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode) continue;
            if (format == 12 && bestFormat != 12) { best = offset; bestFormat = 12; }
            else if (format == 4 && bestFormat == 0) { best = offset; bestFormat = 4; }
        }
        if (best < 0) throw new InvalidDataException("font has no Unicode cmap (format 4 or 12)");
        return bestFormat == 12 ? ReadFormat12(cmap[best..]) : ReadFormat4(cmap[best..]);
    }

    private static Dictionary<int, ushort> ReadFormat12(ReadOnlySpan<byte> t)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(t[12..]);
        var map = new Dictionary<int, ushort>();
        for (var i = 0; i < groups; i++)
        {
            var g = t[(16 + i * 12)..];
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(g);
            var end = (int)BinaryPrimitives.ReadUInt32BigEndian(g[4..]);
            var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(g[8..]);
            for (var cp = start; cp <= end; cp++) map[cp] = (ushort)(glyph + cp - start);
        }
        return map;
    }

    private static Dictionary<int, ushort> ReadFormat4(ReadOnlySpan<byte> t)
    {
        var segX2 = BinaryPrimitives.ReadUInt16BigEndian(t[6..]);
        var ends = t[14..];
        var starts = t[(16 + segX2)..];
        var deltas = t[(16 + 2 * segX2)..];
        var rangeOffsets = t[(16 + 3 * segX2)..];
        var map = new Dictionary<int, ushort>();
        for (var s = 0; s < segX2 / 2; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(ends[(s * 2)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(starts[(s * 2)..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(s * 2)..]);
            int ro = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(s * 2)..]);
            for (var cp = start; cp <= end && cp != 0xFFFF; cp++)
            {
                int glyph;
                if (ro == 0)
                {
                    glyph = (cp + delta) & 0xFFFF;
                }
                else
                {
                    var at = s * 2 + ro + (cp - start) * 2;
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[at..]);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) map[cp] = (ushort)glyph;
            }
        }
        return map;
    }

    private static string ReadFamilyName(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables) =>
        Names(font, tables, 1).Where(n => n.Platform is 0 or 3).Select(n => n.Text).FirstOrDefault() ?? "font";

    /// <summary>
    /// The records of one name id in the <c>name</c> table, decoded: UTF-16BE for the Unicode (0) and Windows (3)
    /// platforms, Latin-1 otherwise. None when the font has no <c>name</c> table.
    /// </summary>
    internal static List<(int Platform, string Text)> Names(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, int nameId)
    {
        var found = new List<(int, string)>();
        if (!tables.ContainsKey("name")) return found;
        var name = Table(font, tables, "name");
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        for (var i = 0; i < count; i++)
        {
            var rec = name[(6 + i * 12)..];
            if (BinaryPrimitives.ReadUInt16BigEndian(rec[6..]) != nameId) continue;
            var platform = BinaryPrimitives.ReadUInt16BigEndian(rec);
            var bytes = name.Slice(storage + BinaryPrimitives.ReadUInt16BigEndian(rec[10..]), BinaryPrimitives.ReadUInt16BigEndian(rec[8..]));
            found.Add((platform, platform is 0 or 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes)));
        }
        return found;
    }
}
