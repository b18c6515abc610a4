using System.Collections.Concurrent;
using PdfSharp.Fonts;
using Ses.Documents.Templates;

namespace Ses.Documents.Fonts;

/// <summary>
/// The fonts of a templates folder, registered with PDFsharp's process-wide font resolver. Loaded once and shared:
/// font files are large and PDFsharp caches their parsed form.
/// </summary>
internal sealed class FontSet
{
    private static readonly ConcurrentDictionary<string, FontFace> Registered = new(StringComparer.Ordinal);
    private static readonly object ResolverLock = new();

    public FontSet(TemplateSettings settings)
    {
        var cache = new Dictionary<string, FontFace>(StringComparer.Ordinal);
        Body = new FontChain([.. settings.BodyFonts.Select(Load)]);
        Title = new FontChain([.. settings.TitleFonts.Select(Load)]);
        Latin = new FontChain([.. settings.LatinFonts.Concat(settings.BodyFonts).Select(Load)]);
        EnsureResolver();

        FontFace Load(string path)
        {
            if (!cache.TryGetValue(path, out var face))
            {
                face = new FontFace(path);
                cache[path] = face;
                Registered.TryAdd(face.FaceName, face);
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

    private static void EnsureResolver()
    {
        lock (ResolverLock)
        {
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is Resolver) return;
            if (GlobalFontSettings.FontResolver is not null)
            {
                throw new InvalidOperationException("another PDFsharp font resolver is already installed in this process");
            }
            GlobalFontSettings.FontResolver = new Resolver();
        }
    }

    /// <summary>Maps our face names to the font bytes; PDFsharp asks it once per face.</summary>
    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            Registered.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

        public byte[]? GetFont(string faceName) => Registered.TryGetValue(faceName, out var f) ? f.Data : null;
    }
}
