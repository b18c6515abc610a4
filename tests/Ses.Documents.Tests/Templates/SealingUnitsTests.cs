using System.Text.Json.Nodes;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;
using Ses.Documents.Validation;

namespace Ses.Documents.Tests.Templates;

/// <summary>
/// The seal is the issuing unit's: each bureau lists its sealing units (departments, and xibei's supervision offices)
/// with their seal texts; a department's form names its unit in the field <c>"sealBy"</c> names, and a unit the profile
/// does not list is refused. The profile is checked when loaded.
/// </summary>
public sealed class SealingUnitsTests : IDisposable
{
    private static readonly string[] Departments = ["政策法规处", "运输管理处", "航空安全办公室", "机场管理处", "飞行标准处"];

    private readonly string _root = Directory.CreateTempSubdirectory("ses-units-").FullName;

    public SealingUnitsTests()
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

    [Fact]
    public void EveryBureau_SealsWithItsLegalName_AndListsItsDepartments()
    {
        Assert.Equal(7, TestEngine.Engine.Templates.Bureaus.Count());
        foreach (var bureau in TestEngine.Engine.Templates.Bureaus)
        {
            Assert.Equal("中国民用航空" + bureau.Name["民航".Length..], bureau.SealText);
            Assert.Equal(Departments, bureau.Units!.Take(5).Select(u => u.Name));
            Assert.All(bureau.Units!.Take(5), u => Assert.Equal(bureau.SealText + u.Name, u.SealText));
        }
    }

    [Fact]
    public void Xibei_ListsItsSupervisionOffices_UnderTheirLegalNames()
    {
        var xibei = TestEngine.Engine.Templates.FindBureau("xibei")!;
        Assert.Equal(
            ["中国民用航空陕西安全监督管理局", "中国民用航空甘肃安全监督管理局", "中国民用航空宁夏安全监督管理局", "中国民用航空青海安全监督管理局"],
            xibei.Units!.Skip(5).Select(u => u.SealText));
        Assert.Equal("gansu", xibei.FindUnit("民航甘肃安全监督管理局")!.Id);
        Assert.Equal("gansu", xibei.FindUnit("甘肃监管局")!.Id);
        Assert.Equal("transport", xibei.FindUnit(" 中国民用航空西北地区管理局运输管理处 ")!.Id);
        Assert.True(xibei.FindUnitById("transport")!.IsNamedBy("民航西北地区管理局运输管理处"));
        Assert.Null(xibei.FindUnit("民航西北地区管理局"));
        Assert.Null(xibei.FindUnit("运输处"));
    }

    [Theory]
    [InlineData("collection-org", "collector")]
    [InlineData("collection-person", "collector")]
    [InlineData("transfer-slip", "department")]
    [InlineData("notice-org", null)]
    [InlineData("decision-person", null)]
    [InlineData("repair-refusal", null)]
    public void Form_NamesTheFieldHoldingItsSealingUnit(string formId, string? field) =>
        Assert.Equal(field, TestEngine.Engine.Templates.FindForm(formId)!.SealByField);

    [Theory]
    [InlineData("collection-org", "airports", "中国民用航空西北地区管理局机场管理处")]
    [InlineData("collection-person", "flight-standards", "中国民用航空西北地区管理局飞行标准处")]
    [InlineData("transfer-slip", "transport", "中国民用航空西北地区管理局运输管理处")]
    [InlineData("notice-org", null, "中国民用航空西北地区管理局")]
    [InlineData("decision-org", null, "中国民用航空西北地区管理局")]
    public void Sample_IsSealedByTheUnitItNames(string formId, string? unit, string sealText)
    {
        using var sample = TestEngine.Sample(formId);
        var (input, problems) = TestEngine.Engine.Validate(formId, sample.RootElement);
        Assert.Empty(problems);
        var doc = DocumentResolver.Resolve(input!);
        Assert.Equal(unit, doc.SealingUnit?.Id);
        Assert.Equal(sealText, unit is null ? doc.Bureau.SealText : doc.SealingUnit!.SealText);
    }

    [Theory]
    [InlineData("collection-org", "collector", "民航西北地区管理局机场处", "「采集单位」")]
    [InlineData("collection-person", "collector", "民航华北地区管理局飞行标准处", "「采集单位」")]
    [InlineData("transfer-slip", "department", "运输处", "「移送部门」")]
    public void UnitNotInTheProfile_IsRefused_ListingTheUnits(string formId, string field, string value, string label)
    {
        using var sample = TestEngine.With(TestEngine.Sample(formId), o => o[field] = value);
        var (input, problems) = TestEngine.Engine.Validate(formId, sample.RootElement);
        Assert.Null(input);
        var problem = Assert.Single(problems);
        Assert.Equal((field, ErrorCodes.FieldSealingUnitUnknown), (problem.Field, problem.Code));
        Assert.StartsWith(label + "不是民航西北地区管理局的盖章单位，盖章单位应为：政策法规处、运输管理处、", problem.Message, StringComparison.Ordinal);
        Assert.Contains("青海监管局", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSample_InAnotherBureau_NamesThatBureausUnit()
    {
        using var sample = TestEngine.With(TestEngine.Sample("transfer-slip"), o => o["decisionNumber"] = "华北局信决字〔2026〕3号");
        var (input, problems) = TestEngine.Engine.Validate("transfer-slip", sample.RootElement, "huabei");
        Assert.Empty(problems);
        Assert.Equal("中国民用航空华北地区管理局运输管理处", DocumentResolver.Resolve(input!).SealingUnit?.SealText);
    }

    [Theory]
    [InlineData("""{ "id": "transport", "name": "综合处", "sealText": "中国民用航空西北地区管理局综合处" }""", "'units[9].id' 'transport' is used twice")]
    [InlineData("""{ "id": "运输", "name": "综合处", "sealText": "中国民用航空西北地区管理局综合处" }""", "'units[9].id' is '运输', expected lower-case ASCII")]
    [InlineData("""{ "id": "Office", "name": "综合处", "sealText": "中国民用航空西北地区管理局综合处" }""", "'units[9].id' is 'Office', expected lower-case ASCII")]
    [InlineData("""{ "id": "general", "name": " ", "sealText": "中国民用航空西北地区管理局综合处" }""", "'units[9].name' is required")]
    [InlineData("""{ "id": "general", "name": "综合处", "sealText": "" }""", "'units[9].sealText' is required")]
    [InlineData("""{ "id": "general", "name": "综合处" }""", "'units[9].sealText' is required")]
    [InlineData("""{ "id": "general", "name": "运输管理处", "sealText": "中国民用航空西北地区管理局综合处" }""", "'units[9]': '运输管理处' already names unit 'transport'")]
    [InlineData("""{ "id": "general", "name": "综合处", "sealText": "中国民用航空西北地区管理局" }""", "'units[9]': '中国民用航空西北地区管理局' already names the bureau")]
    public void BadUnit_IsRefusedAtLoad_NamingTheBureauFileAndTheKey(string unit, string message)
    {
        var path = Path.Combine(_root, "bureaus", "xibei.json");
        var profile = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        profile["units"]!.AsArray().Add(JsonNode.Parse(unit));
        File.WriteAllText(path, profile.ToJsonString());
        var refused = Assert.Throws<TemplateException>(() => TemplateLibrary.Load(_root));
        Assert.Contains("xibei.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Every bureau's supervision offices seal what they collect: each office is one of its units, by the office's name.</summary>
    [Fact]
    public void EveryBureau_ListsEachOfItsOfficesAsASealingUnit()
    {
        foreach (var bureau in TestEngine.Engine.Templates.Bureaus)
        {
            Assert.NotEmpty(bureau.Offices!);
            Assert.All(bureau.Offices!, o => Assert.StartsWith("中国民用航空", bureau.FindUnit(o.Name)!.SealText, StringComparison.Ordinal));
        }
        Assert.Equal("中国民用航空北京安全监督管理局", TestEngine.Engine.Templates.FindBureau("huabei")!.FindUnit("北京监管局")!.SealText);
    }

    [Fact]
    public void OfficeNotAmongTheUnits_IsRefusedAtLoad()
    {
        var path = Path.Combine(_root, "bureaus", "xibei.json");
        var profile = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        profile["offices"]!.AsArray().Add(JsonNode.Parse("""{ "name": "延安监管局", "regions": ["陕西/延安"] }"""));
        File.WriteAllText(path, profile.ToJsonString());
        var refused = Assert.Throws<TemplateException>(() => TemplateLibrary.Load(_root));
        Assert.Contains("xibei.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'offices[4]' '延安监管局' is not among 'units'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodUnit_IsLoaded()
    {
        var path = Path.Combine(_root, "bureaus", "xibei.json");
        var profile = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        profile["units"]!.AsArray().Add(JsonNode.Parse("""{ "id": "general-office", "name": "综合处", "sealText": "中国民用航空西北地区管理局综合处" }"""));
        File.WriteAllText(path, profile.ToJsonString());
        Assert.Equal("general-office", TemplateLibrary.Load(_root).FindBureau("xibei")!.FindUnit("民航西北地区管理局综合处")!.Id);
    }

    [Theory]
    [InlineData("\"sealBy\": \"unit\",", "'sealBy' names no required text field: unit")]
    [InlineData("\"sealBy\": \"remark\",", "'sealBy' names no required text field: remark")]
    [InlineData("\"sealBy\": \"date\",", "'sealBy' names no required text field: date")]
    [InlineData("\"author\": \"counterparty\", \"sealBy\": \"department\",", "'sealBy': a counterparty's form is sealed by the counterparty")]
    public void BadSealBy_IsRefusedAtLoad_NamingTheFormAndTheKey(string declaration, string message)
    {
        WriteForm(declaration);
        var refused = Assert.Throws<TemplateException>(() => TemplateLibrary.Load(_root));
        Assert.Contains("slip.json", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SealBy_IsRead()
    {
        WriteForm("\"sealBy\": \"department\",");
        Assert.Equal("department", TemplateLibrary.Load(_root).FindForm("slip")!.SealByField);
    }

    private void WriteForm(string declaration) => File.WriteAllText(Path.Combine(_root, "forms", "slip.json"), $$$"""
        {
          "id": "slip", "title": "移送单", "source": "测试",
          {{{declaration}}}
          "fields": [
            { "name": "department", "label": "移送部门", "type": "text", "maxLength": 40 },
            { "name": "remark", "label": "备注", "type": "text", "required": false },
            { "name": "date", "label": "日期", "type": "date" }
          ],
          "blocks": [{ "type": "signature", "text": "{{department}}\n{{date}}" }]
        }
        """);
}
