using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ses.Documents.Tests.Support;

/// <summary>The repository's templates folder and one shared engine (fonts are large; loading them once is enough).</summary>
internal static class TestEngine
{
    public static string TemplatesRoot { get; } = FindTemplates();

    private static readonly Lazy<DocumentEngine> Shared = new(() => DocumentEngine.Load(TemplatesRoot));

    public static DocumentEngine Engine => Shared.Value;

    public static JsonDocument Sample(string formId) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TemplatesRoot, "samples", formId + ".json")));

    public static IEnumerable<string> SampleFormIds() =>
        Directory.EnumerateFiles(Path.Combine(TemplatesRoot, "samples"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(id => Engine.Templates.FindForm(id!) is not null)
            .Order(StringComparer.Ordinal)!;

    public static JsonDocument With(JsonDocument sample, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(sample.RootElement.GetRawText())!.AsObject();
        change(node);
        return JsonDocument.Parse(node.ToJsonString());
    }

    private static string FindTemplates()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates");
            if (File.Exists(Path.Combine(candidate, "templates.json")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return candidate;
        }
        throw new DirectoryNotFoundException("repository templates/ folder not found above " + AppContext.BaseDirectory);
    }
}
