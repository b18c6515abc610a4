using System.Text;

namespace Ses.Documents.Fonts;

/// <summary>
/// An ordered list of fonts: the first that has a character draws it, so a second font covers what the first lacks
/// (rare name characters such as 𠮷 U+20BB7 or 䶮 U+4DAE).
/// </summary>
internal sealed class FontChain(IReadOnlyList<FontFace> faces)
{
    public IReadOnlyList<FontFace> Faces { get; } = faces;

    public FontFace Primary => Faces[0];

    /// <summary>Index of the first face that has the code point, or -1 when none has it.</summary>
    public int Pick(int codePoint)
    {
        for (var i = 0; i < Faces.Count; i++)
        {
            if (Faces[i].Metrics.Covers(codePoint)) return i;
        }
        return -1;
    }

    /// <summary>Index of the face that draws the code point: the first that has it, else the primary (which then
    /// shows its missing glyph). The PDF, the DOCX's runs and its embedded fonts all split text by it.</summary>
    public int Drawing(int codePoint) => Math.Max(0, Pick(codePoint));

    /// <summary>The face that draws the code point (<see cref="Drawing"/>).</summary>
    public FontFace FaceOf(int codePoint) => Faces[Drawing(codePoint)];

    /// <summary>Advance in ems with the face that will draw it (spaces and controls use the primary face).</summary>
    public double AdvanceEm(int codePoint) => FaceOf(codePoint).Metrics.AdvanceEm(codePoint);

    /// <summary>The characters of a text that no face has (whitespace excepted).</summary>
    public IEnumerable<Rune> Missing(string text)
    {
        foreach (var r in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(r) || Rune.IsControl(r)) continue;
            if (Pick(r.Value) < 0) yield return r;
        }
    }
}
