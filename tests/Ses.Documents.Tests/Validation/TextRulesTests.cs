using System.Text.Json;
using System.Text.Json.Nodes;
using Ses.Documents.Tests.Support;
using Ses.Documents.Validation;

namespace Ses.Documents.Tests.Validation;

/// <summary>What the renderer could not print faithfully is refused when entered, by the form validator and the entry checks alike.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("西北局", null)]
    [InlineData("第一行\n第二行", null)]
    [InlineData("𠮷野家", null)]
    [InlineData("a\u0000b", "field.control-char")]
    [InlineData("a\u0085b", "field.control-char")]
    [InlineData("abc\u202Efdp.exe", "field.bidi")]
    [InlineData("a\u2069", "field.bidi")]
    [InlineData("a\u200Bb", "field.zero-width")]
    [InlineData("a\u200Cb", "field.zero-width")]
    [InlineData("\uFEFFabc", "field.zero-width")]
    [InlineData("a\u2060b", "field.zero-width")]
    public void Check_NamesTheRule(string text, string? code) => Assert.Equal(code, TextRules.Check(text));

    [Fact]
    public void Check_LoneSurrogate_IsRefused_APairIsNot()
    {
        // Built in code: a test framework may replace a lone surrogate in attribute data.
        Assert.Equal("field.surrogate", TextRules.Check("a" + (char)0xD800 + "b"));
        Assert.Equal("field.surrogate", TextRules.Check("a" + (char)0xDC00));
        Assert.Equal("field.surrogate", TextRules.Check(((char)0xDC00).ToString() + (char)0xD800));
        Assert.Null(TextRules.Check("a" + (char)0xD842 + (char)0xDFB7));
    }

    [Theory]
    [InlineData("\"某\\u202E公司\"", "field.bidi")]
    [InlineData("\"某\\u200B公司\"", "field.zero-width")]
    [InlineData("\"某\\ud800公司\"", "field.encoding")]
    public void Validate_UnprintableParty_IsAFieldProblemNamingTheLabel(string json, string code)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(TestEngine.TemplatesRoot, "samples", "notice-org.json")))!.AsObject();
        node["party"] = JsonNode.Parse("0");
        var text = node.ToJsonString().Replace("\"party\":0", "\"party\":" + json, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(text);
        var (input, problems) = TestEngine.Engine.Validate("notice-org", data.RootElement);
        Assert.Null(input);
        var problem = Assert.Single(problems);
        Assert.Equal(("party", code), (problem.Field, problem.Code));
        Assert.StartsWith("「相对人名称」", problem.Message);
    }

    [Fact]
    public void Draft_ChecksLengthCharactersAndGlyphs_NotRequiredFields()
    {
        using var data = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            party = new string('航', 101), actDescription = "事由\u200B", contact = "某\uE000", other = "\u202E",
        }));
        var problems = EntryChecks.Draft(TestEngine.Engine, "notice-org", data.RootElement);
        Assert.Equal(
            [("actDescription", "field.zero-width"), ("contact", "field.glyph.missing"), ("other", "field.bidi"), ("party", "field.too-long")],
            problems.Select(p => (p.Field, p.Code)).Order().ToArray());
        using var partial = JsonDocument.Parse("{\"party\":\"某公司\"}");
        Assert.Empty(EntryChecks.Draft(TestEngine.Engine, "notice-org", partial.RootElement));
    }
}
