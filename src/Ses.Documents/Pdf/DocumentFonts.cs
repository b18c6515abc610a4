using System.Globalization;
using Ses.Documents.Fonts;
using Ses.Documents.Layout;
using Ses.Documents.Templates;

namespace Ses.Documents.Pdf;

/// <summary>
/// The font subsets one document embeds and the resource name of each (F1, F2, … in order of first use). Each face
/// drawn has up to two: the form's fixed text, shared through <see cref="SubsetCache"/>, and the rest — the glyphs of
/// the field values, page numbers and the like — subset for this document alone.
/// </summary>
internal sealed class DocumentFonts
{
    private readonly Dictionary<FontFace, (FontSubset? Fixed, FontSubset? Own)> _byFace = [];
    private readonly Dictionary<FontSubset, string> _names = [];

    private DocumentFonts()
    {
    }

    /// <summary>The subsets in resource order: <c>Subsets[i]</c> is named <c>F{i + 1}</c>.</summary>
    public List<FontSubset> Subsets { get; } = [];

    public static DocumentFonts For(FormTemplate form, BureauProfile bureau, LaidOutDocument layout, FontSet fonts, SubsetCache cache)
    {
        var drawn = new List<(FontFace Face, HashSet<int> CodePoints)>(2);
        foreach (var page in layout.Pages)
        {
            foreach (var t in page.Watermark is { } mark ? page.Texts.Concat(mark.Runs) : page.Texts)
            {
                var face = fonts.ByIndex(t.Chain).Faces[t.Face];
                var codePoints = drawn.Find(d => d.Face == face).CodePoints;
                if (codePoints is null)
                {
                    codePoints = new HashSet<int>(256);
                    drawn.Add((face, codePoints));
                }
                foreach (var r in t.Text.EnumerateRunes()) codePoints.Add(r.Value);
            }
        }
        var fixedText = cache.FixedText(form, bureau);
        var result = new DocumentFonts();
        foreach (var (face, codePoints) in drawn)
        {
            var fixedHere = fixedText.TryGetValue(face, out var f) ? f : null;
            var shared = new List<int>(codePoints.Count);
            var own = new List<int>(codePoints.Count);
            foreach (var cp in codePoints) (fixedHere is not null && fixedHere.Contains(cp) ? shared : own).Add(cp);
            var fixedSubset = shared.Count > 0 ? cache.Subset(face, Sorted(shared)) : null;
            var ownSubset = own.Count > 0 ? FontSubset.Create(face, Sorted(own)) : null;
            if (fixedSubset is not null) result.Add(fixedSubset);
            if (ownSubset is not null) result.Add(ownSubset);
            result._byFace[face] = (fixedSubset, ownSubset);
        }
        return result;
    }

    /// <summary>The subset that holds a character drawn with <paramref name="face"/>, and its CID there.</summary>
    public (FontSubset Subset, ushort Cid) Find(FontFace face, int codePoint)
    {
        var (fixedSubset, own) = _byFace[face];
        if (fixedSubset is not null && fixedSubset.TryGetCid(codePoint, out var cid)) return (fixedSubset, cid);
        return own!.TryGetCid(codePoint, out cid) ? (own, cid) : throw new InvalidOperationException($"U+{codePoint:X4} was not collected for its face");
    }

    /// <summary>The resource name of a subset of this document.</summary>
    public string NameOf(FontSubset subset) => _names[subset];

    private void Add(FontSubset subset)
    {
        Subsets.Add(subset);
        _names[subset] = "F" + Subsets.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static int[] Sorted(List<int> codePoints)
    {
        var a = codePoints.ToArray();
        Array.Sort(a);
        return a;
    }
}
