using Ses.Documents.Validation;
using System.Text.Json;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Validation;

public sealed class FormValidatorTests
{
    private static IReadOnlyList<ProblemView> Problems(string formId, string json, string? bureau = null)
    {
        using var data = JsonDocument.Parse(json);
        var (input, problems) = TestEngine.Engine.Validate(formId, data.RootElement, bureau);
        Assert.Equal(problems.Count == 0, input is not null);
        return [.. problems.Select(p => new ProblemView(p.Field, p.Code, p.Message))];
    }

    [Fact]
    public void Validate_Sample_HasNoProblems() =>
        Assert.Empty(Problems("notice-org", File.ReadAllText(Path.Combine(TestEngine.TemplatesRoot, "samples", "notice-org.json"))));

    [Fact]
    public void Validate_EmptyObject_ReportsEveryRequiredFieldAtOnce()
    {
        var problems = Problems("notice-org", "{}");
        Assert.Equal(["actDate", "actDescription", "party", "replyDeadline"], problems.Select(p => p.Field).Order().ToArray());
        Assert.All(problems, p => Assert.Equal("field.required", p.Code));
        Assert.Contains(problems, p => p.Message == "「相对人名称」必须填写");
    }

    [Theory]
    [InlineData("actDate", "\"2026-02-30\"", "field.date.format")]
    [InlineData("actDate", "\"2026/03/01\"", "field.date.format")]
    [InlineData("actDate", "20260301", "field.type")]
    [InlineData("contactPhone", "\"12345\"", "field.phone.format")]
    [InlineData("party", "\"a\\u0007b\"", "field.control-char")]
    [InlineData("unknownField", "\"x\"", "field.unknown")]
    [InlineData("number", "\"西北局信告字〔2026〕01号\"", "number.format")]
    [InlineData("number", "\"华东局信告字〔2026〕1号\"", "number.prefix")]
    [InlineData("number", "\"西北局信决字〔2026〕1号\"", "number.series")]
    public void Validate_BadValue_NamesTheFieldAndTheRule(string field, string json, string code)
    {
        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestEngine.TemplatesRoot, "samples", "notice-org.json")));
        var node = System.Text.Json.Nodes.JsonNode.Parse(sample.RootElement.GetRawText())!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        var problems = Problems("notice-org", node.ToJsonString());
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(code, problem.Code);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.Message);
    }

    [Fact]
    public void Validate_TooLongText_ReportsTheLimit()
    {
        var problems = Problems("notice-org", JsonSerializer.Serialize(new { party = new string('航', 101), actDate = "2026-03-01", actDescription = "x", replyDeadline = "2026-03-20" }));
        var p = Assert.Single(problems);
        Assert.Equal("field.too-long", p.Code);
        Assert.Contains("100", p.Message);
    }

    [Fact]
    public void Validate_CharacterNoFontHas_IsAnErrorNamingIt()
    {
        // U+E000 is a private-use code point: no shipped font draws it.
        var problems = Problems("notice-org", JsonSerializer.Serialize(new { party = "某\uE000公司", actDate = "2026-03-01", actDescription = "x", replyDeadline = "2026-03-20" }));
        var p = Assert.Single(problems);
        Assert.Equal("field.glyph.missing", p.Code);
        Assert.Equal("party", p.Field);
        Assert.Contains("U+E000", p.Message);
    }

    [Fact]
    public void Validate_UnknownFormOrBureau_IsReported()
    {
        Assert.Equal("form.unknown", Assert.Single(Problems("no-such-form", "{}")).Code);
        Assert.Equal("bureau.unknown", Assert.Single(Problems("notice-org", "{}", "nowhere")).Code);
    }

    [Fact]
    public void Render_InvalidData_ThrowsWithEveryProblemAndProducesNothing()
    {
        using var data = JsonDocument.Parse("{\"actDate\":\"bad\"}");
        var e = Assert.Throws<FormValidationException>(() => TestEngine.Engine.Render("notice-org", data.RootElement, OutputFormat.Pdf));
        Assert.Equal(4, e.Problems.Count);
    }
}

public sealed record ProblemView(string Field, string Code, string Message);

public sealed class FieldKindTests
{
    private static IReadOnlyList<Problem> Problems(string formId, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        using var sample = TestEngine.Sample(formId);
        using var data = TestEngine.With(sample, change);
        return TestEngine.Engine.Validate(formId, data.RootElement).Problems;
    }

    [Theory]
    [InlineData("西北局信决字〔2026〕3号", null)]
    [InlineData("西北局信决字（2026）3号", "field.document-number.format")]
    [InlineData("西北局信决字〔2026〕003号", "field.document-number.format")]
    public void Validate_CitedDocumentNumber_MustHaveTheStatutoryShape(string value, string? code)
    {
        var problems = Problems("transfer-slip", o => o["decisionNumber"] = value);
        Assert.Equal(code, problems.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", null)]
    [InlineData("+1-202-555-0147", null)]
    [InlineData("+86 13912345678", null)]
    [InlineData("+86 0000", "field.phone.format")]
    [InlineData("+0 1234567", "field.phone.format")]
    public void Validate_ForeignPartyPhone_AcceptsInternationalNumbers(string phone, string? code)
    {
        var problems = Problems("notice-org", o => o["contactPhone"] = phone);
        Assert.Equal(code, problems.SingleOrDefault()?.Code);
    }

    [Fact]
    public void Render_RepeatedRowWithEmptyColumn_DoesNotShowATopLevelFieldOfTheSameName()
    {
        var form = TestEngine.Engine.Templates.FindForm("collection-org")!;
        var persons = form.FindField("persons")!;
        var column = persons.Columns.First(c => !c.Required);
        var input = TestEngine.Engine.Validate("collection-org", TestEngine.Sample("collection-org").RootElement).Input!;
        var values = input.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        values[column.Name] = new Ses.Documents.Templates.TextValue("顶层的值");
        var row = new Dictionary<string, Ses.Documents.Templates.FieldValue>();
        var text = Ses.Documents.Templates.TemplateText.Fill("{{" + column.Name + "}}", input with { Values = values }, row, 1);
        Assert.Equal("", text);
    }
}
