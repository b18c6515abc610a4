using System.Text.Json;
using Ses.Documents;

namespace Ses.Bench;

/// <summary>The repository's templates and samples, found by walking up from the working directory or the binary.</summary>
internal static class BenchData
{
    public static string TemplatesRoot { get; } = Find();

    public static DocumentEngine Engine() => DocumentEngine.Load(TemplatesRoot);

    public static IEnumerable<string> SampleFormIds() =>
        Directory.EnumerateFiles(Path.Combine(TemplatesRoot, "samples"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Where(id => File.Exists(Path.Combine(TemplatesRoot, "forms", id + ".json")))
            .Order(StringComparer.Ordinal);

    public static JsonDocument Sample(string id) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TemplatesRoot, "samples", id + ".json")));

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var t = Path.Combine(dir.FullName, "templates");
                if (File.Exists(Path.Combine(t, "templates.json")) && Directory.Exists(Path.Combine(t, "samples"))) return t;
            }
        }
        throw new DirectoryNotFoundException("templates/ not found; run from the repository");
    }
}
