using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Ses.Documents.Fonts;
using Ses.Documents.Pdf;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Pdf;

public sealed class FontSubsetTests
{
    private static FontFace Song => TestEngine.Engine.Fonts.Body.Faces[0];

    private static FontFace WenKai => TestEngine.Engine.Fonts.Body.Faces[1];

    private static FontFace LiberationSerif => TestEngine.Engine.Fonts.Latin.Faces[0];

    [Fact]
    public void Subset_HoldsOnlyTheGlyphsDrawnAndIsAValidTrueTypeFont()
    {
        int[] codePoints = ['民', '航', '局'];
        var subset = FontSubset.Create(Song, codePoints);
        var font = Inflate(subset.Program);
        Assert.Equal(subset.ProgramLength, font.Length);
        var tables = Tables(font);
        Assert.Subset(tables.Keys.ToHashSet(), new HashSet<string> { "glyf", "head", "hhea", "hmtx", "loca", "maxp" });
        Assert.DoesNotContain("cmap", tables.Keys);
        Assert.Equal(4, BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4))); // .notdef and three
        for (var g = 1; g <= 3; g++)
        {
            var original = Song.Program.Glyph(Song.Metrics.GlyphId(codePoints[g - 1])).ToArray();
            var copy = Glyph(font, tables, g);
            Assert.Equal(original, copy[..original.Length].ToArray());
            Assert.True(copy[original.Length..].IndexOfAnyExcept((byte)0) < 0, "only zeros pad a glyph to four bytes");
        }
        // OpenType head table: the whole font sums to 0xB1B0AFBA once checkSumAdjustment is in.
        Assert.Equal(0xB1B0AFBAu, Checksum(font));
        Assert.Null(subset.CidToGidMap); // CID i is glyph i
    }

    [Fact]
    public void Subset_CompositeGlyph_CarriesItsComponentsRenumbered()
    {
        var subset = FontSubset.Create(LiberationSerif, ['é']);
        var font = Inflate(subset.Program);
        var tables = Tables(font);
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4));
        var composite = Glyph(font, tables, 1);
        Assert.True(BinaryPrimitives.ReadInt16BigEndian(composite) < 0, "é is a composite glyph in Liberation Serif");
        Assert.True(glyphs > 2, "the components are in the subset");
        foreach (var component in Components(composite))
        {
            Assert.InRange(component, 2, glyphs - 1);
            Assert.False(Glyph(font, tables, component).IsEmpty);
        }
        Assert.Equal(0xB1B0AFBAu, Checksum(font));
    }

    [Fact]
    public void Subset_CharactersSharingAGlyph_HaveACidToGidMap()
    {
        // U+3BA3 and U+69E9 are one glyph in LXGW WenKai (and neither is in the primary font).
        Assert.Equal(WenKai.Metrics.GlyphId(0x3BA3), WenKai.Metrics.GlyphId(0x69E9));
        var subset = FontSubset.Create(WenKai, [0x3BA3, 0x69E9]);
        Assert.NotNull(subset.CidToGidMap);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0, 1 }, Inflate(subset.CidToGidMap));
        var font = Inflate(subset.Program);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(Tables(font)["maxp"].Offset + 4)));
    }

    [Fact]
    public void Subset_OfTheSameCharacters_IsTheSameBytesAndName()
    {
        var a = FontSubset.Create(Song, ['一', '二', '三']);
        var b = FontSubset.Create(Song, ['一', '二', '三']);
        var c = FontSubset.Create(Song, ['一', '二', '四']);
        Assert.Equal(a.Program, b.Program);
        Assert.Equal(a.BaseFont, b.BaseFont);
        Assert.Matches("^[A-Z]{6}\\+", a.BaseFont);
        Assert.NotEqual(a.BaseFont, c.BaseFont);
    }

    [Fact]
    public void ToUnicode_CharacterAboveTheBmp_IsASurrogatePair()
    {
        var cmap = Encoding.ASCII.GetString(ToUnicodeCMap.Write([0x4DAE, 0x20BB7]));
        Assert.Contains("<0001> <4DAE>", cmap);
        Assert.Contains("<0002> <D842DFB7>", cmap);
    }

    [Fact]
    public void ToUnicode_ConsecutiveCharacters_AreOneRangeThatNeverCrossesALowByteBoundary()
    {
        var cmap = Encoding.ASCII.GetString(ToUnicodeCMap.Write(['0', '1', '2', '3', 0x4DFF, 0x4E00, 0x4E01]));
        Assert.Contains("<0001> <0004> <0030>", cmap);
        Assert.Contains("<0005> <4DFF>", cmap); // U+4E00 starts a new range: the destination's last byte would wrap
        Assert.Contains("<0006> <0007> <4E00>", cmap);
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var z = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        var ms = new MemoryStream();
        z.CopyTo(ms);
        return ms.ToArray();
    }

    private static Dictionary<string, (int Offset, int Length)> Tables(byte[] font)
    {
        var tables = new Dictionary<string, (int, int)>();
        for (var i = 0; i < BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4)); i++)
        {
            var rec = font.AsSpan(12 + 16 * i);
            tables[Encoding.ASCII.GetString(rec[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(rec[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(rec[12..]));
        }
        return tables;
    }

    private static ReadOnlySpan<byte> Glyph(byte[] font, Dictionary<string, (int Offset, int Length)> tables, int glyph)
    {
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(tables["head"].Offset + 50)) == 1;
        var loca = font.AsSpan(tables["loca"].Offset);
        var (start, end) = longLoca
            ? ((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(glyph * 4)..]), (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(glyph * 4 + 4)..]))
            : (BinaryPrimitives.ReadUInt16BigEndian(loca[(glyph * 2)..]) * 2, BinaryPrimitives.ReadUInt16BigEndian(loca[(glyph * 2 + 2)..]) * 2);
        return font.AsSpan(tables["glyf"].Offset + start, end - start);
    }

    private static List<int> Components(ReadOnlySpan<byte> composite)
    {
        var result = new List<int>();
        var pos = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(composite[pos..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(composite[(pos + 2)..]));
            pos += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
        }
        while ((flags & 0x20) != 0);
        return result;
    }

    private static uint Checksum(byte[] font)
    {
        uint sum = 0;
        for (var i = 0; i < font.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(i));
        return sum;
    }
}
