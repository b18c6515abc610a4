using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Certificates;
using Ses.Service.Calendar;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Notifications;
using Ses.Service.Signing;

namespace Ses.Service.Delivery;

/// <summary>
/// The delivery certificate (送达证明) of one delivery: what was served (number, title, the signed PDF's SHA-256), to
/// whom and which accounts, every evidence entry with its time in UTC and Beijing time, the rule that fixed the
/// delivery date with the calendar data used, and the deadlines that follow — signed and timestamped like any
/// document of the bureau.
/// </summary>
public sealed class DeliveryCertificates(SesDbContext db, DocumentEngine engine, CalendarStore calendars, SigningContext signing, TimeProvider time)
{
    /// <summary>The evidence actions in Chinese (the certificate and the pages).</summary>
    internal static readonly Dictionary<string, string> Labels = new()
    {
        ["issued"] = "签发", ["served"] = "送达至账户", ["notified"] = "通知已发送", ["notification-failed"] = "通知失败",
        ["notification-recorded"] = OutboxSmsGateway.RecordedLabel, ["reminder-scheduled"] = "视为送达前提醒",
        ["opened"] = "查看", ["downloaded"] = "下载", ["confirmed"] = "确认收讫", ["deemed"] = "视为送达",
        ["deemed-recomputed"] = "重算视为送达日",
        ["paper-recorded"] = "纸质送达登记", ["voided"] = "作废",
    };

    /// <summary>
    /// The signed certificate PDF of a delivery of the bureau with the name to save it under (the document's number), or
    /// null when there is no such delivery.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)?> ExportAsync(Guid deliveryId, string bureau, CancellationToken ct)
    {
        var record = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.Bureau == bureau, ct);
        if (record is null) return null;
        var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == record.DocumentId, ct);
        var counterparty = await db.Counterparties.AsNoTracking().SingleAsync(c => c.Id == record.CounterpartyId, ct);
        var entries = await db.EvidenceEntries.AsNoTracking().Where(e => e.DocumentId == document.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var head = await db.EvidenceEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstAsync(ct);
        var calendar = await calendars.CurrentAsync(ct);

        // The accounts the document entered when it was served (as the serving entry recorded them).
        var served = entries.FirstOrDefault(e => e.Action == "served");
        var names = served is null
            ? []
            : (EvidenceTexts.Facts(served.Detail).GetValueOrDefault("accounts") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var departments = await db.CounterpartyAccounts.AsNoTracking()
            .Where(a => names.Contains(a.UserName))
            .ToDictionaryAsync(a => a.UserName, a => a.Department, ct);

        var deadlines = record.DeliveredOn is { } on && document.VoidedAt is null
            ? Deadlines.For(engine.Templates.FindForm(document.FormId), document.DataJson, on, calendar)
            : [];
        var letter = record.ConsentLetterId is { } letterId ? await db.ConsentLetters.AsNoTracking().SingleAsync(l => l.Id == letterId, ct) : null;
        var data = new DeliveryCertificateData(
            document.Bureau, time.GetUtcNow(), document.Number, Title(document.FormId),
            document.PdfSha256, document.IssuedAt, counterparty.Name, $"{IdSchemes.Label(counterparty.IdScheme)} {counterparty.IdValue}",
            [.. names.Select(n => new RecipientAccount(n, departments.GetValueOrDefault(n, "")))],
            EvidenceTexts.Mode(DeliveryService.ModeName(record))!,
            [.. entries.Select(e =>
                new DeliveryEvent(e.Event, EvidenceTexts.Label(e), e.At, EvidenceTexts.Actor(e.Actor), EvidenceTexts.Detail(e, Title), e.Hash))],
            new DeliveryOutcome(record.DeliveredOn, DeliveryRuleText.Of(record, calendar),
                record.DeemedProvisional && record.DeliveryRule is null or DeliveryRules.Deemed),
            [.. deadlines.Select(d => new DeliveryDeadline(d.Name, d.LastDay, d.Basis, d.Provisional))],
            head,
            letter is null ? null : new ConsentBasis(letter.SignedOn, letter.FileSha256, letter.VerifiedAt, EvidenceTexts.Actor(letter.VerifiedBy)));
        var pdf = engine.RenderDeliveryCertificate(data, signing.Require(engine.Templates.FindBureau(document.Bureau)
            ?? throw new InvalidOperationException($"bureau '{document.Bureau}' has no profile in the templates")), time.GetUtcNow());
        return (pdf, DownloadNames.Certificate(document.Number));
    }

    private string Title(string formId) => engine.Templates.FindForm(formId)?.Title ?? "（表单已不存在）";
}
