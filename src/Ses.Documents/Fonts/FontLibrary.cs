using Ses.Documents.Templates;

namespace Ses.Documents.Fonts;

/// <summary>
/// The fonts of a templates folder, loaded once: the shipped free fonts of templates.json, and for each bureau whose
/// profile names licensed fonts (方正小标宋, 仿宋_GB2312, 黑体, 楷体) a <see cref="FontSet"/> that puts them first and
/// keeps the shipped fonts behind them. A named file that is missing or not a usable TrueType font is left out with a
/// warning naming the profile and the key, and that role is set in the shipped fonts; a character the named font
/// lacks falls back through the chain (<see cref="FontChain"/>). Font files are large, so each is read once.
/// </summary>
internal sealed class FontLibrary
{
    private static readonly (FontRole Role, string Key, string Name)[] Roles =
    [
        (FontRole.Title, "title", "标题"),
        (FontRole.Body, "body", "正文"),
        (FontRole.Heading, "heading", "一级标题"),
        (FontRole.Subheading, "subheading", "二级标题"),
        (FontRole.Latin, "latin", "英文"),
    ];

    private readonly Dictionary<string, FontSet> _byBureau;

    private FontLibrary(FontSet shipped, Dictionary<string, FontSet> byBureau, IReadOnlyList<string> warnings)
    {
        Default = shipped;
        _byBureau = byBureau;
        Warnings = warnings;
    }

    /// <summary>The shipped fonts alone: for a bureau that names none.</summary>
    public FontSet Default { get; }

    /// <summary>What was left out, one message each (a missing or unusable file named by a profile).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every distinct set: the shipped one and one per bureau that names fonts.</summary>
    public IEnumerable<FontSet> Sets => _byBureau.Values.Prepend(Default).Distinct();

    public FontSet For(BureauProfile bureau) => _byBureau.GetValueOrDefault(bureau.Code) ?? Default;

    public static FontLibrary Load(TemplateLibrary templates)
    {
        var cache = new Dictionary<string, FontFace>(StringComparer.Ordinal);
        var settings = templates.Settings;
        FontFace[] body = [.. settings.BodyFonts.Select(Shipped)];
        FontFace[] title = [.. settings.TitleFonts.Select(Shipped)];
        FontFace[] latin = [.. settings.LatinFonts.Select(Shipped)];
        var shipped = Compose(new Dictionary<FontRole, FontFace>());
        var warnings = new List<string>();
        var byBureau = new Dictionary<string, FontSet>(StringComparer.Ordinal);
        foreach (var bureau in templates.Bureaus)
        {
            if (bureau.Fonts is not { } named) continue;
            var chosen = new Dictionary<FontRole, FontFace>();
            foreach (var (role, key, name) in Roles)
            {
                var file = role switch
                {
                    FontRole.Title => named.Title,
                    FontRole.Body => named.Body,
                    FontRole.Heading => named.Heading,
                    FontRole.Subheading => named.Subheading,
                    _ => named.Latin,
                };
                if (string.IsNullOrWhiteSpace(file)) continue;
                var path = Path.GetFullPath(Path.Combine(templates.Root, file));
                var problem = Named(path, out var face);
                if (face is not null)
                {
                    chosen[role] = face;
                    continue;
                }
                var fallback = Path.GetFileName(shipped.Chain(role).Primary.Path);
                warnings.Add($"bureaus/{bureau.Code}.json：fonts.{key} 指定的字体文件 {file} {problem}，{name}改用随附字体 {fallback}");
            }
            if (chosen.Count > 0) byBureau[bureau.Code] = Compose(chosen);
        }
        return new FontLibrary(shipped, byBureau, warnings);

        FontFace Shipped(string path)
        {
            if (!cache.TryGetValue(path, out var face))
            {
                face = new FontFace(path);
                cache[path] = face;
            }
            return face;
        }

        // Null when the file is usable (face set), else what is wrong with it.
        string? Named(string path, out FontFace? face)
        {
            face = null;
            if (cache.TryGetValue(path, out face)) return null;
            if (!File.Exists(path)) return "不存在";
            try
            {
                face = new FontFace(path);
                cache[path] = face;
                return null;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or IOException
                or UnauthorizedAccessException or KeyNotFoundException)
            {
                return IsCollection(path) ? "是字体集（.ttc），只能使用单个 TrueType 字体文件（.ttf）" : $"不是可用的 TrueType 字体（{e.Message}）";
            }
        }

        FontSet Compose(Dictionary<FontRole, FontFace> chosen)
        {
            FontFace[] First(FontRole role) => chosen.TryGetValue(role, out var f) ? [f] : [];
            var bodyChain = new FontChain([.. First(FontRole.Body).Concat(body).Distinct()]);
            return new FontSet(
                bodyChain,
                new FontChain([.. First(FontRole.Title).Concat(title).Distinct()]),
                new FontChain([.. First(FontRole.Latin).Concat(latin).Concat(bodyChain.Faces).Distinct()]),
                new FontChain([.. First(FontRole.Heading).Concat(bodyChain.Faces).Distinct()]),
                new FontChain([.. First(FontRole.Subheading).Concat(bodyChain.Faces).Distinct()]));
        }
    }

    private static bool IsCollection(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> tag = stackalloc byte[4];
        return file.Read(tag) == 4 && tag.SequenceEqual("ttcf"u8);
    }
}
