using Ses.Documents.Validation;
using Ses.Service.Cli;

namespace Ses.Service.Tests.Evaluations;

/// <summary>
/// <c>ses ga score &lt;file.json&gt;...</c> through the real program: one line per file starting with
/// <c>&lt;score&gt; &lt;grade&gt;</c>, exit 1 for an invalid file naming the file, the event and the field, 2 for usage.
/// </summary>
public sealed class EvaluationCommandTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>();

    private readonly string _folder = Directory.CreateTempSubdirectory("ses-ga-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The issue's sample, as written there.
    private const string Sample = """
        { "enterprise": "某某通用航空有限公司", "type": "载客类", "year": 2025,
          "events": [
            { "item": 4, "date": "2025-03-02", "cause": "c1", "fine": 15000 },
            { "item": 3, "date": "2025-04-10", "cause": "c2", "corrected": false },
            { "item": 6, "date": "2025-06-30", "points": 4 },
            { "item": 8, "date": "2025-07-01", "cause": "c3", "excluded": false },
            { "item": 9, "date": "2025-08-15", "casualties": 3 },
            { "item": 10, "date": "2025-09-01" }
          ] }
        """;

    private string Write(string name, string json)
    {
        File.WriteAllText(Path.Combine(_folder, name), json);
        return name;
    }

    private static string[] ScoreLines(string output) =>
        [.. output.Split('\n').Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])).Select(l => l.TrimEnd('\r'))];

    [Fact]
    public void Sample_OfTheIssue_Scores0C()
    {
        // By hand: c1 罚款 15,000 (> 10,000, ≤ 30,000) 20; c2 责令改正 not corrected 10; event 3 信息报送 4 points 4;
        // c3 有效投诉 3; event 5 伤亡 3 people (1–4) 30; event 6 严重失信 50. Six causes, no item 7 (one punishment,
        // c1's): 20 + 10 + 4 + 3 + 30 + 50 = 117, so 100 − 117 floors at 0: grade C.
        var (exit, output) = SesProcess.Run(_folder, NoSettings, "ga", "score", Write("sample.json", Sample));
        Assert.True(exit == SesCommand.Ok, output);
        var line = Assert.Single(ScoreLines(output));
        Assert.StartsWith("0 C 某某通用航空有限公司", line, StringComparison.Ordinal);
        Assert.Contains("扣 117 分", line, StringComparison.Ordinal);
        Assert.Contains("事由 c1 20", line, StringComparison.Ordinal);
        Assert.Contains("附表第4项第2点", output, StringComparison.Ordinal);
        Assert.Contains("附表第9项第1点", output, StringComparison.Ordinal);
        Assert.Contains("100 − 117 < 0，记 0 分", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralFiles_OneLineEach_InTheOrderGiven()
    {
        // a: 警告 10 + 约见 5 = 15 → 85 B. b: its only event is in 2024 → 100 A. c: 警告 and a 5,000 罚款 for one cause:
        // 10 and item 7's 50 = 60 → 40 C.
        var a = Write("a.json", """
            { "enterprise": "甲通航", "type": "载人类", "year": 2025, "events": [
              { "item": 2, "date": "2025-02-01" }, { "item": 1, "date": "2025-12-31" } ] }
            """);
        var b = Write("b.json", """
            { "enterprise": "乙通航", "type": "执照培训类", "year": 2025, "events": [ { "item": 5, "date": "2024-12-31" } ] }
            """);
        var c = Write("c.json", """
            { "enterprise": "丙通航", "type": "其他类（不含执照培训）", "year": 2025, "events": [
              { "item": 2, "date": "2025-02-01", "cause": "超范围经营" },
              { "item": 4, "date": "2025-06-01", "cause": "超范围经营", "fine": 5000 } ] }
            """);
        var (exit, output) = SesProcess.Run(_folder, NoSettings, "ga", "score", a, b, c);
        Assert.True(exit == SesCommand.Ok, output);
        var lines = ScoreLines(output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("85 B 甲通航", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("100 A 乙通航", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("40 C 丙通航", lines[2], StringComparison.Ordinal);
        Assert.Contains("附表第7项", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidFile_Exits1_NamingTheFileTheEventAndTheField()
    {
        var good = Write("good.json", """{ "enterprise": "甲通航", "type": "载客类", "year": 2025, "events": [] }""");
        var bad = Write("bad.json", """
            { "enterprise": "乙通航", "type": "载客类", "year": 2025, "events": [
              { "item": 1, "date": "2025-02-01" }, { "item": 4, "date": "2025-03-02" } ] }
            """);
        var (exit, output) = SesProcess.Run(_folder, NoSettings, "ga", "score", good, bad);
        Assert.Equal(SesCommand.Invalid, exit);
        Assert.StartsWith("100 A 甲通航", Assert.Single(ScoreLines(output)), StringComparison.Ordinal);
        Assert.Contains("bad.json：第 2 个事件的 fine：", output, StringComparison.Ordinal);
        Assert.Contains($"（{ErrorCodes.EvaluationFine}）", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Item7Given_Exits1_SayingItIsDerived()
    {
        var bad = Write("seven.json", """
            { "enterprise": "乙通航", "type": "载客类", "year": 2025, "events": [ { "item": 7, "date": "2025-02-01", "cause": "c1" } ] }
            """);
        var (exit, output) = SesProcess.Run(_folder, NoSettings, "ga", "score", bad);
        Assert.Equal(SesCommand.Invalid, exit);
        Assert.Empty(ScoreLines(output));
        Assert.Contains("seven.json：第 1 个事件的 item：", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("用法：ses ga score", "ga", "score")]
    [InlineData("用法：ses ga score", "ga")]
    [InlineData("用法：ses ga score", "ga", "grade", "a.json")]
    [InlineData("不认识的选项：--json", "ga", "score", "a.json", "--json")]
    [InlineData("找不到 missing.json", "ga", "score", "missing.json")]
    public async Task WrongArguments_Exit2_NamingThem(string message, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await SesCommand.RunAsync(args, stdout, stderr);
        Assert.Equal(SesCommand.Usage, exit);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Fact]
    public async Task Help_ListsTheVerb()
    {
        var stdout = new StringWriter();
        Assert.Equal(SesCommand.Ok, await SesCommand.RunAsync(["help"], stdout, TextWriter.Null));
        Assert.Contains("ses ga score <文件.json>...", stdout.ToString(), StringComparison.Ordinal);
    }
}
