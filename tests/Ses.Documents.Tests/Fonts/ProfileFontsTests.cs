using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Fonts;
using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Ses.Documents.Tests.Fonts;

/// <summary>
/// A bureau that owns licensed fonts drops the files into templates/fonts and names them in its profile. Here a free
/// font stands in: LXGW WenKai, copied under the names 方正小标宋简体.ttf and 黑体.ttf, is named for the title and
/// the first-level headings of 华北局; its 仿宋_GB2312 is named but missing, so its body stays in the shipped font.
/// </summary>
public sealed class ProfileFontsTests : IDisposable
{
    private const string Bureau = "huabei";
    private readonly string _root = Directory.CreateTempSubdirectory("ses-fonts-").FullName;
    private readonly string _standIn = Path.Combine(TestEngine.TemplatesRoot, "fonts", "LXGWWenKai-Regular.ttf");

    public ProfileFontsTests()
    {
        var source = TestEngine.TemplatesRoot;
        foreach (var dir in new[] { "forms", "bureaus", "samples" })
        {
            Directory.CreateDirectory(Path.Combine(_root, dir));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, dir))) File.Copy(file, Path.Combine(_root, dir, Path.GetFileName(file)));
        }
        // The shipped fonts stay where they are: templates.json names them by absolute path.
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "templates.json")),
            documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        foreach (var (_, list) in settings["fonts"]!.AsObject())
        {
            var array = list!.AsArray();
            for (var i = 0; i < array.Count; i++) array[i] = Path.Combine(source, array[i]!.GetValue<string>());
        }
        File.WriteAllText(Path.Combine(_root, "templates.json"), settings.ToJsonString());
        Directory.CreateDirectory(Path.Combine(_root, "fonts"));
        File.Copy(_standIn, Path.Combine(_root, "fonts", "方正小标宋简体.ttf"));
        File.Copy(_standIn, Path.Combine(_root, "fonts", "黑体.ttf"));
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "bureaus", Bureau + ".json")))!.AsObject();
        profile["fonts"] = new JsonObject
        {
            ["title"] = "fonts/方正小标宋简体.ttf",
            ["body"] = "fonts/仿宋_GB2312.ttf",
            ["heading"] = "fonts/黑体.ttf",
        };
        File.WriteAllText(Path.Combine(_root, "bureaus", Bureau + ".json"), profile.ToJsonString());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string StandInPostScript => new FontFace(Path.Combine(TestEngine.TemplatesRoot, "fonts", "LXGWWenKai-Regular.ttf")).Program.PostScriptName;

    private static string ShippedBodyPostScript => TestEngine.Engine.Fonts.Body.Primary.Program.PostScriptName;

    private static byte[] Render(DocumentEngine engine, OutputFormat format, string? bureau)
    {
        using var sample = TestEngine.Sample("ses-confirmation");
        return engine.Render("ses-confirmation", sample.RootElement, format, bureau).Content;
    }

    /// <summary>The PostScript name of the font a letter is drawn in (the subset tag removed).</summary>
    private static string FontOf(Letter l) => (l.FontName ?? "")[((l.FontName ?? "").IndexOf('+', StringComparison.Ordinal) + 1)..];

    private static List<Letter> LettersOf(Page page, string text)
    {
        var letters = page.Letters.ToList();
        var joined = string.Concat(letters.Select(l => l.Value));
        var at = joined.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"「{text}」 not on the page");
        return letters.GetRange(at, text.Length);
    }

    [Fact]
    public void Render_ProfileNamesTitleAndHeadingFonts_PdfDrawsThemAndBodyStaysShipped()
    {
        var engine = DocumentEngine.Load(_root);
        Assert.NotEqual(StandInPostScript, ShippedBodyPostScript);
        using var pdf = PdfDocument.Open(Render(engine, OutputFormat.Pdf, Bureau));
        var page = pdf.GetPage(1);

        Assert.All(LettersOf(page, "确认函"), l => Assert.Equal(StandInPostScript, FontOf(l)));
        Assert.All(LettersOf(page, "一、关于对SES启用目的及法律依据的认同"), l => Assert.Equal(StandInPostScript, FontOf(l)));
        // The body's named file is missing: the shipped body font sets it.
        Assert.All(LettersOf(page, "已经充分阅读"), l => Assert.Equal(ShippedBodyPostScript, FontOf(l)));

        // The same engine sets a bureau that names no fonts in the shipped ones.
        using var other = PdfDocument.Open(Render(engine, OutputFormat.Pdf, "xibei"));
        Assert.All(LettersOf(other.GetPage(1), "确认函"), l => Assert.NotEqual(StandInPostScript, FontOf(l)));
        Assert.All(LettersOf(other.GetPage(1), "一、关于对SES启用目的"), l => Assert.Equal(ShippedBodyPostScript, FontOf(l)));
    }

    [Fact]
    public void Render_ProfileNamesTitleAndHeadingFonts_DocxStylesNameTheirFamilies()
    {
        var engine = DocumentEngine.Load(_root);
        var standIn = new FontFace(_standIn).FamilyName;
        var shippedBody = TestEngine.Engine.Fonts.Body.Primary.FamilyName;
        Assert.NotEqual(standIn, shippedBody);
        using var doc = WordprocessingDocument.Open(new MemoryStream(Render(engine, OutputFormat.Docx, Bureau)), false);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        string Family(string id) => styles[id].StyleRunProperties!.RunFonts!.EastAsia!.Value!;

        Assert.Equal(standIn, Family("SesTitle"));
        Assert.Equal(standIn, Family("SesHeading"));
        Assert.Equal(shippedBody, Family("SesBody"));
        var heading = doc.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Single(p => p.InnerText == "一、关于对SES启用目的及法律依据的认同");
        Assert.Equal("SesHeading", heading.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        var fontTable = doc.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().Select(f => f.Name!.Value).ToList();
        Assert.Contains(standIn, fontTable);
    }

    [Fact]
    public void Load_NamedFileMissing_WarnsWithProfileKeyAndFallback()
    {
        var engine = DocumentEngine.Load(_root);
        var warning = Assert.Single(engine.FontWarnings);
        Assert.Contains($"bureaus/{Bureau}.json", warning, StringComparison.Ordinal);
        Assert.Contains("fonts.body", warning, StringComparison.Ordinal);
        Assert.Contains("fonts/仿宋_GB2312.ttf", warning, StringComparison.Ordinal);
        Assert.Contains("不存在", warning, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(TestEngine.Engine.Fonts.Body.Primary.Path), warning, StringComparison.Ordinal);
        Assert.Empty(TestEngine.Engine.FontWarnings);
    }

    [Fact]
    public void Load_NamedFileNotAFont_WarnsAndFallsBack()
    {
        File.WriteAllText(Path.Combine(_root, "fonts", "仿宋_GB2312.ttf"), "not a font");
        var engine = DocumentEngine.Load(_root);
        var warning = Assert.Single(engine.FontWarnings);
        Assert.Contains("fonts.body", warning, StringComparison.Ordinal);
        Assert.Contains("不是可用的 TrueType 字体", warning, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(Render(engine, OutputFormat.Pdf, Bureau));
        Assert.All(LettersOf(pdf.GetPage(1), "已经充分阅读"), l => Assert.Equal(ShippedBodyPostScript, FontOf(l)));
    }

    [Fact]
    public void Render_NamedBodyFontLacksAGlyph_ChainFallsBackToShippedFont()
    {
        // Liberation Serif stands in for a body font without Chinese: its Latin letters set the body, the shipped
        // fonts every Chinese character it lacks.
        File.Copy(Path.Combine(TestEngine.TemplatesRoot, "fonts", "LiberationSerif-Regular.ttf"), Path.Combine(_root, "fonts", "仿宋_GB2312.ttf"));
        var engine = DocumentEngine.Load(_root);
        Assert.Empty(engine.FontWarnings);
        using var pdf = PdfDocument.Open(Render(engine, OutputFormat.Pdf, Bureau));
        var page = pdf.GetPage(1);
        Assert.All(LettersOf(page, "已经充分阅读"), l => Assert.Equal(ShippedBodyPostScript, FontOf(l)));
        var uscc = LettersOf(page, "91440000100017600N");
        Assert.All(uscc, l => Assert.Equal(engine.Fonts.Latin.Primary.Program.PostScriptName, FontOf(l)));
    }
}
