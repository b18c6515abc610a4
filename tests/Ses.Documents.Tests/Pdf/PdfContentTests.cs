using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace Ses.Documents.Tests.Pdf;

public sealed class PdfContentTests
{
    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    [Fact]
    public void Render_NoticeOrg_HasStatutorySentencesAndFilledValues()
    {
        using var sample = TestEngine.Sample("notice-org");
        var pdf = TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf).Content;
        var text = Text(pdf);
        Assert.Contains("民航行业严重失信行为认定告知书（组织）", text);
        Assert.Contains("西北局信告字〔2026〕1号", text);
        Assert.Contains("西安某某航空服务有限公司：", text);
        Assert.Contains("你组织于2026年3月2日在申请民用机场使用许可过程中", text);
        Assert.Contains("构成了《民航行业信用管理办法》第八条规定的严重失信行为，我局拟将你组织的该严重失信行为记入民航行业信用信息记录。", text);
        Assert.Contains("民航局将在官方网站公布你组织的该严重失信行为信息及相关基本信息。", text);
        Assert.Contains("应当于2026年3月20日前向我局提交陈述和申辩意见并提供证据，逾期视为放弃陈述和申辩。", text);
        Assert.Contains("特此告知。", text);
        Assert.Contains("民航西北地区管理局", text);
        Assert.Contains("2026年3月10日", text);
    }

    [Fact]
    public void Render_TransferSlip_PrintsTheFilledSentence_NotTheFormsInstructions()
    {
        // The form's blanks read 「_____（组织/个人）因_____（事由）」: the brackets say what goes in the blank and are not printed
        // once it is filled.
        using var sample = TestEngine.Sample("transfer-slip");
        var text = Text(TestEngine.Engine.Render("transfer-slip", sample.RootElement, OutputFormat.Pdf).Content);
        Assert.Contains("西安某某航空服务有限公司因在申请民用机场使用许可过程中，向我局提交了伪造的安全检查记录等虚假材料，构成了", text);
        Assert.DoesNotContain("（事由）", text);
        Assert.DoesNotContain("（组织）因", text);
    }

    [Fact]
    public void Render_Draft_ShowsBlankBracketsOfTheForm()
    {
        using var sample = TestEngine.Sample("notice-org");
        using var draft = TestEngine.With(sample, o => o.Remove("number"));
        var text = Text(TestEngine.Engine.Render("notice-org", draft.RootElement, OutputFormat.Pdf).Content);
        Assert.Contains("西北局信告字〔\u3000〕号", text);
        Assert.DoesNotContain("〔2026〕", text);
    }

    [Fact]
    public void Render_OtherBureau_UsesItsProfileAndNothingOfXibei()
    {
        using var sample = TestEngine.Sample("notice-org");
        using var data = TestEngine.With(sample, o => o["number"] = "华东局信告字〔2026〕7号");
        var text = Text(TestEngine.Engine.Render("notice-org", data.RootElement, OutputFormat.Pdf, "huadong").Content);
        Assert.Contains("华东局信告字〔2026〕7号", text);
        Assert.Contains("民航华东地区管理局", text);
        Assert.DoesNotContain("西北", text);
    }

    [Fact]
    public void Render_RareNameCharacters_AreDrawnByTheFallbackFontAndExtractAsThemselves()
    {
        using var sample = TestEngine.Sample("notice-org");
        using var data = TestEngine.With(sample, o => o["party"] = "𠮷䶮堃喆珺航空服务有限公司");
        var pdf = TestEngine.Engine.Render("notice-org", data.RootElement, OutputFormat.Pdf).Content;
        using var doc = PdfDocument.Open(pdf);
        var letters = doc.GetPages().SelectMany(p => p.Letters).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        Assert.Contains("𠮷䶮堃喆珺航空服务有限公司：", text);
        var fonts = letters.Where(l => "𠮷䶮堃喆珺".Contains(l.Value, StringComparison.Ordinal)).Select(l => l.FontName).Distinct().ToList();
        var primary = letters.First(l => l.Value == "航").FontName;
        Assert.DoesNotContain(primary, fonts);
    }

    [Fact]
    public void Render_Metadata_HasTitleSubjectAndProducer()
    {
        using var sample = TestEngine.Sample("notice-org");
        var pdf = TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf).Content;
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal("民航行业严重失信行为认定告知书（组织）", doc.Information.Title);
        Assert.Equal("西北局信告字〔2026〕1号", doc.Information.Subject);
        Assert.Equal("SES Documents", doc.Information.Creator);
        Assert.False(string.IsNullOrEmpty(doc.Information.Producer));
    }

    [Fact]
    public void Render_FontsAreEmbeddedAndSubset()
    {
        using var sample = TestEngine.Sample("notice-org");
        var pdf = TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf).Content;
        using var doc = PdfDocument.Open(pdf);
        var names = doc.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(names);
        // A subset font's name carries a six-letter tag: ABCDEF+Name (ISO 32000-1 §9.6.4).
        Assert.All(names, n => Assert.Matches("^[A-Z]{6}\\+", n));
        Assert.True(pdf.Length <= 60 * 1024 * doc.NumberOfPages * 1.1, $"{pdf.Length} bytes for {doc.NumberOfPages} page(s)");
    }

    [Fact]
    public void Render_RareNameCharacters_ExtractWithPdftotext()
    {
        var pdftotext = ExternalTool.Require("pdftotext", "poppler-utils");
        using var sample = TestEngine.Sample("notice-org");
        using var data = TestEngine.With(sample, o => o["party"] = "𠮷䶮堃喆珺航空服务有限公司");
        var file = Path.Combine(Path.GetTempPath(), $"ses-text-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, TestEngine.Engine.Render("notice-org", data.RootElement, OutputFormat.Pdf).Content);
        try
        {
            var (exit, output) = ExternalTool.Run(pdftotext, "-enc", "UTF-8", file, "-");
            Assert.True(exit == 0, output);
            Assert.Contains("𠮷䶮堃喆珺航空服务有限公司：", output);
            Assert.Contains("民航行业严重失信行为认定告知书（组织）", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Render_CharactersSharingAGlyph_ExtractAsThemselves()
    {
        // U+3BA3 and U+69E9 are drawn with one glyph of the fallback font: each keeps its own CID and ToUnicode entry.
        using var sample = TestEngine.Sample("notice-org");
        using var data = TestEngine.With(sample, o => o["party"] = "\u3BA3\u69E9航空服务有限公司");
        var pdf = TestEngine.Engine.Render("notice-org", data.RootElement, OutputFormat.Pdf).Content;
        Assert.Contains("\u3BA3\u69E9航空服务有限公司：", Text(pdf));
    }

    [Fact]
    public void Render_FixedTextOfTheForm_ComesFromOneSubsetSharedByItsDocuments()
    {
        using var sample = TestEngine.Sample("notice-org");
        using var other = TestEngine.With(sample, o => o["party"] = "兰州某某机场管理有限公司");
        var first = Letters(TestEngine.Engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf).Content);
        var second = Letters(TestEngine.Engine.Render("notice-org", other.RootElement, OutputFormat.Pdf).Content);
        // 告 is in the form's wording: the same embedded subset in both documents.
        Assert.Equal(first.First(l => l.Value == "告").FontName, second.First(l => l.Value == "告").FontName);
        // 某 and 兰 are only in the field values: each document's own glyphs, in a subset of its own.
        Assert.NotEqual(second.First(l => l.Value == "告").FontName, second.First(l => l.Value == "兰").FontName);
        Assert.NotEqual(first.First(l => l.Value == "某").FontName, second.First(l => l.Value == "兰").FontName);
    }

    private static List<UglyToad.PdfPig.Content.Letter> Letters(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return [.. doc.GetPages().SelectMany(p => p.Letters)];
    }
}
