using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ses.Documents.Tests.Docx;

/// <summary>
/// The shared test engine, rendering to DOCX, and what the tests read back from a DOCX.
/// </summary>
internal static class DocxTestSupport
{
    public static string TemplatesRoot => Support.TestEngine.TemplatesRoot;

    public static DocumentEngine Engine => Support.TestEngine.Engine;

    public static string SamplePath(string sample) => Path.Combine(TemplatesRoot, "samples", sample + ".json");

    /// <summary>
    /// Every sample file with the form it is data of: samples/&lt;form&gt;.json, and variants such as
    /// samples/collection-org-long.json of the form whose id is the longest prefix. Forms without a sample (still
    /// being written) are left out.
    /// </summary>
    public static IEnumerable<(string FormId, string Sample)> Samples()
    {
        var forms = Engine.Templates.Forms.Select(f => f.Id).ToList();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TemplatesRoot, "samples"), "*.json").Order(StringComparer.Ordinal))
        {
            var sample = Path.GetFileNameWithoutExtension(file);
            var form = forms.Contains(sample)
                ? sample
                : forms.Where(f => sample.StartsWith(f + "-", StringComparison.Ordinal)).MaxBy(f => f.Length);
            if (form is not null) yield return (form, sample);
        }
    }

    public static byte[] RenderSample(string formId, Action<JsonObject>? change = null) =>
        RenderSample(formId, formId, change);

    public static byte[] RenderSample(string formId, string sample, Action<JsonObject>? change = null)
    {
        var text = File.ReadAllText(SamplePath(sample));
        if (change is not null)
        {
            var node = JsonNode.Parse(text)!.AsObject();
            change(node);
            text = node.ToJsonString();
        }
        using var json = JsonDocument.Parse(text);
        var rendered = Engine.Render(formId, json.RootElement, OutputFormat.Docx);
        Assert.Equal(OutputFormat.Docx, rendered.Format);
        return rendered.Content;
    }

    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>The OpenXML SDK validator's errors (Office 2019), one line each, empty when the file is valid.</summary>
    public static List<string> ValidationErrors(WordprocessingDocument doc) =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Id} {e.Description}")];

    public static Body Body(WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    /// <summary>The text of a paragraph: its runs' text, a line break as \n, a tab as \t.</summary>
    public static string Text(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case Break: sb.Append('\n'); break;
                case TabChar: sb.Append('\t'); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The body's text, paragraph by paragraph (table cells included), one paragraph a line.</summary>
    public static string BodyText(WordprocessingDocument doc) =>
        string.Join("\n", Body(doc).Descendants<Paragraph>().Select(Text));

    public static Style Style(WordprocessingDocument doc, string styleId) =>
        doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == styleId);

    public static List<Paragraph> ParagraphsOfStyle(WordprocessingDocument doc, string styleId) =>
        [.. Body(doc).Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == styleId)];

    /// <summary>Millimetres in twips, as Word stores page geometry.</summary>
    public static double Twips(double mm) => mm * 1440 / 25.4;

}
