using System.Buffers.Binary;

namespace Ses.Documents.Pdf;

/// <summary>
/// Shrinks an embedded TrueType subset as PDFsharp wrote it: PDFsharp keeps every glyph slot (original glyph ids),
/// so hmtx still holds a left side bearing for each of the ~20,000 unused glyphs, which compresses badly. Unused
/// glyphs (empty in glyf) get bearing 0; advances stay, so nothing drawn changes. Table checksums are recomputed.
/// </summary>
internal static class FontProgramCompactor
{
    public static byte[] Compact(byte[] font)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) is not (0x00010000 or 0x74727565)) return font;
        var tables = new Dictionary<string, (int Record, int Offset, int Length)>();
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var rec = 12 + i * 16;
            var tag = System.Text.Encoding.ASCII.GetString(font, rec, 4);
            tables[tag] = (rec, (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(rec + 8)), (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(rec + 12)));
        }
        if (!tables.TryGetValue("hmtx", out var hmtx) || !tables.TryGetValue("loca", out var loca) ||
            !tables.TryGetValue("head", out var head) || !tables.TryGetValue("hhea", out var hhea)) return font;
        var result = (byte[])font.Clone();
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(result.AsSpan(head.Offset + 50)) == 1;
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(result.AsSpan(hhea.Offset + 34));
        var glyphs = loca.Length / (longLoca ? 4 : 2) - 1;
        for (var g = 0; g < glyphs; g++)
        {
            var empty = longLoca
                ? BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan(loca.Offset + g * 4)) == BinaryPrimitives.ReadUInt32BigEndian(result.AsSpan(loca.Offset + g * 4 + 4))
                : BinaryPrimitives.ReadUInt16BigEndian(result.AsSpan(loca.Offset + g * 2)) == BinaryPrimitives.ReadUInt16BigEndian(result.AsSpan(loca.Offset + g * 2 + 2));
            if (!empty) continue;
            var lsbAt = g < metrics ? hmtx.Offset + g * 4 + 2 : hmtx.Offset + metrics * 4 + (g - metrics) * 2;
            if (lsbAt + 2 > hmtx.Offset + hmtx.Length) break;
            BinaryPrimitives.WriteInt16BigEndian(result.AsSpan(lsbAt), 0);
        }
        // OpenType §5 (table directory): checksum of the changed table.
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(hmtx.Record + 4), Checksum(result.AsSpan(hmtx.Offset, hmtx.Length)));
        return result;
    }

    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (var i = 0; i < table.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++) word = (word << 8) | (i + j < table.Length ? table[i + j] : 0u);
            sum += word;
        }
        return sum;
    }
}
