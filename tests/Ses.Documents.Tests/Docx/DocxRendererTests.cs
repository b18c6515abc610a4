using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Docx;
using Ses.Documents.Fonts;
using static Ses.Documents.Tests.Docx.DocxTestSupport;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;

namespace Ses.Documents.Tests.Docx;

/// <summary>DOCX output of the shipped forms, rendered from their sample data through the engine.</summary>
public sealed class DocxRendererTests
{
    private static readonly Lazy<byte[]> NoticeOrg = new(() => RenderSample("notice-org"));

    [Fact]
    public void Render_NoticeOrg_PassesOpenXmlValidator()
    {
        using var doc = Open(NoticeOrg.Value);
        var errors = ValidationErrors(doc);
        Assert.True(errors.Count == 0, "OpenXML validator errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Render_NoticeOrg_HasStatutorySentencesAndFilledValues()
    {
        using var doc = Open(NoticeOrg.Value);
        var text = BodyText(doc);
        Assert.Contains("民航行业严重失信行为认定告知书（组织）", text);
        Assert.Contains("西北局信告字〔2026〕1号", text);
        Assert.Contains("西安某某航空服务有限公司：", text);
        Assert.Contains("你组织于2026年3月2日在申请民用机场使用许可过程中", text);
        Assert.Contains("构成了《民航行业信用管理办法》第八条规定的严重失信行为", text);
        Assert.Contains("应当于2026年3月20日前向我局提交陈述和申辩意见并提供证据，逾期视为放弃陈述和申辩。", text);
        Assert.Contains("特此告知。", text);
        Assert.Contains("民航西北地区管理局", text);
        Assert.Contains("2026年3月10日", text);
    }

    [Fact]
    public void Render_NoticeOrg_BlocksGetTheirNamedStyles()
    {
        using var doc = Open(NoticeOrg.Value);
        Assert.Equal("民航行业严重失信行为认定告知书（组织）", Text(Assert.Single(ParagraphsOfStyle(doc, "SesTitle"))));
        Assert.Equal("西北局信告字〔2026〕1号", Text(Assert.Single(ParagraphsOfStyle(doc, "SesNumber"))));
        Assert.Equal("西安某某航空服务有限公司：", Text(Assert.Single(ParagraphsOfStyle(doc, "SesAddressee"))));
        var body = ParagraphsOfStyle(doc, "SesBody").Select(Text).ToList();
        Assert.Contains("特此告知。", body);
        Assert.Contains("", body); // the blank block: an empty paragraph
        Assert.StartsWith("本机关地址：", Text(ParagraphsOfStyle(doc, "SesLine")[0]));
    }

    [Fact]
    public void Render_NoticeOrg_StylesNameTheFontChainsAndGbSizes()
    {
        using var doc = Open(NoticeOrg.Value);
        var fonts = Engine.Fonts;
        var body = Style(doc, "SesBody");
        var rFonts = body.StyleRunProperties!.RunFonts!;
        Assert.Equal(fonts.Body.Primary.FamilyName, rFonts.EastAsia?.Value);
        Assert.Equal(fonts.Body.Primary.FamilyName, rFonts.Ascii?.Value);
        Assert.Equal(fonts.Body.Primary.FamilyName, rFonts.HighAnsi?.Value);
        Assert.Equal(fonts.Body.Primary.FamilyName, rFonts.ComplexScript?.Value);
        Assert.Equal("32", body.StyleRunProperties.FontSize?.Val?.Value);
        Assert.Equal("zh-CN", body.StyleRunProperties.Languages?.EastAsia?.Value);
        Assert.Equal(200, body.StyleParagraphProperties!.Indentation?.FirstLineChars?.Value);
        Assert.True(body.StyleParagraphProperties.Kinsoku?.Val?.Value);
        Assert.True(body.StyleParagraphProperties.OverflowPunctuation?.Val?.Value);

        var title = Style(doc, "SesTitle");
        Assert.Equal(fonts.Title.Primary.FamilyName, title.StyleRunProperties!.RunFonts?.EastAsia?.Value);
        Assert.Equal("44", title.StyleRunProperties.FontSize?.Val?.Value);
        Assert.Equal(JustificationValues.Center, title.StyleParagraphProperties!.Justification?.Val?.Value);
        Assert.Equal(JustificationValues.Center, Style(doc, "SesNumber").StyleParagraphProperties!.Justification?.Val?.Value);
        Assert.Equal(JustificationValues.Right, Style(doc, "SesRight").StyleParagraphProperties!.Justification?.Val?.Value);
        Assert.Equal("24", Style(doc, "SesTable").StyleRunProperties!.FontSize?.Val?.Value);
        Assert.Equal("32", Style(doc, "SesEnglish").StyleRunProperties!.FontSize?.Val?.Value);
        Assert.Equal(fonts.Latin.Primary.FamilyName, Style(doc, "SesEnglish").StyleRunProperties!.RunFonts?.Ascii?.Value);
    }

    [Fact]
    public void Render_NoticeOrg_PageIsA4WithGbMarginsAndA22By28Grid()
    {
        using var doc = Open(NoticeOrg.Value);
        var section = Body(doc).GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.InRange(size.Width!.Value, Twips(210) - 1, Twips(210) + 1);
        Assert.InRange(size.Height!.Value, Twips(297) - 1, Twips(297) + 1);
        Assert.InRange(margin.Top!.Value, Twips(37) - 1, Twips(37) + 1);
        Assert.InRange(margin.Left!.Value, Twips(28) - 1, Twips(28) + 1);
        var blockWidth = size.Width.Value - margin.Left.Value - margin.Right!.Value;
        var blockHeight = size.Height.Value - margin.Top.Value - margin.Bottom!.Value;
        Assert.InRange(blockWidth, Twips(156) - 1, Twips(156) + 1);
        Assert.InRange(blockHeight, Twips(225) - 1, Twips(225) + 1);

        var grid = section.GetFirstChild<DocGrid>()!;
        // A line grid only: LibreOffice sets each Chinese character of a linesAndChars grid two cells wide.
        Assert.Equal(DocGridValues.Lines, grid.Type?.Value);
        Assert.Null(grid.CharacterSpace);
        Assert.Equal(22, blockHeight / grid.LinePitch!.Value);
        // The character pitch: the Normal style's size plus its character spacing (twips), 28 to the line.
        var normal = Style(doc, "Normal").StyleRunProperties!;
        var normalSize = int.Parse(normal.FontSize!.Val!.Value!, CultureInfo.InvariantCulture) / 2.0;
        var pitch = normalSize + normal.GetFirstChild<Spacing>()!.Val!.Value / 20.0;
        Assert.Equal(28, (int)Math.Floor(blockWidth / 20.0 / pitch));
    }

    [Fact]
    public void Render_NoticeOrg_HasNoDrawingsPicturesOrImages()
    {
        using var doc = Open(NoticeOrg.Value);
        var main = doc.MainDocumentPart!;
        Assert.Empty(main.Document!.Descendants<Drawing>());
        Assert.Empty(main.Document.Descendants<Picture>());
        Assert.Empty(main.Document.Descendants<EmbeddedObject>());
        Assert.Empty(main.ImageParts);
        Assert.All(main.FooterParts, f => Assert.Empty(f.Footer!.Descendants<Drawing>()));
        Assert.NotEmpty(Body(doc).Descendants<Text>());
    }

    [Fact]
    public void Render_NoticeOrg_FootersNumberOddPagesRightEvenPagesLeft_APageFieldBetweenEmDashesAt14pt()
    {
        // GB/T 9704-2012 §7.5: odd page numbers right, even left, one character in; Word tells them apart by the setting.
        using var doc = Open(NoticeOrg.Value);
        var section = Body(doc).GetFirstChild<SectionProperties>()!;
        Assert.NotNull(doc.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        foreach (var (type, align) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var reference = section.Elements<FooterReference>().Single(r => r.Type!.Value == type);
            var footer = ((FooterPart)doc.MainDocumentPart.GetPartById(reference.Id!.Value!)).Footer!;
            var paragraph = Assert.Single(footer.Elements<Paragraph>());
            Assert.Equal("PAGE", Assert.Single(paragraph.Descendants<FieldCode>()).Text.Trim());
            Assert.Equal("\u2014 1 \u2014", Text(paragraph));
            Assert.Equal(align, paragraph.ParagraphProperties!.Justification!.Val!.Value);
            var indent = paragraph.ParagraphProperties.Indentation!;
            Assert.Equal("280", type == HeaderFooterValues.Default ? indent.Right!.Value : indent.Left!.Value);
            var style = Style(doc, paragraph.ParagraphProperties.ParagraphStyleId!.Val!.Value!);
            Assert.Equal("28", style.StyleRunProperties!.FontSize?.Val?.Value);
        }
        Assert.Empty(DocxTestSupport.ValidationErrors(doc));
    }

    [Fact]
    public void Render_NoticeOrg_CorePropertiesHaveTitleNumberAndBureau()
    {
        using var doc = Open(NoticeOrg.Value);
        Assert.Equal("民航行业严重失信行为认定告知书（组织）", doc.PackageProperties.Title);
        Assert.Equal("西北局信告字〔2026〕1号", doc.PackageProperties.Subject);
        Assert.Equal("民航西北地区管理局", doc.PackageProperties.Creator);
    }

    [Fact]
    public void Render_NoticeOrg_SignatureLeavesRoomForSealAndPutsDateFourCharactersIn()
    {
        using var doc = Open(NoticeOrg.Value);
        var signature = ParagraphsOfStyle(doc, "SesSignature");
        Assert.Equal(["", "", "民航西北地区管理局", "2026年3月10日"], signature.Select(Text));
        var issuer = signature[2].ParagraphProperties!.Indentation!;
        var date = signature[3].ParagraphProperties!.Indentation!;
        Assert.Equal(400, date.RightChars?.Value);
        // The issuer's name is longer than the date: centred over it, its right edge is nearer the margin.
        Assert.InRange(issuer.RightChars!.Value, 1, 399);
        Assert.Same(signature[^1], Body(doc).Elements<Paragraph>().Last());
    }

    [Fact]
    public void Render_DraftWithoutNumberOrDate_KeepsIdeographicSpaces()
    {
        var docx = RenderSample("notice-org", o =>
        {
            o.Remove("number");
            o.Remove("signDate");
        });
        using var doc = Open(docx);
        var text = BodyText(doc);
        Assert.Contains("西北局信告字〔\u3000〕号", text);
        Assert.Contains("\u3000\u3000年\u3000\u3000月\u3000\u3000日", text);
        Assert.DoesNotContain("〔2026〕", text);
        Assert.All(Body(doc).Descendants<Text>(), t => Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, t.Space?.Value));
        Assert.Null(doc.PackageProperties.Subject);
        Assert.Empty(ValidationErrors(doc));
    }

    [Fact]
    public void Render_RareNameCharacters_GetTheFallbackFamilyInTheirOwnRun()
    {
        using var doc = Open(RenderSample("notice-org", o => o["party"] = "𠮷䶮堃喆珺航空服务有限公司"));
        var addressee = Assert.Single(ParagraphsOfStyle(doc, "SesAddressee"));
        Assert.Equal("𠮷䶮堃喆珺航空服务有限公司：", Text(addressee));
        var chain = Engine.Fonts.Body;
        var runs = addressee.Elements<Run>().ToList();
        var rare = runs.Single(r => Text(r).Contains("𠮷", StringComparison.Ordinal));
        var expected = chain.Faces[chain.Pick(char.ConvertToUtf32("𠮷", 0))].FamilyName;
        Assert.NotEqual(chain.Primary.FamilyName, expected);
        Assert.Equal(expected, rare.RunProperties?.RunFonts?.EastAsia?.Value);
        var common = runs.Single(r => Text(r).Contains('航', StringComparison.Ordinal));
        Assert.Null(common.RunProperties?.RunFonts); // the style's (primary) font
        Assert.Empty(ValidationErrors(doc));
    }

    /// <summary>
    /// Each embedded font holds the characters the document sets in it: the fallback family the rare characters of a
    /// name, not the whole text; the body's family the rest. Read back from the de-obfuscated parts.
    /// </summary>
    [Fact]
    public void Render_EmbeddedFonts_HoldTheCharactersSetInThem()
    {
        using var doc = Open(RenderSample("notice-org", o => o["party"] = "𠮷䶮堃喆珺航空服务有限公司"));
        var chain = Engine.Fonts.Body;
        var rare = char.ConvertToUtf32("𠮷", 0);
        var fallback = chain.Faces[chain.Pick(rare)];
        var inFallback = EmbeddedMetrics(doc, fallback.FamilyName);
        Assert.True(inFallback.GlyphId(rare) > 0, "𠮷 is not in the embedded fallback font");
        foreach (var common in "航空服务告知书")
        {
            Assert.Equal(0, inFallback.GlyphId(common));
        }
        var inPrimary = EmbeddedMetrics(doc, chain.Primary.FamilyName);
        Assert.All("航空服务告知书特此", c => Assert.True(inPrimary.GlyphId(c) > 0, $"{c} is not in the embedded body font"));
    }

    private static TrueTypeMetrics EmbeddedMetrics(WordprocessingDocument doc, string family)
    {
        var table = doc.MainDocumentPart!.FontTablePart!;
        var embed = table.Fonts!.Elements<Font>().Single(f => f.Name == family).EmbedRegularFont!;
        using var stream = table.GetPartById(embed.Id!.Value!).GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var font = copy.ToArray();
        DocxFonts.Obfuscate(font, embed.FontKey!.Value!);
        return TrueTypeMetrics.Read(font);
    }

    public static TheoryData<string, string> SampledForms()
    {
        var data = new TheoryData<string, string>();
        foreach (var (form, sample) in Samples()) data.Add(form, sample);
        return data;
    }

    [Theory]
    [MemberData(nameof(SampledForms))]
    public void Render_EverySampledForm_PassesValidatorAndShowsItsTitle(string formId, string sample)
    {
        using var doc = Open(RenderSample(formId, sample));
        var errors = ValidationErrors(doc);
        Assert.True(errors.Count == 0, $"{sample}: OpenXML validator errors:\n" + string.Join("\n", errors));
        var title = Engine.Templates.FindForm(formId)!.Title;
        Assert.Equal(title, doc.PackageProperties.Title);
        var text = BodyText(doc).Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains(title.Replace("\n", "", StringComparison.Ordinal), text);
        Assert.NotEmpty(ParagraphsOfStyle(doc, "SesTitle"));
    }
}
