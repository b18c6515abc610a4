using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PdfSharp.Pdf.IO;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Evidence;

namespace Ses.Service.Cases;

/// <summary>
/// The table of contents (卷内目录) of a case file: the case heading (相对人, 事由, 立案日期) and every file in timeline
/// order with its number, date, page count and SHA-256, then the evidence segment it carries — rendered from the
/// internal form <c>templates/forms/case-file-contents.json</c> with the shipped fonts, like the delivery certificate,
/// and signed and timestamped by the bureau, so the list of files and their hashes cannot be changed unnoticed.
/// </summary>
public static class CaseFileContents
{
    public const string FormId = "case-file-contents";

    /// <summary>The reason written into the signature.</summary>
    public const string SigningReason = "卷内目录";

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The case's heading as the table of contents prints it.</summary>
    public sealed record Heading(string Party, string PartyId, string Act, string Decision, DateOnly OpenedOn, string State);

    /// <summary>The unsigned table of contents; <see cref="FormValidationException"/> when a value cannot be printed.</summary>
    public static RenderedDocument Render(DocumentEngine engine, string bureau, Heading heading, IReadOnlyList<CaseFileItem> items,
        EvidenceSegment.Summary evidence, DateTimeOffset exportedAt)
    {
        var form = engine.Templates.FindInternalForm(FormId)
            ?? throw new InvalidOperationException($"templates/forms/{FormId}.json is missing or not marked \"internal\"");
        var profile = engine.Templates.FindBureau(bureau) ?? throw new InvalidOperationException($"bureau '{bureau}' has no profile in the templates");
        var values = new JsonObject
        {
            ["party"] = heading.Party,
            ["partyId"] = heading.PartyId,
            ["act"] = heading.Act,
            ["decision"] = heading.Decision,
            ["openedOn"] = Iso(heading.OpenedOn),
            ["state"] = heading.State,
            ["items"] = new JsonArray([.. items.Select((item, i) => (JsonNode)Row(item, i))]),
            ["evidenceFrom"] = Number(evidence.From),
            ["evidenceTo"] = Number(evidence.To),
            ["caseEntries"] = Number(evidence.CaseEntries),
            ["evidenceHead"] = evidence.Head,
            ["exportedAtUtc"] = exportedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["exportedAtBeijing"] = exportedAt.ToOffset(LegalDates.Beijing).ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["exportedOn"] = Iso(LegalDates.BeijingDate(exportedAt)),
        };
        using var json = JsonDocument.Parse(values.ToJsonString());
        var (input, problems) = FormValidator.Validate(form, profile, json.RootElement);
        if (input is null) throw new FormValidationException(problems);
        return engine.Render(input, OutputFormat.Pdf);
    }

    /// <summary>The file's number in the table and at the start of its name: 01, 02, … (00 is the table itself).</summary>
    public static string Ordinal(int index) => (index + 1).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The pages of a PDF; 「—」 for a file that is not a readable PDF (a scanned image, a damaged upload).</summary>
    public static string Pages(byte[] content)
    {
        if (!content.AsSpan().StartsWith("%PDF-"u8)) return "—";
        try
        {
            using var pdf = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import);
            return pdf.PageCount.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Uploaded as a PDF but not one the reader can count (PDFsharp throws a plain Exception for a missing
            // cross-reference table): listed all the same, its pages unknown. An upload never stops the export.
            return "—";
        }
    }

    private static JsonObject Row(CaseFileItem item, int index)
    {
        var row = new JsonObject
        {
            ["no"] = Ordinal(index), ["title"] = item.Title, ["file"] = item.FileName, ["sha256"] = item.Sha256, ["date"] = Iso(item.Date),
            ["pages"] = Pages(item.Content),
        };
        if (item.Number is not null) row["documentNumber"] = item.Number;
        return row;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
