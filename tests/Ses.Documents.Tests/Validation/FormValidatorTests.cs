using System.Text.Json;
using System.Text.Json.Nodes;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;
using Ses.Documents.Validation;

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
        var node = JsonNode.Parse(sample.RootElement.GetRawText())!.AsObject();
        node[field] = JsonNode.Parse(json);
        var problems = Problems("notice-org", node.ToJsonString());
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(code, problem.Code);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.Message);
    }

    [Fact]
    public void Validate_TooLongText_ReportsTheLimit()
    {
        var problems = Problems("notice-org",
            JsonSerializer.Serialize(new { party = new string('航', 101), actDate = "2026-03-01", actDescription = "x", replyDeadline = "2026-03-20" }));
        var p = Assert.Single(problems);
        Assert.Equal("field.too-long", p.Code);
        Assert.Contains("100", p.Message);
    }

    [Fact]
    public void Validate_CharacterNoFontHas_IsAnErrorNamingIt()
    {
        // U+E000 is a private-use code point: no shipped font draws it.
        var problems = Problems("notice-org",
            JsonSerializer.Serialize(new { party = "某\uE000公司", actDate = "2026-03-01", actDescription = "x", replyDeadline = "2026-03-20" }));
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
    private static IReadOnlyList<Problem> Problems(string formId, Action<JsonObject> change)
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
        values[column.Name] = new TextValue("顶层的值");
        var row = new Dictionary<string, FieldValue>();
        var text = TemplateText.Fill("{{" + column.Name + "}}", input with { Values = values }, row, 1);
        Assert.Equal("", text);
    }
}

public sealed class StructuredFieldTests
{
    private static IReadOnlyList<Problem> Problems(string formId, Action<JsonObject> change)
    {
        using var sample = TestEngine.Sample(formId);
        using var data = TestEngine.With(sample, change);
        return TestEngine.Engine.Validate(formId, data.RootElement).Problems;
    }

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    [Theory]
    [InlineData("\"91440000100017600N\"", null)]
    [InlineData("{\"scheme\":\"uscc\",\"value\":\"91440000100017600N\"}", null)]
    [InlineData("{\"scheme\":\"airline\",\"value\":\"CX\"}", null)]
    [InlineData("{\"scheme\":\"licence\",\"value\":\"FAA-AOC-12345\"}", null)]
    [InlineData("\"CX\"", null)]
    [InlineData("\"91440000100017600A\"", "field.uscc.checksum")]
    [InlineData("{\"scheme\":\"airline\",\"value\":\"C\"}", "field.airline.format")]
    [InlineData("{\"scheme\":\"passport\",\"value\":\"E12345678\"}", "field.orgid.scheme")]
    [InlineData("42", "field.type")]
    public void Validate_OrganisationIdentifier_FollowsArticle5(string json, string? code)
    {
        var problems = Problems("collection-org", o => o["orgId"] = Json(json));
        Assert.Equal(code, problems.SingleOrDefault()?.Code);
        if (code is not null) Assert.Equal("orgId", problems[0].Field);
    }

    [Theory]
    [InlineData("\"11010519491231002X\"", null)]
    [InlineData("{\"scheme\":\"passport\",\"value\":\"E12345678\"}", null)]
    [InlineData("\"110105194912310021\"", "field.idnumber.checksum")]
    [InlineData("{\"scheme\":\"id\",\"value\":\"E12345678\"}", "field.idnumber.format")]
    [InlineData("{\"scheme\":\"uscc\",\"value\":\"91440000100017600N\"}", "field.personid.scheme")]
    public void Validate_PersonIdentifier_IsIdNumberElsePassport(string json, string? code)
    {
        var problems = Problems("collection-org", o => o["legalRepId"] = Json(json));
        Assert.Equal(code, problems.SingleOrDefault()?.Code);
    }

    [Fact]
    public void Validate_ChoiceOutsideTheOptions_ListsTheOptions()
    {
        var p = Assert.Single(Problems("decision-org", o => o["validityCase"] = "forever"));
        Assert.Equal("field.choice.unknown", p.Code);
        Assert.Contains("art8-1-3", p.Message);
    }

    [Fact]
    public void Validate_Choice_PutsTheOptionsWordingIntoTheDocument()
    {
        using var sample = TestEngine.Sample("decision-org");
        foreach (var (value, years, months) in new[] { ("general", "一", "三"), ("art8-1-3", "三", "六") })
        {
            using var data = TestEngine.With(sample, o => o["validityCase"] = value);
            var doc = DocumentResolver.Resolve(TestEngine.Engine.Validate("decision-org", data.RootElement).Input!);
            var text = string.Concat(doc.AllText());
            Assert.Contains($"该严重失信行为信息的有效期为{years}年，自本决定书送达之日起计算。", text);
            Assert.Contains($"该严重失信行为信息记入满{months}个月后", text);
        }
    }

    [Fact]
    public void Validate_RowsWithBadCells_NameEachRowAndColumn()
    {
        var persons = """[{"name":"甲","personId":"11010519491231002X"},{"personId":"110105194912310021","phone":"1"},"x"]""";
        var problems = Problems("collection-org", o => o["persons"] = Json(persons));
        Assert.Contains(problems, p => p.Field == "persons[1].name" && p.Code == "field.required");
        Assert.Contains(problems, p => p.Field == "persons[1].personId" && p.Code == "field.idnumber.checksum");
        Assert.Contains(problems, p => p.Field == "persons[1].phone" && p.Code == "field.phone.format");
        Assert.Contains(problems, p => p.Field == "persons[2]" && p.Code == "field.type");
        Assert.DoesNotContain(problems, p => p.Field.StartsWith("persons[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TooManyRows_IsReported()
    {
        var rows = new JsonArray([.. Enumerable.Range(0, 201).Select(_ => Json("""{"name":"甲","personId":"11010519491231002X"}"""))]);
        var p = Assert.Single(Problems("collection-org", o => o["persons"] = rows));
        Assert.Equal("field.rows.max", p.Code);
    }

    [Fact]
    public void Render_MultilineValue_BecomesSeveralIndentedParagraphs()
    {
        using var sample = TestEngine.Sample("notice-org");
        using var data = TestEngine.With(sample, o => o["actDescription"] = "第一段事实\n第二段事实");
        var doc = DocumentResolver.Resolve(TestEngine.Engine.Validate("notice-org", data.RootElement).Input!);
        var paragraphs = doc.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();
        Assert.Contains(paragraphs, t => t.EndsWith("第一段事实", StringComparison.Ordinal));
        Assert.Contains(paragraphs, t => t.StartsWith("第二段事实，构成了", StringComparison.Ordinal));
    }
}
