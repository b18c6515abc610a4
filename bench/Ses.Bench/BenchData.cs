using System.Text.Json;
using Ses.Documents;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;

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

    /// <summary>
    /// Signature settings with development keys made in <paramref name="certs"/> for the default bureau: the RSA-2048
    /// signing key and the in-process TSA.
    /// </summary>
    public static SignatureSettings Signing(DocumentEngine engine, DirectoryInfo certs)
    {
        var set = DevelopmentCertificates.Create(Path.Combine(certs.FullName, "dev"), TimeProvider.System, engine.Templates.DefaultBureau.Name);
        return new SignatureSettings(set.Signing, set.CreateTsa(TimeProvider.System));
    }

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
