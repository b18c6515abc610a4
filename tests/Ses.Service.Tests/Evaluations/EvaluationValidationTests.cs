using Ses.Documents.Validation;
using Ses.Service.Evaluations;

namespace Ses.Service.Tests.Evaluations;

/// <summary>
/// An invalid evaluation is refused, never scored: each problem carries a stable code, the field's path and a Chinese
/// message naming the event as people count it (「第 2 个事件」) and the field.
/// </summary>
public sealed class EvaluationValidationTests
{
    private static readonly DateOnly Day = new(2025, 5, 1);

    /// <summary>A valid first event, then the one under test: the problem must name the second.</summary>
    private static Problem OnlyProblem(EvaluationEvent second)
    {
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput("某某通用航空有限公司", "载客类", 2025, [new EvaluationEvent(1, Day), second]));
        Assert.Null(outcome.Result);
        return Assert.Single(outcome.Problems);
    }

    public static TheoryData<string, EvaluationEvent, string, string> InvalidEvents() => new()
    {
        { "unknown item 13", new EvaluationEvent(13, Day), "item", ErrorCodes.EvaluationItem },
        { "unknown item 0", new EvaluationEvent(0, Day), "item", ErrorCodes.EvaluationItem },
        { "item 7 given", new EvaluationEvent(7, Day, "c1"), "item", ErrorCodes.EvaluationItemDerived },
        { "no date", new EvaluationEvent(1, null), "date", ErrorCodes.EvaluationDate },
        { "item 3 without corrected", new EvaluationEvent(3, Day), "corrected", ErrorCodes.EvaluationCorrected },
        { "item 4 without fine", new EvaluationEvent(4, Day), "fine", ErrorCodes.EvaluationFine },
        { "item 4 negative fine", new EvaluationEvent(4, Day) { Fine = -1 }, "fine", ErrorCodes.EvaluationFine },
        { "item 6 without points", new EvaluationEvent(6, Day), "points", ErrorCodes.EvaluationPoints },
        { "item 6 negative points", new EvaluationEvent(6, Day) { Points = -0.5m }, "points", ErrorCodes.EvaluationPoints },
        { "item 9 without casualties", new EvaluationEvent(9, Day), "casualties", ErrorCodes.EvaluationCasualties },
        { "item 9 no casualty", new EvaluationEvent(9, Day) { Casualties = 0 }, "casualties", ErrorCodes.EvaluationCasualties },
        { "a fine on a warning", new EvaluationEvent(2, Day) { Fine = 5000 }, "fine", ErrorCodes.EvaluationFieldUnexpected },
        { "excluded on a warning", new EvaluationEvent(2, Day) { Excluded = true }, "excluded", ErrorCodes.EvaluationFieldUnexpected },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public void InvalidEvent_IsRefused_NamingTheEventAndTheField(string what, EvaluationEvent second, string field, string code)
    {
        var problem = OnlyProblem(second);
        Assert.True(code == problem.Code, $"{what}: {problem}");
        Assert.Equal($"events[1].{field}", problem.Field);
        Assert.StartsWith($"第 2 个事件的 {field}：", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item7_IsRefused_SayingItIsDerived()
    {
        var problem = OnlyProblem(new EvaluationEvent(7, Day, "c1"));
        Assert.Contains("推出", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "type", "缺少企业类型")]
    [InlineData("货运类", "type", "不认识的企业类型「货运类」")]
    public void UnknownEnterpriseType_IsRefused_ListingTheFour(string? type, string field, string message)
    {
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput("某某通用航空有限公司", type, 2025, []));
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(ErrorCodes.EvaluationType, problem.Code);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains("其他类（不含执照培训）", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingYearOrEnterprise_IsRefused()
    {
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput(" ", "载客类", null, []));
        Assert.Equal([ErrorCodes.EvaluationEnterprise, ErrorCodes.EvaluationYear], outcome.Problems.Select(p => p.Code));
        Assert.Equal(["enterprise", "year"], outcome.Problems.Select(p => p.Field));
    }

    [Fact]
    public void EveryProblem_IsListed_NotOnlyTheFirst()
    {
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput("某某通用航空有限公司", "载客类", 2025,
            [new EvaluationEvent(4, Day), new EvaluationEvent(1, Day), new EvaluationEvent(9, null) { Casualties = 0 }]));
        Assert.Equal(["events[0].fine", "events[2].date", "events[2].casualties"], outcome.Problems.Select(p => p.Field));
    }

    public static TheoryData<string, string, string, string> InvalidFiles() => new()
    {
        { "date not YYYY-MM-DD", """{ "item": 1, "date": "2025/03/02" }""", "events[1].date", ErrorCodes.EvaluationDate },
        { "no such date", """{ "item": 1, "date": "2025-02-29" }""", "events[1].date", ErrorCodes.EvaluationDate },
        { "date missing", """{ "item": 1 }""", "events[1].date", ErrorCodes.EvaluationDate },
        { "fine as text", """{ "item": 4, "date": "2025-03-02", "fine": "15000" }""", "events[1].fine", ErrorCodes.EvaluationFine },
        { "casualties not whole", """{ "item": 9, "date": "2025-03-02", "casualties": 2.5 }""", "events[1].casualties", ErrorCodes.EvaluationCasualties },
        { "corrected as text", """{ "item": 3, "date": "2025-03-02", "corrected": "yes" }""", "events[1].corrected", ErrorCodes.EvaluationCorrected },
        { "item missing", """{ "date": "2025-03-02" }""", "events[1].item", ErrorCodes.EvaluationItem },
        { "item as text", """{ "item": "4", "date": "2025-03-02", "fine": 1 }""", "events[1].item", ErrorCodes.EvaluationItem },
        { "item 7", """{ "item": 7, "date": "2025-03-02" }""", "events[1].item", ErrorCodes.EvaluationItemDerived },
        { "a mistyped field", """{ "item": 4, "date": "2025-03-02", "fine": 1, "fines": 2 }""", "events[1].fines", ErrorCodes.EvaluationFieldUnexpected },
        { "cause as number", """{ "item": 1, "date": "2025-03-02", "cause": 3 }""", "events[1].cause", ErrorCodes.EvaluationCause },
        { "not an object", "4", "events[1]", ErrorCodes.EvaluationFile },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void InvalidFileEvent_IsRefused_NamingTheEventAndTheField(string what, string second, string field, string code)
    {
        var json = $$"""{ "enterprise": "某某通用航空有限公司", "type": "载客类", "year": 2025, "events": [ { "item": 1, "date": "2025-01-02" }, {{second}} ] }""";
        var outcome = EvaluationFile.Evaluate(json);
        Assert.Null(outcome.Result);
        var problem = Assert.Single(outcome.Problems);
        Assert.True(code == problem.Code && field == problem.Field, $"{what}: {problem}");
        Assert.StartsWith("第 2 个事件", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"enterprise\": ", "", "不是有效的 JSON")]
    [InlineData("[1, 2]", "", "文件应为一个对象")]
    [InlineData("""{ "enterprise": "某公司", "type": "载客类", "year": 2025 }""", "events", "缺少事件列表")]
    [InlineData("""{ "enterprise": "某公司", "type": "载客类", "year": "2025", "events": [] }""", "year", "应为年份数字")]
    public void InvalidFile_IsRefused_SayingWhy(string json, string field, string message)
    {
        var problem = Assert.Single(EvaluationFile.Evaluate(json).Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
