using System.Globalization;
using System.Text;
using Ses.Documents.Fonts;

namespace Ses.Documents.Pdf;

/// <summary>
/// An embedded subset of one font for a set of characters, with everything its PDF objects need already built and
/// compressed, so a subset can be shared by many documents (see <see cref="SubsetCache"/>). Immutable.
/// </summary>
/// <remarks>
/// CIDs are 1, 2, … in code point order; glyphs are numbered in the subset in the order of their first CID, so that
/// CID = glyph number (/CIDToGIDMap /Identity) unless two characters share a glyph or one has none, and then the map
/// is written out.
/// </remarks>
internal sealed class FontSubset
{
    private readonly Dictionary<int, ushort> _cids;

    private FontSubset(FontFace face, int[] codePoints)
    {
        Face = face;
        _cids = new Dictionary<int, ushort>(codePoints.Length);
        var metrics = face.Metrics;
        var newGlyph = new Dictionary<int, ushort>(codePoints.Length) { [0] = 0 };
        var glyphs = new List<ushort>(codePoints.Length + 1) { 0 };
        var cidToGid = new ushort[codePoints.Length + 1];
        var identity = true;
        for (var i = 0; i < codePoints.Length; i++)
        {
            var cid = (ushort)(i + 1);
            _cids[codePoints[i]] = cid;
            var glyph = metrics.GlyphId(codePoints[i]);
            if (!newGlyph.TryGetValue(glyph, out var gid))
            {
                gid = (ushort)glyphs.Count;
                newGlyph[glyph] = gid;
                glyphs.Add((ushort)glyph);
            }
            cidToGid[cid] = gid;
            identity &= gid == cid;
        }

        var program = TrueTypeSubset.Build(face.Program, glyphs);
        ProgramLength = program.Length;
        Program = Flate.Compress(program);
        ToUnicode = Flate.Compress(ToUnicodeCMap.Write(codePoints));
        CidToGidMap = identity ? null : Flate.Compress(MapBytes(cidToGid));
        Widths = WidthArray(face, glyphs, cidToGid);
        BaseFont = SubsetTag(face.Program.PostScriptName, glyphs) + "+" + face.Program.PostScriptName;
    }

    public FontFace Face { get; }

    /// <summary>
    /// /BaseFont and /FontName: a tag of six capital letters naming this subset (ISO 32000-1 §9.6.4), the same for the
    /// same glyphs, and the PostScript name.
    /// </summary>
    public string BaseFont { get; }

    /// <summary>The TrueType program, compressed (FontFile2).</summary>
    public byte[] Program { get; }

    /// <summary>The program's length before compression (/Length1).</summary>
    public int ProgramLength { get; }

    /// <summary>The ToUnicode CMap, compressed.</summary>
    public byte[] ToUnicode { get; }

    /// <summary>The /CIDToGIDMap stream, compressed, or null for /Identity.</summary>
    public byte[]? CidToGidMap { get; }

    /// <summary>The /W array for the CIDs whose width is not the default 1000, or null when there are none.</summary>
    public string? Widths { get; }

    public bool Has(int codePoint) => _cids.ContainsKey(codePoint);

    public bool TryGetCid(int codePoint, out ushort cid) => _cids.TryGetValue(codePoint, out cid);

    /// <summary>A subset of <paramref name="face"/> for the given characters, in ascending order without repeats.</summary>
    public static FontSubset Create(FontFace face, int[] codePoints) => new(face, codePoints);

    /// <summary>§9.7.4.3: consecutive CIDs grouped, c [w1 w2 …], widths in 1/1000 em.</summary>
    private static string? WidthArray(FontFace face, List<ushort> glyphs, ushort[] cidToGid)
    {
        StringBuilder? sb = null;
        var open = false;
        var perEm = 1000.0 / face.Metrics.UnitsPerEm;
        for (var cid = 1; cid < cidToGid.Length; cid++)
        {
            var width = face.Program.Advance(glyphs[cidToGid[cid]]) * perEm;
            if (Math.Abs(width - 1000) < 1e-9)
            {
                if (open) sb!.Append(']');
                open = false;
                continue;
            }
            sb ??= new StringBuilder("[");
            if (!open) sb.Append(cid.ToString(CultureInfo.InvariantCulture)).Append('[');
            else sb.Append(' ');
            sb.Append(width.ToString("0.###", CultureInfo.InvariantCulture));
            open = true;
        }
        if (sb is null) return null;
        if (open) sb.Append(']');
        return sb.Append(']').ToString();
    }

    /// <summary>§9.7.4.2: the subset glyph of each CID as two bytes, big-endian.</summary>
    private static byte[] MapBytes(ushort[] cidToGid)
    {
        var map = new byte[cidToGid.Length * 2];
        for (var cid = 0; cid < cidToGid.Length; cid++)
        {
            map[cid * 2] = (byte)(cidToGid[cid] >> 8);
            map[cid * 2 + 1] = (byte)cidToGid[cid];
        }
        return map;
    }

    private static string SubsetTag(string name, List<ushort> glyphs)
    {
        // FNV-1a over the font's name and the glyph numbers: deterministic, and different subsets differ.
        var h = 14695981039346656037UL;
        foreach (var c in name) h = (h ^ c) * 1099511628211UL;
        foreach (var g in glyphs) h = (h ^ g) * 1099511628211UL;
        Span<char> tag = stackalloc char[6];
        for (var i = 0; i < 6; i++)
        {
            tag[i] = (char)('A' + (int)(h % 26));
            h /= 26;
        }
        return new string(tag);
    }
}
