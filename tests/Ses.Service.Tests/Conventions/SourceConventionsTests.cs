using System.Text.RegularExpressions;

namespace Ses.Service.Tests.Conventions;

/// <summary>
/// The conventions the analyzers cannot check (see .editorconfig): lines fit in 160 columns, and a type is named
/// through a <c>using</c> directive, not by its namespace inline. Migrations are generated and exempt.
/// </summary>
public sealed partial class SourceConventionsTests
{
    public const int MaxLineLength = 160;

    [Fact]
    public void SourceLines_FitTheLineLength()
    {
        var long_ = Lines().Where(l => l.Text.Length > MaxLineLength).Select(l => $"{l.File}:{l.Number} ({l.Text.Length})").ToList();
        Assert.True(long_.Count == 0, $"lines longer than {MaxLineLength} columns:\n" + string.Join("\n", long_));
    }

    [Fact]
    public void Code_NamesTypesThroughUsings_NotInlineNamespaces()
    {
        var inline = Lines()
            .Where(l => !l.Text.TrimStart().StartsWith("using ", StringComparison.Ordinal)
                && !l.Text.TrimStart().StartsWith("namespace ", StringComparison.Ordinal)
                && !l.Text.TrimStart().StartsWith("global using ", StringComparison.Ordinal))
            .Where(l => QualifiedName().IsMatch(CodeOnly(l.Text)))
            .Select(l => $"{l.File}:{l.Number}: {l.Text.Trim()}")
            .ToList();
        Assert.True(inline.Count == 0, "names qualified inline (add a using directive, or an alias where two names clash):\n" + string.Join("\n", inline));
    }

    [Theory]
    [InlineData("var x = System.Globalization.CultureInfo.InvariantCulture;", true)]
    [InlineData("catch (Ses.Documents.Signing.Crypto.TimestampException)", true)]
    [InlineData("var x = CultureInfo.InvariantCulture; // System.Globalization.CultureInfo", false)]
    [InlineData("var s = \"Ses.Service.Delivery.X\";", false)]
    [InlineData("var x = StatusCodes.Status404NotFound;", false)]
    public void QualifiedNameCheck_FindsOnlyCode(string line, bool found) =>
        Assert.Equal(found, QualifiedName().IsMatch(CodeOnly(line)));

    /// <summary>The line without its trailing comment and with string literals blanked (good enough for our code).</summary>
    private static string CodeOnly(string line)
    {
        var noStrings = StringLiteral().Replace(line, "\"\"");
        var comment = noStrings.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 ? noStrings[..comment] : noStrings;
    }

    private static IEnumerable<(string File, int Number, string Text)> Lines()
    {
        var root = RepositoryRoot();
        foreach (var dir in new[] { "src", "tests", "bench" })
        {
            var path = Path.Combine(root, dir);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                    || relative.Contains("Migrations/", StringComparison.Ordinal))
                {
                    continue;
                }
                var n = 0;
                foreach (var text in File.ReadLines(file))
                {
                    n++;
                    yield return (relative, n, text);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Ses.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<![\w.])(System|Microsoft|Ses)\.[A-Z]\w*\.[A-Z]\w*")]
    private static partial Regex QualifiedName();

    [GeneratedRegex("@?\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
