using System.Text.Json;

namespace Ses.Documents.Templates;

/// <summary>templates/templates.json: the default bureau and the font files (first covers, the next fill its gaps); the
/// optional latin list sets English text, falling back to the body fonts.</summary>
public sealed record TemplateSettings(string DefaultBureau, IReadOnlyList<string> BodyFonts, IReadOnlyList<string> TitleFonts, IReadOnlyList<string> LatinFonts)
{
    public const string FileName = "templates.json";

    internal static TemplateSettings Load(string root)
    {
        var file = Path.Combine(root, FileName);
        try
        {
            using var doc = JsonDocument.Parse(
                File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var r = doc.RootElement;
            var bureau = r.TryGetProperty("defaultBureau", out var b) ? b.GetString() : null;
            if (string.IsNullOrWhiteSpace(bureau)) throw new TemplateException($"{file}: 'defaultBureau' is required");
            if (!r.TryGetProperty("fonts", out var fonts)) throw new TemplateException($"{file}: 'fonts' is required");
            return new TemplateSettings(bureau, Paths(fonts, "body"), Paths(fonts, "title"), fonts.TryGetProperty("latin", out _) ? Paths(fonts, "latin") : []);

            IReadOnlyList<string> Paths(JsonElement f, string key)
            {
                if (!f.TryGetProperty(key, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                {
                    throw new TemplateException($"{file}: 'fonts.{key}' must list at least one TrueType file");
                }
                return [.. list.EnumerateArray().Select(e => Path.GetFullPath(Path.Combine(root, e.GetString() ?? "")))];
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            throw new TemplateException($"{file}: {e.Message}", e);
        }
    }
}
