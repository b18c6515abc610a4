using Ses.Documents.Templates;

namespace Ses.Documents.Fonts;

/// <summary>
/// The fonts of a templates folder, loaded once and shared: font files are large, and what a subset is built from
/// (<see cref="FontProgram"/>) is read from them once.
/// </summary>
internal sealed class FontSet
{
    public FontSet(TemplateSettings settings)
    {
        var cache = new Dictionary<string, FontFace>(StringComparer.Ordinal);
        Body = new FontChain([.. settings.BodyFonts.Select(Load)]);
        Title = new FontChain([.. settings.TitleFonts.Select(Load)]);
        Latin = new FontChain([.. settings.LatinFonts.Concat(settings.BodyFonts).Select(Load)]);

        FontFace Load(string path)
        {
            if (!cache.TryGetValue(path, out var face))
            {
                face = new FontFace(path);
                cache[path] = face;
            }
            return face;
        }
    }

    public FontChain Body { get; }

    public FontChain Title { get; }

    /// <summary>English text: the Latin fonts, then the body fonts for any Chinese in it.</summary>
    public FontChain Latin { get; }

    /// <summary>The chain a layout op names: 0 body, 1 title, 2 Latin.</summary>
    public FontChain ByIndex(int chain) => chain switch { 1 => Title, 2 => Latin, _ => Body };
}
