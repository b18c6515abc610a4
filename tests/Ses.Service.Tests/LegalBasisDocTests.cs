using System.Text.RegularExpressions;

namespace Ses.Service.Tests;

/// <summary>
/// docs/legal-basis.md cannot go stale silently: every test it names exists, every article and standard the code and
/// the templates cite is named there, and nothing cites a file a reader of the repository cannot find.
/// </summary>
public sealed partial class LegalBasisDocTests
{
    private static readonly string Root = FindRoot();

    private static string Doc => File.ReadAllText(Path.Combine(Root, "docs", "legal-basis.md"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Ses.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The text files under <paramref name="folder"/> (source, pages, templates, docs), without build output.</summary>
    private static IEnumerable<(string Path, string Text)> Files(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations" or "PostgresMigrations"))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    private static IEnumerable<(string Path, string Text)> CodeAndTemplates() =>
        Files("src", ".cs", ".cshtml").Concat(Files("templates", ".json", ".md"));

    [Fact]
    public void Doc_EveryTestItNames_ExistsInTheTests()
    {
        var tests = Files("tests", ".cs").ToList();
        var named = TestName().Matches(Doc).Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).Distinct().ToList();
        Assert.True(named.Count >= 30, $"docs/legal-basis.md names only {named.Count} tests");
        var missing = named.Where(n => !tests.Any(t =>
                Regex.IsMatch(t.Text, $@"\bclass {n.Class}\b") && Regex.IsMatch(t.Text, $@"\bpublic (async )?(Task|void|ValueTask) {n.Method}\(")))
            .Select(n => $"{n.Class}.{n.Method}").ToList();
        Assert.True(missing.Count == 0, "docs/legal-basis.md names tests that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Doc_NamesEveryArticleTheCodeAndTheTemplatesCite()
    {
        var doc = Doc.Replace("《", "", StringComparison.Ordinal).Replace("》", "", StringComparison.Ordinal);
        var cited = CodeAndTemplates()
            .SelectMany(f => Article().Matches(f.Text).Select(m => (f.Path, Citation: m.Groups["doc"].Value + m.Groups["article"].Value)))
            .ToList();
        Assert.NotEmpty(cited);
        var missing = cited.Where(c => !doc.Contains(c.Citation, StringComparison.Ordinal)).Select(c => $"{c.Citation} ({c.Path})").Distinct().ToList();
        Assert.True(missing.Count == 0, "cited in the code but not in docs/legal-basis.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Doc_NamesEveryStandardTheCodeCites()
    {
        var doc = Doc;
        var cited = CodeAndTemplates().SelectMany(f => Standard().Matches(f.Text).Select(m => (f.Path, Standard: m.Value))).ToList();
        Assert.NotEmpty(cited);
        var missing = cited.Where(c => !doc.Contains(c.Standard, StringComparison.Ordinal)).Select(c => $"{c.Standard} ({c.Path})").Distinct().ToList();
        Assert.True(missing.Count == 0, "cited in the code but not in docs/legal-basis.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Code_NeverCitesAFileOutsideTheRepository()
    {
        var outside = CodeAndTemplates().Concat(Files("tests", ".cs")).Concat(Files("docs", ".md"))
            .Where(f => !f.Path.EndsWith(nameof(LegalBasisDocTests) + ".cs", StringComparison.Ordinal))
            .SelectMany(f => OutsideSource().Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .ToList();
        Assert.True(outside.Count == 0, "cite the document by its official title and article instead: " + string.Join(", ", outside));
    }

    // `CalendarTests.Deadline_EndsOnTheRightDayAndMovesOffRestDays`
    [GeneratedRegex(@"`(?<class>[A-Z]\w*Tests)\.(?<method>[A-Z]\w*)`")]
    private static partial Regex TestName();

    // 实施办法第十三条, 民法典第二百零三条, 《民航行业信用管理办法》第十条, 确认函第二条 (the article; 款 and 项 are left to the reader).
    [GeneratedRegex(@"(?<doc>实施办法|民法典|行政复议法|行政诉讼法|民事诉讼法|电子签名法|确认函|注册通知|民航行业信用管理办法|暂行办法)》?(?<article>第[一二三四五六七八九十百零]+条)")]
    private static partial Regex Article();

    // RFC 3161, ETSI EN 319 142-1, GB/T 9704-2012, GB 11643-1999, ISO 32000-1, ECMA-376.
    [GeneratedRegex(@"RFC \d{3,5}|ETSI (EN|TS) \d{3} \d{3}(-\d)?|GB(/T)? \d{4,5}(-\d{4})?|ISO \d{4,5}(-\d)?|ECMA-\d+")]
    private static partial Regex Standard();

    // The names the sources had on the machine that wrote the code: no reader of the repository can open them.
    [GeneratedRegex(@"rules\.md|seed 00\d|shared/(reference|seeds)|SES ?确认函|相对人注册工作通知第")]
    private static partial Regex OutsideSource();
}
