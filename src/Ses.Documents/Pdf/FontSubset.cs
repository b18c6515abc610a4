using Ses.Documents.Fonts;

namespace Ses.Documents.Pdf;

/// <summary>
/// One font as a document uses it: the characters drawn with it, the CID each is written as in the content streams,
/// and the embedded subset. CIDs are 1, 2, … in code point order; glyphs are numbered in the subset in the order of
/// their first CID, so that CID = glyph number (/CIDToGIDMap /Identity) unless two characters share a glyph or one has
/// none, and then the map is written out.
/// </summary>
internal sealed class FontSubset
{
    private readonly Dictionary<int, ushort> _cids;

    private FontSubset(FontFace face, string resourceName, int[] codePoints)
    {
        Face = face;
        ResourceName = resourceName;
        CodePoints = codePoints;
        _cids = new Dictionary<int, ushort>(codePoints.Length);
        var metrics = face.Metrics;
        var newGlyph = new Dictionary<int, ushort>(codePoints.Length) { [0] = 0 };
        Glyphs = new List<ushort>(codePoints.Length + 1) { 0 };
        CidToGid = new ushort[codePoints.Length + 1];
        IdentityMap = true;
        for (var i = 0; i < codePoints.Length; i++)
        {
            var cid = (ushort)(i + 1);
            _cids[codePoints[i]] = cid;
            var glyph = metrics.GlyphId(codePoints[i]);
            if (!newGlyph.TryGetValue(glyph, out var gid))
            {
                gid = (ushort)Glyphs.Count;
                newGlyph[glyph] = gid;
                Glyphs.Add((ushort)glyph);
            }
            CidToGid[cid] = gid;
            IdentityMap &= gid == cid;
        }
        Program = TrueTypeSubset.Build(face.Program, Glyphs);
        Tag = SubsetTag(face.Program.PostScriptName, Glyphs);
    }

    public FontFace Face { get; }

    /// <summary>The name the page resources give the font (F1, F2, …).</summary>
    public string ResourceName { get; }

    /// <summary>The characters drawn, ascending; the CID of <c>CodePoints[i]</c> is <c>i + 1</c>.</summary>
    public int[] CodePoints { get; }

    /// <summary>The original glyph numbers of the subset's glyphs (composite glyphs' components included).</summary>
    public List<ushort> Glyphs { get; }

    /// <summary>The subset glyph of each CID (index 0 unused).</summary>
    public ushort[] CidToGid { get; }

    public bool IdentityMap { get; }

    /// <summary>The subset's TrueType program, uncompressed.</summary>
    public byte[] Program { get; }

    /// <summary>Six capital letters naming this subset (ISO 32000-1 §9.6.4), the same for the same glyphs.</summary>
    public string Tag { get; }

    public string BaseFont => Tag + "+" + Face.Program.PostScriptName;

    public ushort Cid(int codePoint) => _cids[codePoint];

    /// <summary>Width of a CID in glyph space (1/1000 em).</summary>
    public double Width(int cid) => Face.Program.Advance(Glyphs[CidToGid[cid]]) * 1000.0 / Face.Metrics.UnitsPerEm;

    public static FontSubset Create(FontFace face, string resourceName, HashSet<int> codePoints)
    {
        var sorted = codePoints.ToArray();
        Array.Sort(sorted);
        return new FontSubset(face, resourceName, sorted);
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
