using System.Collections.Concurrent;
using System.Text;
using Ses.Documents.Fonts;
using Ses.Documents.Templates;

namespace Ses.Documents.Pdf;

/// <summary>
/// Font subsets of the fixed text of forms, built and compressed once and shared by every document of the form and
/// bureau: an issued notice embeds the glyphs of its wording from here, and only the glyphs of its field values are
/// subset and compressed for it (<see cref="DocumentFonts"/>). One per engine; safe to share between threads.
/// </summary>
internal sealed class SubsetCache(FontSet fonts)
{
    // Bounded so that a process rendering every form for every bureau keeps a fixed amount: 11 forms × 7 bureaus
    // hold about 80 subsets of ~50 KB. Past the bound the cache starts again (an unusual mix costs a recompression).
    private const int MaxSubsets = 256;

    private readonly ConcurrentDictionary<(string Form, string Bureau), Dictionary<FontFace, HashSet<int>>> _fixedText = new();
    private readonly ConcurrentDictionary<(FontFace Face, string CodePoints), FontSubset> _subsets = new();

    /// <summary>The characters every document of the form draws for the bureau, by face (<see cref="FixedText"/>).</summary>
    public IReadOnlyDictionary<FontFace, HashSet<int>> FixedText(FormTemplate form, BureauProfile bureau) =>
        _fixedText.GetOrAdd((form.Id, bureau.Code), _ => Layout.FixedText.Of(form, bureau, fonts));

    /// <summary>The shared subset of <paramref name="face"/> for these characters (ascending, no repeats).</summary>
    public FontSubset Subset(FontFace face, int[] codePoints)
    {
        var key = (face, Key(codePoints));
        if (_subsets.TryGetValue(key, out var subset)) return subset;
        if (_subsets.Count >= MaxSubsets) _subsets.Clear();
        return _subsets.GetOrAdd(key, _ => FontSubset.Create(face, codePoints));
    }

    private static string Key(int[] codePoints)
    {
        var sb = new StringBuilder(codePoints.Length + 8);
        foreach (var cp in codePoints) sb.Append(new Rune(cp).ToString());
        return sb.ToString();
    }
}
