using System.Buffers.Binary;
using System.Text;

namespace Ses.Documents.Fonts;

/// <summary>
/// A complete, installable TrueType font that draws only the given characters: every glyph keeps its number and the
/// cmap, name, OS/2 and metrics tables are the original's, but the outlines of the glyphs not needed are left empty
/// (and the layout tables dropped). Word and LibreOffice load such a font as they load the original, which the
/// renumbered PDF subset (<see cref="TrueTypeSubset"/>, no cmap) could not be; empty outlines and an unchanged cmap
/// compress to little in the DOCX's zip.
/// </summary>
internal static class TrueTypeKeepIdsSubset
{
    // Tables kept as they are; glyf and loca are rebuilt, post is cut to version 3 (no glyph names).
    private static readonly string[] Copied = ["OS/2", "cmap", "cvt ", "fpgm", "gasp", "head", "hhea", "hmtx", "maxp", "name", "prep"];

    public static byte[] Build(FontFace face, IEnumerable<int> codePoints)
    {
        var font = face.Program;
        var data = face.Data;
        var directory = TrueTypeMetrics.ReadTableDirectory(data);
        var keep = new HashSet<ushort> { 0 };
        var pending = new Stack<ushort>();
        foreach (var cp in codePoints)
        {
            var g = face.Metrics.GlyphId(cp);
            if (g > 0 && keep.Add((ushort)g)) pending.Push((ushort)g);
        }
        pending.Push(0);
        while (pending.Count > 0)
        {
            var outline = font.Glyph(pending.Pop());
            if (outline.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0) continue;
            foreach (var (_, component) in TrueTypeSubset.Components(outline))
            {
                if (keep.Add(component)) pending.Push(component);
            }
        }

        // glyf with only the kept outlines (each padded to 4 bytes), long loca.
        var n = font.GlyphCount;
        using var glyf = new MemoryStream();
        var loca = new byte[(n + 1) * 4];
        for (var g = 0; g < n; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(g * 4), (uint)glyf.Length);
            if (!keep.Contains((ushort)g)) continue;
            var outline = font.Glyph(g);
            glyf.Write(outline);
            for (var p = outline.Length; p % 4 != 0; p++) glyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(n * 4), (uint)glyf.Length);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Copied)
        {
            if (directory.TryGetValue(tag, out var t)) tables[tag] = data.AsSpan(t.Offset, t.Length).ToArray();
        }
        var head = tables["head"];
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        tables["glyf"] = glyf.ToArray();
        tables["loca"] = loca;
        if (directory.TryGetValue("post", out var post) && post.Length >= 32)
        {
            var post3 = data.AsSpan(post.Offset, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post3, 0x00030000);
            tables["post"] = post3;
        }
        return Write(tables);
    }

    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var size = 12 + 16 * count + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var result = new byte[size];
        var span = result.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        var selector = (int)Math.Log2(count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(16 << selector));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - (16 << selector)));
        var offset = 12 + 16 * count;
        var entry = 12;
        var headOffset = 0;
        foreach (var (tag, table) in tables)
        {
            table.CopyTo(span[offset..]);
            var padded = (table.Length + 3) & ~3;
            span.Slice(entry, 4).Clear();
            Encoding.ASCII.GetBytes(tag, span.Slice(entry, 4));
            BinaryPrimitives.WriteUInt32BigEndian(span[(entry + 4)..], TrueTypeSubset.Checksum(span.Slice(offset, padded)));
            BinaryPrimitives.WriteUInt32BigEndian(span[(entry + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(entry + 12)..], (uint)table.Length);
            if (tag == "head") headOffset = offset;
            offset += padded;
            entry += 16;
        }
        // OpenType head.checkSumAdjustment: 0xB1B0AFBA minus the checksum of the whole font.
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], 0xB1B0AFBA - TrueTypeSubset.Checksum(span));
        return result;
    }
}
