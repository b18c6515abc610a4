using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;

namespace Ses.Service.Issuing;

/// <summary>
/// The register (发文登记簿) of a bureau's issued documents, for the API and the pages alike: one document, voiding
/// with a reason (the number stays taken), the rows by series and year, and the CSV export.
/// </summary>
public sealed class DocumentRegister(SesDbContext db, DocumentEngine engine, TimeProvider time)
{
    /// <summary>A document of the bureau, else null: other bureaus' documents are not found, not forbidden.</summary>
    public Task<IssuedDocument?> OwnAsync(Guid id, string bureau, CancellationToken ct) =>
        db.IssuedDocuments.SingleOrDefaultAsync(d => d.Id == id && d.Bureau == bureau, ct);

    public async Task<(IssuedDocument? Document, Refusal? Refused)> VoidAsync(
        Guid id, string? reason, string bureau, string actor, string source, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return (null, Refusal.Invalid("reason", ErrorCodes.FieldRequired, "「作废理由」必须填写，且不超过 500 字"));
        }
        // The reason is printed on the delivery certificate: checked as entered, with the rules printing applies.
        if (EntryChecks.Text(engine, "reason", "作废理由", reason) is { } unprintable) return (null, Refusal.Invalid([unprintable]));
        var document = await OwnAsync(id, bureau, ct);
        if (document is null) return (null, Refusal.NotFound);
        if (document.VoidedAt is not null) return (null, Refusal.Conflict(ErrorCodes.DocumentVoided, "文书已作废"));
        var now = time.GetUtcNow();
        var done = await EvidenceLog.WriteAsync(db, async chain =>
        {
            await db.Entry(document).ReloadAsync(ct);
            if (document.VoidedAt is not null) return false;
            document.VoidedAt = now;
            document.VoidReason = reason.Trim();
            db.AuditEntries.Add(EvidenceEntries.Audit(now, actor, "document.voided", document.Number, source));
            var delivery = await db.Deliveries.AsNoTracking().Where(d => d.DocumentId == document.Id).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
            await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, delivery,
                EvidenceEvents.DocumentVoided, "voided", actor, now, new() { ["reason"] = document.VoidReason }), ct);
            return true;
        }, ct);
        return done ? (document, null) : (null, Refusal.Conflict(ErrorCodes.DocumentVoided, "文书已作废"));
    }

    /// <summary>Issued and voided documents of the bureau, by series, year and sequence.</summary>
    public async Task<List<IssuedDocument>> RowsAsync(string bureau, string? series, int? year, CancellationToken ct) =>
        (await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Bureau == bureau && (series == null || d.Series == series) && (year == null || d.Year == year))
            .ToListAsync(ct))
        .OrderBy(d => d.Series, StringComparer.Ordinal).ThenBy(d => d.Year).ThenBy(d => d.Sequence).ToList();

    /// <summary>The form's title as people read it (the register shows it, never the form id).</summary>
    public string FormTitle(string formId) => engine.Templates.FindForm(formId)?.Title ?? "（表单已不存在）";

    /// <summary>The register as CSV (UTF-8 with BOM) and its file name; the form column holds the form's title.</summary>
    public async Task<(byte[] Content, string FileName)> CsvAsync(string bureau, string? series, int? year, CancellationToken ct)
    {
        var csv = new StringBuilder("文号,表单,相对人,承办人,签发时间（北京时间）,状态,作废理由\r\n");
        foreach (var d in await RowsAsync(bureau, series, year, ct))
        {
            var issuedAt = d.IssuedAt.ToOffset(Calendar.LegalDates.Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            csv.Append(Cell(d.Number)).Append(',')
               .Append(Cell(FormTitle(d.FormId))).Append(',')
               .Append(Cell(d.Party)).Append(',')
               .Append(Cell(d.Officer)).Append(',')
               .Append(Cell(issuedAt + " +08:00")).Append(',')
               .Append(d.VoidedAt is null ? "已签发" : "已作废").Append(',')
               .Append(Cell(d.VoidReason ?? "")).Append("\r\n");
        }
        var yearPart = year is null ? "" : "-" + year.Value.ToString(CultureInfo.InvariantCulture);
        var name = $"register-{bureau}{(series is null ? "" : "-" + series)}{yearPart}.csv";
        return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], name);
    }

    // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
