using System.Buffers.Binary;

namespace Ses.Documents.Fonts;

/// <summary>
/// A small, complete TrueType font that draws only the given characters, for an application to install (the fonts
/// embedded in a DOCX): the glyphs renumbered as in the PDF's subset (<see cref="TrueTypeSubset"/>), with a cmap
/// built for exactly those characters and the original's name, OS/2, gasp and (version 3) post tables. Its size is
/// that of the outlines it draws: no full cmap, metrics or location table of glyphs it does not.
/// </summary>
internal static class TrueTypeInstallableSubset
{
    public static byte[] Build(FontFace face, IEnumerable<int> codePoints)
    {
        var glyphs = new List<ushort> { 0 };
        var index = new Dictionary<ushort, ushort> { [0] = 0 };
        var map = new List<(int CodePoint, ushort Glyph)>();
        foreach (var cp in codePoints.Distinct().Order())
        {
            var g = face.Metrics.GlyphId(cp);
            if (g <= 0) continue;
            if (!index.TryGetValue((ushort)g, out var renumbered))
            {
                renumbered = (ushort)glyphs.Count;
                index[(ushort)g] = renumbered;
                glyphs.Add((ushort)g);
            }
            map.Add((cp, renumbered));
        }

        var data = face.Data;
        var directory = TrueTypeMetrics.ReadTableDirectory(data);
        var extra = new List<(string, byte[])> { ("cmap", Cmap(map)) };
        foreach (var tag in (string[])["OS/2", "name", "gasp"])
        {
            if (directory.TryGetValue(tag, out var t)) extra.Add((tag, data.AsSpan(t.Offset, t.Length).ToArray()));
        }
        var post = new byte[32];
        if (directory.TryGetValue("post", out var p) && p.Length >= 32) data.AsSpan(p.Offset, 32).CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // version 3: no glyph names
        extra.Add(("post", post));
        return TrueTypeSubset.Build(face.Program, glyphs, extra);
    }

    /// <summary>
    /// cmap (OpenType cmap): Windows Unicode BMP (3,1) in format 4 and, when a character lies beyond the BMP, Windows
    /// Unicode full repertoire (3,10) in format 12. <paramref name="map"/> is sorted by code point.
    /// </summary>
    private static byte[] Cmap(List<(int CodePoint, ushort Glyph)> map)
    {
        var format4 = Format4(Groups(map.Where(m => m.CodePoint <= 0xFFFF).ToList()));
        var full = map.Count > 0 && map[^1].CodePoint > 0xFFFF;
        var format12 = full ? Format12(Groups(map)) : [];
        var header = 4 + 8 * (full ? 2 : 1);
        var cmap = new byte[header + format4.Length + format12.Length];
        var span = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)(full ? 2 : 1));
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], (uint)header);
        format4.CopyTo(span[header..]);
        if (full)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[12..], 3);
            BinaryPrimitives.WriteUInt16BigEndian(span[14..], 10);
            BinaryPrimitives.WriteUInt32BigEndian(span[16..], (uint)(header + format4.Length));
            format12.CopyTo(span[(header + format4.Length)..]);
        }
        return cmap;
    }

    /// <summary>Runs of consecutive characters drawn by consecutive glyphs.</summary>
    private static List<(int Start, int End, ushort Glyph)> Groups(List<(int CodePoint, ushort Glyph)> map)
    {
        var groups = new List<(int Start, int End, ushort Glyph)>();
        foreach (var (cp, g) in map)
        {
            if (groups.Count > 0 && groups[^1].End + 1 == cp && groups[^1].Glyph + (cp - groups[^1].Start) == g)
            {
                groups[^1] = (groups[^1].Start, cp, groups[^1].Glyph);
            }
            else
            {
                groups.Add((cp, cp, g));
            }
        }
        return groups;
    }

    /// <summary>Format 4: one segment a run with its idDelta, and the closing 0xFFFF segment.</summary>
    private static byte[] Format4(List<(int Start, int End, ushort Glyph)> runs)
    {
        var segments = runs.Count + 1;
        var length = 16 + 8 * segments;
        var table = new byte[length];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(segments * 2));
        var selector = (int)Math.Log2(segments);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(2 << selector));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)(segments * 2 - (2 << selector)));
        var ends = 14;
        var starts = ends + segments * 2 + 2; // after the reserved pad
        var deltas = starts + segments * 2;
        for (var s = 0; s < segments; s++)
        {
            var (start, end, glyph) = s < runs.Count ? runs[s] : (0xFFFF, 0xFFFF, (ushort)0);
            BinaryPrimitives.WriteUInt16BigEndian(span[(ends + 2 * s)..], (ushort)end);
            BinaryPrimitives.WriteUInt16BigEndian(span[(starts + 2 * s)..], (ushort)start);
            // The closing segment maps 0xFFFF to glyph 0: a delta of 1 (modulo 65536).
            BinaryPrimitives.WriteUInt16BigEndian(span[(deltas + 2 * s)..], (ushort)(s < runs.Count ? glyph - start : 1));
        }
        return table; // idRangeOffset all zero
    }

    private static byte[] Format12(List<(int Start, int End, ushort Glyph)> groups)
    {
        var table = new byte[16 + 12 * groups.Count];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 12);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)table.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], (uint)groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(16 + 12 * i)..], (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(span[(20 + 12 * i)..], (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(span[(24 + 12 * i)..], groups[i].Glyph);
        }
        return table;
    }
}
