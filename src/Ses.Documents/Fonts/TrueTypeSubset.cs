using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Ses.Documents.Fonts;

/// <summary>
/// Writes a TrueType font holding only the given glyphs, renumbered: glyph i of the subset is <c>glyphs[i]</c> of the
/// original. Tables: glyf, loca, hmtx, head, hhea, maxp, and the hinting tables cvt, fpgm and prep when the font has
/// them — what a PDF viewer needs of an embedded CIDFontType2 program (ISO 32000-1 §9.9), no cmap, name or post.
/// </summary>
internal static class TrueTypeSubset
{
    /// <summary>
    /// Builds the subset. Components of composite glyphs that are not yet in <paramref name="glyphs"/> are appended to
    /// it (so the caller sees the final numbering); glyph 0 should be the original's .notdef. <paramref name="extra"/>
    /// tables (e.g. cmap, name, OS/2 and post for a font an application installs) are written as given.
    /// </summary>
    public static byte[] Build(FontProgram font, List<ushort> glyphs, IReadOnlyList<(string Tag, byte[] Table)>? extra = null)
    {
        var index = new Dictionary<ushort, ushort>(glyphs.Count * 2);
        for (var i = 0; i < glyphs.Count; i++) index.TryAdd(glyphs[i], (ushort)i);
        var glyfLength = 0;
        for (var i = 0; i < glyphs.Count; i++)
        {
            var outline = font.Glyph(glyphs[i]);
            if (outline.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                foreach (var (_, component) in Components(outline))
                {
                    if (index.TryAdd(component, (ushort)glyphs.Count)) glyphs.Add(component);
                }
            }
            glyfLength += Pad4(outline.Length);
        }

        var n = glyphs.Count;
        var shortLoca = glyfLength <= 0x1FFFE;
        var tables = new List<(uint Tag, int Length, byte[]? Copy)>(9);
        if (font.Cvt is { } cvt) tables.Add((Tag("cvt "), cvt.Length, cvt));
        if (font.Fpgm is { } fpgm) tables.Add((Tag("fpgm"), fpgm.Length, fpgm));
        tables.Add((Tag("glyf"), glyfLength, null));
        tables.Add((Tag("head"), font.Head.Length, font.Head));
        tables.Add((Tag("hhea"), font.Hhea.Length, font.Hhea));
        tables.Add((Tag("hmtx"), n * 4, null));
        tables.Add((Tag("loca"), (n + 1) * (shortLoca ? 2 : 4), null));
        tables.Add((Tag("maxp"), font.Maxp.Length, font.Maxp));
        if (font.Prep is { } prep) tables.Add((Tag("prep"), prep.Length, prep));
        foreach (var (tag, table) in extra ?? []) tables.Add((Tag(tag), table.Length, table));
        tables.Sort((a, b) => a.Tag.CompareTo(b.Tag)); // the directory is sorted by tag (OpenType §5)

        var directory = 12 + 16 * tables.Count;
        var size = directory;
        foreach (var t in tables) size += Pad4(t.Length);
        var result = new byte[size];
        var span = result.AsSpan();

        // OpenType §5 table directory: sfnt version, numTables, searchRange, entrySelector, rangeShift.
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)tables.Count);
        var selector = (int)Math.Log2(tables.Count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(16 << selector));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(tables.Count * 16 - (16 << selector)));

        var at = directory;
        var headAt = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            var (tag, length, copy) = tables[t];
            var table = span.Slice(at, length);
            if (copy is not null) copy.CopyTo(table);
            switch (tag)
            {
                case 0x676C7966: WriteGlyf(font, glyphs, index, table); break; // glyf
                case 0x686D7478: WriteHmtx(font, glyphs, table); break; // hmtx
                case 0x6C6F6361: WriteLoca(font, glyphs, shortLoca, table); break; // loca
                case 0x68656164: // head: checkSumAdjustment computed below; loca format
                    headAt = at;
                    BinaryPrimitives.WriteUInt32BigEndian(table[8..], 0);
                    BinaryPrimitives.WriteInt16BigEndian(table[50..], (short)(shortLoca ? 0 : 1));
                    break;
                case 0x68686561: BinaryPrimitives.WriteUInt16BigEndian(table[34..], (ushort)n); break; // hhea: numberOfHMetrics
                case 0x6D617870: BinaryPrimitives.WriteUInt16BigEndian(table[4..], (ushort)n); break; // maxp: numGlyphs
            }
            var record = span[(12 + 16 * t)..];
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(at, Pad4(length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            at += Pad4(length);
        }
        // OpenType head table: checkSumAdjustment = 0xB1B0AFBA minus the checksum of the whole font.
        BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], 0xB1B0AFBA - Checksum(span));
        return result;
    }

    private static void WriteGlyf(FontProgram font, List<ushort> glyphs, Dictionary<ushort, ushort> index, Span<byte> glyf)
    {
        var at = 0;
        foreach (var g in glyphs)
        {
            var outline = font.Glyph(g);
            outline.CopyTo(glyf[at..]);
            if (outline.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                // Components name glyphs by their original numbers: renumber them.
                foreach (var (offset, component) in Components(outline))
                {
                    BinaryPrimitives.WriteUInt16BigEndian(glyf[(at + offset)..], index[component]);
                }
            }
            at += Pad4(outline.Length);
        }
    }

    private static void WriteLoca(FontProgram font, List<ushort> glyphs, bool shortLoca, Span<byte> loca)
    {
        var at = 0;
        for (var i = 0; i <= glyphs.Count; i++)
        {
            if (shortLoca) BinaryPrimitives.WriteUInt16BigEndian(loca[(i * 2)..], (ushort)(at / 2));
            else BinaryPrimitives.WriteUInt32BigEndian(loca[(i * 4)..], (uint)at);
            if (i < glyphs.Count) at += Pad4(font.Glyph(glyphs[i]).Length);
        }
    }

    private static void WriteHmtx(FontProgram font, List<ushort> glyphs, Span<byte> hmtx)
    {
        for (var i = 0; i < glyphs.Count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(hmtx[(i * 4)..], font.Advance(glyphs[i]));
            BinaryPrimitives.WriteInt16BigEndian(hmtx[(i * 4 + 2)..], font.LeftSideBearing(glyphs[i]));
        }
    }

    /// <summary>The components of a composite glyph: where each glyph index is in the outline, and the index (OpenType glyf, composite glyphs).</summary>
    internal static List<(int Offset, ushort Glyph)> Components(ReadOnlySpan<byte> outline)
    {
        var result = new List<(int, ushort)>(4);
        var pos = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[pos..]);
            result.Add((pos + 2, BinaryPrimitives.ReadUInt16BigEndian(outline[(pos + 2)..])));
            pos += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            if ((flags & 0x0008) != 0) pos += 2;
            else if ((flags & 0x0040) != 0) pos += 4;
            else if ((flags & 0x0080) != 0) pos += 8;
        }
        while ((flags & 0x0020) != 0);
        return result;
    }

    private static int Pad4(int length) => (length + 3) & ~3;

    private static uint Tag(string tag) => BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(tag));

    /// <summary>Sum of the big-endian 32-bit words (the length is a multiple of 4).</summary>
    internal static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        foreach (var word in MemoryMarshal.Cast<byte, uint>(data))
        {
            sum += BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(word) : word;
        }
        return sum;
    }
}
