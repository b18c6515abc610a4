using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;

namespace Ses.Documents.Docx;

/// <summary>
/// Editable text runs. A text is split into runs by the face of its chain that has each character, as the PDF does:
/// characters the primary font lacks (rare name characters such as 𠮷 U+20BB7) get a run naming the fallback family,
/// the rest take the style's font. Spaces, U+3000 ideographic spaces included, are kept (xml:space="preserve").
/// </summary>
internal static class DocxRuns
{
    /// <param name="text">The text.</param>
    /// <param name="chain">The chain of its role.</param>
    /// <param name="bold">Bold runs (table headers).</param>
    /// <param name="styleFamily">The family the paragraph's style names, when the chain is not the style's: every run
    /// in another family then names its own (an English line in a Chinese style).</param>
    public static IEnumerable<Run> For(string text, FontChain chain, bool bold = false, string? styleFamily = null)
    {
        var sb = new StringBuilder();
        var face = -1;
        foreach (var r in Clean(text).EnumerateRunes())
        {
            var f = chain.Drawing(r.Value);
            if (f != face && sb.Length > 0)
            {
                yield return Run(sb.ToString(), chain, face, bold, styleFamily);
                sb.Clear();
            }
            face = f;
            sb.Append(r.ToString());
        }
        if (sb.Length > 0) yield return Run(sb.ToString(), chain, face, bold, styleFamily);
    }

    private static Run Run(string text, FontChain chain, int face, bool bold, string? styleFamily)
    {
        var run = new Run();
        var props = new RunProperties();
        if (styleFamily is null ? face > 0 : chain.Faces[face].FamilyName != styleFamily)
        {
            var fonts = DocxStyles.FontsOf(chain.Faces[face].FamilyName);
            fonts.Hint = FontTypeHintValues.EastAsia;
            props.RunFonts = fonts;
        }
        if (bold)
        {
            props.Bold = new Bold();
            props.BoldComplexScript = new BoldComplexScript();
        }
        if (props.HasChildren) run.Append(props);
        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            if (parts[i].Length > 0) run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>
    /// Drops what XML cannot hold (C0 controls other than tab, unpaired surrogates). The validator already refuses
    /// control characters in field values; this keeps a template typo from producing an unreadable file.
    /// </summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => c < ' ' && c != '\t' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c == '\t' || XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
