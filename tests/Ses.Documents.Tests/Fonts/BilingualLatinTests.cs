using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Wordprocessing;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static Ses.Documents.Tests.Docx.DocxTestSupport;
using Gb = Ses.Documents.Layout.Styles;

namespace Ses.Documents.Tests.Fonts;

/// <summary>
/// The bilingual confirmation letter (确认函): its English text in the serif Latin font at the body's size, and its
/// English date line (Month Date, Year) kept, filled in, when the date is given.
/// </summary>
public sealed class BilingualLatinTests
{
    private const string Form = "ses-confirmation";

    private static string LatinPostScript => TestEngine.Engine.Fonts.Latin.Primary.Program.PostScriptName;

    private static byte[] Pdf(Action<JsonObject>? change = null)
    {
        using var sample = change is null ? TestEngine.Sample(Form) : TestEngine.With(TestEngine.Sample(Form), change);
        return TestEngine.Engine.Render(Form, sample.RootElement, OutputFormat.Pdf).Content;
    }

    private static string FontOf(Letter l) => (l.FontName ?? "")[((l.FontName ?? "").IndexOf('+', StringComparison.Ordinal) + 1)..];

    private static List<Letter> Find(PdfDocument pdf, string text)
    {
        foreach (var page in pdf.GetPages())
        {
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var at = string.Concat(letters.Select(l => l.Value)).IndexOf(text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            if (at >= 0) return letters.GetRange(at, text.Replace(" ", "", StringComparison.Ordinal).Length);
        }
        Assert.Fail($"「{text}」 is in no page");
        return [];
    }

    [Theory]
    [InlineData("Confirmation Letter on the Application")]
    [InlineData("To Civil Aviation Administration of China:")]
    [InlineData("This is to confirm that we,")]
    [InlineData("Point of Contact:")]
    [InlineData("Declarant: (Seal)")]
    [InlineData("Legal Representative/Attorney-In-Fact: (Signature)")]
    public void Render_EnglishText_IsInTheSerifLatinFontAtBodySize(string english)
    {
        Assert.Contains("Serif", LatinPostScript, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(Pdf());
        var body = Find(pdf, "本单位已经阅知本确认函全部事项");
        var letters = Find(pdf, english);
        Assert.All(letters, l => Assert.Equal(LatinPostScript, FontOf(l)));
        Assert.All(letters, l => Assert.Equal(Gb.BodySize, l.PointSize, 0.05));
        Assert.All(body, l => Assert.NotEqual(LatinPostScript, FontOf(l)));
        Assert.Equal(body[0].PointSize, letters[0].PointSize, 0.05);
    }

    [Fact]
    public void Render_DateFilled_KeepsTheEnglishDateLine()
    {
        using var pdf = PdfDocument.Open(Pdf(o => o["signDate"] = "2026-06-01"));
        Assert.NotEmpty(Find(pdf, "2026年6月1日"));
        var english = Find(pdf, "June 1, 2026");
        Assert.All(english.Where(l => char.IsAsciiLetter(l.Value[0])), l => Assert.Equal(LatinPostScript, FontOf(l)));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.DoesNotContain("Month", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoDate_PrintsBothBlankDateLines()
    {
        using var pdf = PdfDocument.Open(Pdf(o => o.Remove("signDate")));
        Assert.NotEmpty(Find(pdf, "年月日"));
        Assert.NotEmpty(Find(pdf, "Month Date, Year"));
    }

    [Fact]
    public void RenderDocx_DateFilled_EnglishDateLineInTheLatinFont()
    {
        using var doc = Open(RenderSample(Form, o => o["signDate"] = "2026-06-01"));
        var signature = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "SesSignature").Select(p => p.InnerText).ToList();
        Assert.Equal(["2026年6月1日", "June 1, 2026"], signature[^2..]);
        var line = doc.MainDocumentPart.Document.Body.Elements<Paragraph>().Single(p => p.InnerText == "June 1, 2026");
        var latin = TestEngine.Engine.Fonts.Latin.Primary.FamilyName;
        Assert.Equal(latin, line.Elements<Run>().First().RunProperties?.RunFonts?.Ascii?.Value);
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal(latin, styles["SesEnglish"].StyleRunProperties!.RunFonts!.Ascii!.Value);
        Assert.Equal(styles["SesBody"].StyleRunProperties!.FontSize!.Val!.Value, styles["SesEnglish"].StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Empty(ValidationErrors(doc));
    }

    [Theory]
    [InlineData(2026, 6, 1, "June 1, 2026")]
    [InlineData(2027, 12, 31, "December 31, 2027")]
    public void FormatEnglish_PrintsMonthDateYear(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateValue.FormatEnglish(new DateOnly(year, month, day)));
}
