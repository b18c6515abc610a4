using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Issuing;
using Ses.Service.Records;
using Ses.Service.Signing;
using Ses.Service.Storage;

namespace Ses.Service.Cases;

/// <summary>
/// The case file (案卷) a bureau submits when its act is challenged: the evidence and the basis of the act
/// (行政复议法第四十八条、行政诉讼法第六十七条), as one ZIP that can be checked offline. In it: the signed table of
/// contents (<c>00-卷内目录.pdf</c>), in timeline order every document of the case exactly as signed (the stored bytes:
/// 电子签名法第五条), each delivery's certificate and scanned receipt, each file kept with a step (the collection form,
/// the minutes, a statement, the transfer slip), <c>evidence.jsonl</c> (the chain segment holding the case's evidence,
/// <see cref="EvidenceSegment"/>) and <c>manifest.json</c> (the SHA-256 of every other file).
/// </summary>
public sealed class CaseFileService(
    SesDbContext db, IFileStore files, DocumentEngine engine, DeliveryCertificates certificates, SigningContext signing, TimeProvider time)
{
    public const string ManifestFormat = "ses-case-file-v1";
    public const string ContentsName = "00-卷内目录.pdf";
    public const string EvidenceName = "evidence.jsonl";
    public const string ManifestName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The case file of a case of the bureau; not found for another bureau's case.</summary>
    public async Task<(CaseFileExport? File, Refusal? Refused)> ExportAsync(Guid id, CaseActor actor, CancellationToken ct)
    {
        var c = await db.CreditCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Bureau == actor.Bureau, ct);
        if (c is null) return (null, Refusal.NotFound);
        try
        {
            var export = await BuildAsync(c, ct);
            // Who took the case's personal data out of the system, and which file it was.
            db.AuditEntries.Add(EvidenceEntries.Audit(time.GetUtcNow(), actor.UserName, "case.file-exported", c.Id.ToString(), actor.Source,
                Convert.ToHexStringLower(SHA256.HashData(export.Zip))));
            await db.SaveChangesAsync(ct);
            return (export, null);
        }
        catch (BureauKeyMissingException e)
        {
            // The case file is signed with the bureau's key (never a unit's): its own message, the exception's code and status.
            var name = engine.Templates.FindBureau(c.Bureau)?.Name ?? "本局";
            return (null, e.Refusal with { Message = $"没有{name}的签名密钥，案卷未生成" });
        }
        catch (TimestampException)
        {
            return (null, Refusal.Unavailable(ErrorCodes.TsaUnavailable, "时间戳服务不可用，案卷未生成"));
        }
        catch (FormValidationException e)
        {
            // A recorded value the table of contents or a certificate cannot print (e.g. a character no font has): named, not a crash.
            return (null, Refusal.Invalid(e.Problems));
        }
    }

    private async Task<CaseFileExport> BuildAsync(CreditCase c, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var party = await db.Counterparties.AsNoTracking().SingleAsync(p => p.Id == c.CounterpartyId, ct);
        var steps = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == c.Id).OrderBy(s => s.Number).ToListAsync(ct);
        var documentIds = (await db.Drafts.AsNoTracking().Where(d => d.CaseId == c.Id && d.IssuedDocumentId != null)
            .Select(d => d.IssuedDocumentId!.Value).ToListAsync(ct)).Union(steps.Where(s => s.DocumentId != null).Select(s => s.DocumentId!.Value)).ToList();
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        var items = new List<CaseFileItem>();
        foreach (var step in steps)
        {
            if (step.DocumentId is { } documentId && documents.Remove(documentId, out var document)) await DocumentAsync(items, document, today, ct);
            if (step.FileSha256 is { } sha)
            {
                items.Add(Item(items, StepFileTitle(step), null, step.DoneOn, Extension(step.FileName), await StoredAsync(sha, ct)));
            }
        }
        // Documents of the case no step points to (one voided and issued again): after the timeline, in the order issued.
        foreach (var document in documents.Values.OrderBy(d => d.IssuedAt)) await DocumentAsync(items, document, today, ct);

        // The case's evidence: its opening and steps, its documents and their deliveries, its record (entered, marked, expired, removed).
        var records = await db.CreditRecords.AsNoTracking().Where(r => r.CaseId == c.Id).ToListAsync(ct);
        var segment = await EvidenceSegment.ExportAsync(db, [$"信用案件 {c.Id}", .. records.Select(RecordService.Subject)], documentIds, ct)
            ?? throw new InvalidOperationException($"case {c.Id} has no evidence entry");
        items.Add(new CaseFileItem("证据记录（哈希链片段）", null, today, EvidenceName, segment.Jsonl));

        var heading = new CaseFileContents.Heading(party.Name, $"{IdSchemes.Label(party.IdScheme)} {party.IdValue}", c.Act,
            $"{c.DecisionIssuer} {c.DecisionNumber}（{DateValue.FormatChinese(c.DecisionDate)}）", LegalDates.BeijingDate(c.CreatedAt), CaseState.Label(c.State));
        var profile = engine.Templates.FindBureau(c.Bureau) ?? throw new InvalidOperationException($"bureau '{c.Bureau}' has no profile in the templates");
        var contents = engine.Sign(CaseFileContents.Render(engine, c.Bureau, heading, items, segment.Summary, now), signing.Require(profile), now,
            visible: true, reason: CaseFileContents.SigningReason);

        var zip = Zip([new CaseFileItem("卷内目录", null, today, ContentsName, contents), .. items], segment.Summary, c.Bureau, party.Name, now);
        return new CaseFileExport(zip, $"案卷-{DownloadNames.Document(party.Name, "")}-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.zip");
    }

    /// <summary>A document as signed, then for each of its deliveries the certificate and the scanned receipt (送达回证).</summary>
    private async Task DocumentAsync(List<CaseFileItem> items, IssuedDocument document, DateOnly today, CancellationToken ct)
    {
        var title = (engine.Templates.FindForm(document.FormId)?.Title ?? "文书") + (document.VoidedAt is null ? "" : "（已作废）");
        items.Add(Item(items, title, document.Number, LegalDates.BeijingDate(document.IssuedAt), ".pdf", await StoredAsync(document.PdfSha256, ct)));
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.DocumentId == document.Id).OrderBy(d => d.ServedAt).ToListAsync(ct);
        foreach (var delivery in deliveries)
        {
            var certificate = await certificates.ExportAsync(delivery.Id, document.Bureau, ct)
                ?? throw new InvalidOperationException($"delivery {delivery.Id} has no certificate");
            items.Add(Item(items, "送达证明", document.Number, today, ".pdf", certificate.Pdf));
            if (delivery.PaperReceiptSha256 is { } receipt)
            {
                items.Add(Item(items, "送达回证（扫描件）", document.Number, delivery.PaperDeliveredOn ?? today, Extension(delivery.PaperReceiptName),
                    await StoredAsync(receipt, ct)));
            }
        }
    }

    private async Task<byte[]> StoredAsync(string sha256, CancellationToken ct) =>
        await files.GetAsync(sha256, ct) ?? throw new InvalidOperationException($"file {sha256} is missing from the file store");

    /// <summary>The next item, named <c>NN-标题[-文号].ext</c> in the ZIP.</summary>
    private static CaseFileItem Item(List<CaseFileItem> items, string title, string? number, DateOnly date, string extension, byte[] content)
    {
        var name = CaseFileContents.Ordinal(items.Count) + "-" + title + (number is null ? "" : "-" + number);
        return new CaseFileItem(title, number, date, DownloadNames.Document(name, extension), content);
    }

    /// <summary>The title of a file kept with a step: the form's title for the forms the case renders, else what the step received.</summary>
    private static string StepFileTitle(CaseStep step) => step.Step switch
    {
        CaseSteps.Collection or CaseSteps.Transfer or CaseSteps.RepairTransfer when step.FileName is { } name => Path.GetFileNameWithoutExtension(name),
        CaseSteps.Meeting => step.Note is { Length: > 0 } kind ? $"会议纪要（{kind}）" : "会议纪要",
        CaseSteps.RepairMeeting => "会议纪要（信用修复）",
        CaseSteps.Statement => "陈述和申辩材料",
        CaseSteps.RepairApplication => "信用修复申请材料",
        _ => CaseSteps.Label(step.Step) + "材料",
    };

    /// <summary>The extension of a stored file's name, if it is a plain one (<c>.pdf</c>, <c>.jpg</c>); else none.</summary>
    private static string Extension(string? name)
    {
        var extension = Path.GetExtension(name ?? "").ToLowerInvariant();
        return extension.Length is > 1 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : "";
    }

    private static byte[] Zip(IReadOnlyList<CaseFileItem> items, EvidenceSegment.Summary evidence, string bureau, string party, DateTimeOffset now)
    {
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = ManifestFormat, bureau, party, exportedAtUtc = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            files = items.Select(i => new { name = i.FileName, sha256 = i.Sha256, bytes = i.Content.Length }),
            evidence = new { file = EvidenceName, from = evidence.From, to = evidence.To, head = evidence.Head, caseEntries = evidence.CaseEntries },
        }, Json);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            foreach (var (name, content) in items.Select(i => (i.FileName, i.Content)).Append((ManifestName, manifest)))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = now.ToOffset(LegalDates.Beijing);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }
}
