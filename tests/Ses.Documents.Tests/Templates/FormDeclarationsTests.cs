using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Templates;

/// <summary>
/// A form declares the periods the delivery of its document opens (<c>"opens"</c>, <c>"validityCase"</c>) and the
/// fields that name its party (<c>"party"</c>); the library reads them, and refuses a declaration that names an unknown
/// period or a field the form lacks, with the file and the key.
/// </summary>
public sealed class FormDeclarationsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ses-forms-").FullName;

    public FormDeclarationsTests()
    {
        File.Copy(Path.Combine(TestEngine.TemplatesRoot, TemplateSettings.FileName), Path.Combine(_root, TemplateSettings.FileName));
        Directory.CreateDirectory(Path.Combine(_root, "forms"));
        Directory.CreateDirectory(Path.Combine(_root, "bureaus"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestEngine.TemplatesRoot, "bureaus"), "*.json"))
        {
            File.Copy(file, Path.Combine(_root, "bureaus", Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("notice-org", new[] { OpenedPeriod.Defense })]
    [InlineData("notice-person", new[] { OpenedPeriod.Defense })]
    [InlineData("decision-org", new[] { OpenedPeriod.Reconsideration, OpenedPeriod.Litigation, OpenedPeriod.Validity, OpenedPeriod.Repair })]
    [InlineData("decision-person", new[] { OpenedPeriod.Reconsideration, OpenedPeriod.Litigation, OpenedPeriod.Validity, OpenedPeriod.Repair })]
    [InlineData("repair-refusal", new[] { OpenedPeriod.Reconsideration, OpenedPeriod.Litigation })]
    [InlineData("repair-rejection", new[] { OpenedPeriod.Reconsideration, OpenedPeriod.Litigation })]
    [InlineData("transfer-slip", new OpenedPeriod[0])]
    [InlineData("collection-org", new OpenedPeriod[0])]
    public void ShippedForm_DeclaresThePeriodsItsDeliveryOpens(string id, OpenedPeriod[] opens)
    {
        var form = TestEngine.Engine.Templates.FindForm(id)!;
        Assert.Equal(opens, form.Opens);
        Assert.Equal(opens.Contains(OpenedPeriod.Validity) ? "validityCase" : null, form.ValidityCaseField);
    }

    [Theory]
    [InlineData("notice-org", "party", new string[0], null)]
    [InlineData("repair-refusal", "party", new string[0], "partyKind")]
    [InlineData("collection-person", "personName", new[] { "personId" }, null)]
    [InlineData("repair-application", "applicantName", new[] { "applicantOrgId", "applicantPersonId" }, null)]
    [InlineData("ses-confirmation", "entityName", new[] { "orgId" }, null)]
    public void ShippedForm_DeclaresTheFieldsThatNameItsParty(string id, string name, string[] ids, string? kind)
    {
        var party = TestEngine.Engine.Templates.FindForm(id)!.Party!;
        Assert.Equal(name, party.Name);
        Assert.Equal(ids, party.Ids);
        Assert.Equal(kind, party.Kind);
    }

    [Fact]
    public void Declaration_IsRead_InTheOrderOfThePeriods()
    {
        Write("warning-org", """
            "series": "信决", "opens": ["repair", "litigation"], "validityCase": "case",
            "party": { "name": "name", "ids": ["orgId"], "kind": "kind" },
            """);
        var form = TemplateLibrary.Load(_root).FindForm("warning-org")!;
        Assert.Equal([OpenedPeriod.Litigation, OpenedPeriod.Repair], form.Opens);
        Assert.Equal("case", form.ValidityCaseField);
        Assert.Equal(("name", "kind"), (form.Party!.Name, form.Party.Kind));
        Assert.Equal(["orgId"], form.Party.Ids);
    }

    [Theory]
    [InlineData(
        "\"series\": \"信告\", \"opens\": [\"defence\"],",
        "'opens[0]' is 'defence', expected one of: defense, reconsideration, litigation, validity, repair")]
    [InlineData("\"series\": \"信告\", \"opens\": [\"litigation\", \"litigation\"],", "'opens' names 'litigation' twice")]
    [InlineData("\"opens\": [\"litigation\"],", "'opens': a form without a number series is never delivered")]
    [InlineData("\"series\": \"信决\", \"opens\": [\"validity\"],", "'validityCase' is required when 'opens' has validity or repair")]
    [InlineData("\"series\": \"信决\", \"opens\": [\"repair\"], \"validityCase\": \"name\",", "'validityCase' names no choice field: name")]
    [InlineData(
        "\"series\": \"信决\", \"opens\": [\"litigation\"], \"validityCase\": \"case\",",
        "'validityCase' is used only when 'opens' has validity or repair")]
    [InlineData("\"party\": { \"name\": \"partyName\" },", "'party.name' names no text field: partyName")]
    [InlineData("\"party\": { \"ids\": [\"orgId\"] },", "'party.name' is required")]
    [InlineData("\"party\": { \"name\": \"name\", \"ids\": [\"orgId\", \"name\"] },", "'party.ids[1]' names no org-id or person-id field: name")]
    [InlineData("\"party\": { \"name\": \"name\", \"kind\": \"name\" },", "'party.kind' names no choice field: name")]
    public void BadDeclaration_IsRefusedAtLoad_NamingTheFormAndTheKey(string declaration, string message)
    {
        Write("warning-org", declaration);
        var refused = Assert.Throws<TemplateException>(() => TemplateLibrary.Load(_root));
        Assert.Contains("warning-org.json", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(message, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A small numbered form with a name, an identifier and two choices, and the declaration to try.</summary>
    private void Write(string id, string declaration) => File.WriteAllText(Path.Combine(_root, "forms", id + ".json"), $$$"""
        {
          "id": "{{{id}}}", "title": "警示告知书", "source": "测试",
          {{{declaration}}}
          "fields": [
            { "name": "name", "label": "名称", "type": "text", "maxLength": 100 },
            { "name": "orgId", "label": "统一社会信用代码", "type": "org-id" },
            { "name": "kind", "label": "类别", "type": "choice", "options": [{ "value": "org", "label": "组织" }, { "value": "person", "label": "个人" }] },
            {
              "name": "case", "label": "情形", "type": "choice",
              "options": [{ "value": "general", "label": "其他情形" }, { "value": "art8-1-3", "label": "第八条第一款第（三）项" }]
            }
          ],
          "blocks": [{ "type": "paragraph", "text": "{{name}}：" }]
        }
        """);
}
