using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Ses.Documents.Docx;
using Ses.Documents.Fonts;
using Ses.Documents.Rendering;
using Ses.Documents.Templates;
using Ses.Documents.Tests.Support;
using static Ses.Documents.Tests.Docx.DocxTestSupport;

namespace Ses.Documents.Tests.Docx;

/// <summary>
/// Every form's DOCX opened in LibreOffice (soffice --headless --convert-to pdf): the same number of pages and the same
/// text as the PDF the engine renders, and the fonts embedded in the DOCX are the ones LibreOffice sets — this machine
/// does not have them installed, so only the embedded copies can provide them. Skipped without LibreOffice (Debian
/// package libreoffice-writer), failed then under SES_REQUIRE_ALL=1.
/// </summary>
public sealed class DocxLibreOfficeTests
{
    private static readonly Lazy<Converted> All = new(Convert);

    [Fact]
    public void EverySample_LibreOfficePages_EqualThePdfs()
    {
        var all = Require();
        var pages = all.Samples
            .Select(s => (s, Pdf: Pages(Path.Combine(all.Dir, s + ".pdf")), Docx: Pages(Path.Combine(all.Dir, "out", s + ".pdf"))))
            .ToList();
        Assert.NotEmpty(pages);
        var mismatches = pages.Where(p => p.Pdf != p.Docx).Select(p => $"{p.s}: PDF {p.Pdf} pages, DOCX in LibreOffice {p.Docx}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>
    /// LibreOffice sets every sample in the shipped body font, AR PL SungtiL GB, taken from the DOCX (this machine does
    /// not have it installed): the font allows installable embedding (templates/fonts/README.md), so LibreOffice uses the
    /// embedded copy instead of a substitute with wider Latin letters and digits.
    /// </summary>
    [Fact]
    public void EverySample_LibreOffice_SetsTheEmbeddedBodyFont()
    {
        var all = Require();
        var body = Engine.Fonts.Body.Primary;
        var (_, installed) = ExternalTool.Run("fc-list");
        Assert.DoesNotContain(body.FamilyName, installed, StringComparison.OrdinalIgnoreCase);
        var pdffonts = ExternalTool.Require("pdffonts", "poppler-utils");
        foreach (var sample in all.Samples)
        {
            var (exit, used) = ExternalTool.Run(pdffonts, Path.Combine(all.Dir, "out", sample + ".pdf"));
            Assert.True(exit == 0, used);
            Assert.True(used.Contains("+" + body.Program.PostScriptName, StringComparison.Ordinal),
                $"{sample}: LibreOffice did not set {body.FamilyName}\n{used}");
        }
    }

    [Fact]
    public void EverySample_LibreOfficeText_MatchesThePdfs()
    {
        var all = Require();
        foreach (var sample in all.Samples)
        {
            var pdf = Text(Path.Combine(all.Dir, sample + ".pdf"));
            var docx = Text(Path.Combine(all.Dir, "out", sample + ".pdf"));
            Assert.True(pdf.Length > 50, $"{sample}: the PDF has no text");
            var common = CommonCharacters(pdf, docx);
            Assert.True(common >= 0.95 * Math.Max(pdf.Length, docx.Length),
                $"{sample}: {common} characters in common of {pdf.Length} (PDF) and {docx.Length} (DOCX)\nPDF:  {pdf}\nDOCX: {docx}");
        }
    }

    [Fact]
    public void EverySample_Docx_EmbedsItsFonts()
    {
        var families = Engine.Fonts.Body.Faces.Concat(Engine.Fonts.Title.Faces).Concat(Engine.Fonts.Latin.Faces).Select(f => f.FamilyName).Distinct().ToList();
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        foreach (var (form, sample) in Samples())
        {
            using var zip = new ZipArchive(new MemoryStream(RenderSample(form, sample)), ZipArchiveMode.Read);
            var table = XDocument.Load(zip.GetEntry("word/fontTable.xml")!.Open());
            foreach (var family in families)
            {
                var font = table.Root!.Elements(w + "font").Single(f => (string?)f.Attribute(w + "name") == family);
                var embed = font.Element(w + "embedRegular");
                Assert.True(embed is not null, $"{sample}: {family} is not embedded");
                Assert.Matches("^\\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\\}$", (string?)embed.Attribute(w + "fontKey") ?? "");
            }
            var parts = zip.Entries.Where(e => e.FullName.EndsWith(".odttf", StringComparison.Ordinal)).ToList();
            Assert.Equal(families.Count, parts.Count);
            // Cut to the characters set: a few hundred KB, not the 5 and 15 MB of the font files.
            Assert.All(parts, p => Assert.InRange(p.Length, 1024, 1024 * 1024));
            var settings = XDocument.Load(zip.GetEntry("word/settings.xml")!.Open());
            Assert.NotNull(settings.Root!.Element(w + "embedTrueTypeFonts"));
        }
    }

    /// <summary>
    /// A document set in a font this machine does not have (LXGW WenKai, shipped in templates/fonts only): LibreOffice's
    /// PDF of the DOCX draws it with that font, which it can only have taken from the DOCX.
    /// </summary>
    [Fact]
    public void Docx_EmbeddedFont_IsTheFontLibreOfficeSets()
    {
        var soffice = ExternalTool.Require("soffice", "libreoffice-writer");
        var pdffonts = ExternalTool.Require("pdffonts", "poppler-utils");
        var kai = Path.Combine(TemplatesRoot, "fonts", "LXGWWenKai-Regular.ttf");
        var (_, installed) = ExternalTool.Run("fc-list");
        Assert.DoesNotContain("LXGW", installed, StringComparison.OrdinalIgnoreCase);
        var kaiChain = new FontChain([new FontFace(kai)]);
        var fonts = new FontSet(kaiChain, kaiChain, kaiChain, kaiChain, kaiChain);
        var doc = new ResolvedDocument("synthetic", "嵌入字体测试", null, Engine.Templates.DefaultBureau,
            [new ResolvedBlock(BlockKind.Paragraph, "民航行业信用管理办法第八条规定的严重失信行为。", "zh", null)]);
        var dir = Path.Combine(Path.GetTempPath(), "ses-docx-font-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var docx = Path.Combine(dir, "kai.docx");
        File.WriteAllBytes(docx, DocxRenderer.Render(doc, fonts));
        var (exit, output) = ExternalTool.Run(soffice, "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", dir, docx);
        Assert.True(exit == 0 && File.Exists(Path.Combine(dir, "kai.pdf")), output);
        var (_, used) = ExternalTool.Run(pdffonts, Path.Combine(dir, "kai.pdf"));
        Assert.Contains("+" + fonts.Body.Primary.Program.PostScriptName, used, StringComparison.Ordinal);
        Assert.DoesNotContain("DroidSansFallback", used, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    private sealed record Converted(string Dir, List<string> Samples);

    private static Converted Require()
    {
        ExternalTool.Require("soffice", "libreoffice-writer");
        ExternalTool.Require("pdftotext", "poppler-utils");
        return All.Value;
    }

    /// <summary>Renders every sample as PDF and DOCX into one folder and converts each DOCX with soffice.</summary>
    private static Converted Convert()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ses-docx-lo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var samples = new List<string>();
        foreach (var (form, sample) in Samples())
        {
            using var json = JsonDocument.Parse(File.ReadAllText(SamplePath(sample)));
            File.WriteAllBytes(Path.Combine(dir, sample + ".pdf"), Engine.Render(form, json.RootElement, OutputFormat.Pdf).Content);
            File.WriteAllBytes(Path.Combine(dir, sample + ".docx"), Engine.Render(form, json.RootElement, OutputFormat.Docx).Content);
            samples.Add(sample);
        }
        // Each DOCX in its own soffice run, as a person opens one document: within one process LibreOffice keeps the
        // first document's embedded font of a family and does not load the next document's (each embeds only its own
        // characters). A private profile: no user settings or installed extensions, and no clash with another soffice.
        var soffice = ExternalTool.Require("soffice", "libreoffice-writer");
        foreach (var s in samples)
        {
            var (exit, output) = ExternalTool.Run(soffice, "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", Path.Combine(dir, "out"), Path.Combine(dir, s + ".docx"));
            Assert.True(exit == 0 && File.Exists(Path.Combine(dir, "out", s + ".pdf")), $"soffice made no PDF of {s}:\n{output}");
        }
        return new Converted(dir, samples);
    }

    private static int Pages(string pdf)
    {
        var (exit, output) = ExternalTool.Run(ExternalTool.Require("pdfinfo", "poppler-utils"), pdf);
        Assert.True(exit == 0, output);
        var line = output.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The text pdftotext reads, without any whitespace (LibreOffice and the PDF space Latin text differently).</summary>
    private static string Text(string pdf)
    {
        var (exit, output) = ExternalTool.Run(ExternalTool.Require("pdftotext", "poppler-utils"), "-enc", "UTF-8", pdf, "-");
        Assert.True(exit == 0, output);
        var text = new StringBuilder(output.Length);
        foreach (var r in output.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(r) && !Rune.IsControl(r)) text.Append(r.ToString());
        }
        return text.ToString();
    }

    /// <summary>How many characters the two texts have in common, each counted as often as it occurs in both.</summary>
    private static int CommonCharacters(string a, string b)
    {
        var counts = a.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var c in b)
        {
            if (counts.TryGetValue(c, out var n) && n > 0)
            {
                counts[c] = n - 1;
                common++;
            }
        }
        return common;
    }
}
