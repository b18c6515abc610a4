using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Templates;
using Ses.Documents.Validation;
using Ses.Service.Alerts;
using Ses.Service.Calendar;
using Ses.Service.Consent;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Http;
using Ses.Service.Issuing;
using Ses.Service.Notifications;
using Ses.Service.Storage;

namespace Ses.Service.Delivery;

/// <summary>How an officer serves a document.</summary>
public enum ServiceMode
{
    Electronic,
    Paper,
    Both,
}

/// <summary>The paper delivery as the officer records it.</summary>
public sealed record PaperDeliveryInput(DateOnly? DeliveredOn, string? Method, string? TrackingNumber, string? SignedBy, byte[]? Receipt, string? ReceiptName);

/// <summary>
/// Serving, the counterparty's reading and confirming, paper delivery and deemed delivery. Every change of a delivery
/// is taken under the evidence lock (<see cref="EvidenceLog.WriteAsync{T}"/>) together with its evidence entry, so a
/// confirmation and the job deciding "deemed" never both win, and the log records exactly what the data says.
/// </summary>
public sealed class DeliveryService(SesDbContext db, DocumentEngine engine, CalendarStore calendars, IFileStore files, TimeProvider time,
    NotificationOutbox outbox, ConsentLetters consent, ILogger<DeliveryService> log)
{
    public const int MaxReceiptBytes = 10 * 1024 * 1024;

    public async Task<(DeliveryRecord? Delivery, Refusal? Refused)> ServeAsync(Guid documentId, string bureau, ServiceMode? requested, string officer,
        CancellationToken ct)
    {
        var (read, refused) = await ReadForServiceAsync(documentId, bureau, requested, ct);
        if (refused is not null) return (null, refused);
        var (document, form, mode, service, accounts, party, calendar) = read!;
        var electronic = mode != ServiceMode.Paper;
        var letter = electronic ? service.Letter : null;
        var now = time.GetUtcNow();
        var deemed = electronic ? LegalDates.DeemedDelivery(now, calendar) : null;
        var counterpartyId = document.CounterpartyId!.Value;
        try
        {
            return await EvidenceLog.WriteAsync(db, async chain =>
            {
                var record = new DeliveryRecord
                {
                    Id = Guid.CreateVersion7(now), DocumentId = documentId, CounterpartyId = counterpartyId, Bureau = bureau,
                    Electronic = electronic, Paper = mode != ServiceMode.Electronic, ServedAt = now, ServedBy = officer,
                    DeemedOn = deemed?.Date, DeemedProvisional = deemed?.Provisional == true, Version = 1,
                    ConsentLetterId = letter?.Id, PaperOnlyReason = service.Possible ? null : service.Reason,
                };
                db.Deliveries.Add(record);
                if (electronic)
                {
                    // Queued in this transaction: stored with the service record or not at all; sent later, and a failed
                    // sending never undoes or delays the service (the dispatcher retries and records each attempt).
                    outbox.EnqueueForCounterparty(party!, NotificationKind.Served,
                        DeliveryNotices.Served(document, form?.Title ?? document.FormId, DeliveryNotices.BureauName(engine, bureau), record), record.Id);
                }
                await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, record.Id,
                    EvidenceEvents.ContentConsignment, "served", officer, now, new()
                {
                    ["mode"] = ModeName(record),
                    ["accounts"] = electronic ? string.Join(",", accounts) : null,
                    ["deemedOn"] = deemed?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["deemedRule"] = deemed?.Rule,
                    ["provisional"] = deemed?.Provisional == true ? "true" : null,
                    ["consentLetter"] = letter?.FileSha256,
                    ["consentSignedOn"] = letter?.SignedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["paperOnly"] = record.PaperOnlyReason,
                }), ct);
                if (deemed?.Provisional == true) await AdminAlerts.MissingYearsAsync(db, calendar, LegalDates.BeijingDate(now), deemed.Date, now, log, ct);
                return ((DeliveryRecord?)record, (Refusal?)null);
            }, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another officer served it between the check and the insert: the unique index on the document says so.
            db.ChangeTracker.Clear();
            return (null, AlreadyServed);
        }
    }

    /// <summary>What serving reads before the write lock, on one connection.</summary>
    private sealed record ServiceReading(IssuedDocument Document, FormTemplate? Form, ServiceMode Mode, ElectronicService Service,
        List<string> Accounts, Counterparty? Party, HolidayCalendar Calendar);

    /// <summary>
    /// Reads before the write lock, so the lock is held only for the writing: a document served meanwhile is refused by
    /// the unique index on the delivery's document, and the notice goes to the contacts as read here. The reads share one
    /// connection (opened once instead of once a query) unless the caller holds one open already.
    /// </summary>
    private async Task<(ServiceReading? Read, Refusal? Refused)> ReadForServiceAsync(Guid documentId, string bureau, ServiceMode? requested,
        CancellationToken ct)
    {
        var opened = db.Database.GetDbConnection().State != ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var found = await DocumentToServe.For(db)(db, documentId, bureau, ct);
            if (found is null) return (null, Refusal.Unknown(ErrorCodes.DocumentUnknown, "没有这份文书"));
            var document = found.Document;
            if (document.VoidedAt is not null) return (null, Refusal.Conflict(ErrorCodes.DocumentVoided, "文书已作废，不能送达"));
            if (document.CounterpartyId is not { } counterpartyId)
            {
                return (null, Refusal.Invalid("counterpartyId", ErrorCodes.ServeNoCounterparty, "「相对人」：文书未指定已登记的相对人，不能送达"));
            }
            var form = engine.Templates.FindForm(document.FormId);
            var accounts = await ActiveAccountsAsync(counterpartyId, ct);
            var service = await consent.ElectronicServiceAsync(counterpartyId, accounts.Count > 0, ct);
            var (mode, problem) = Mode(service, requested, form?.Important == true);
            if (problem is not null) return (null, Refusal.Invalid([problem]));
            if (found.Served) return (null, AlreadyServed);
            var electronic = mode != ServiceMode.Paper;
            var party = electronic ? await PartyToServe.For(db)(db, counterpartyId, ct) : null;
            var calendar = await calendars.CurrentAsync(ct);
            return (new(document, form, mode, service, electronic ? accounts : [], party, calendar), null);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<string>> ActiveAccountsAsync(Guid counterpartyId, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var name in ActiveAccountNames.For(db)(db, counterpartyId).WithCancellation(ct)) names.Add(name);
        return names;
    }

    // The reads of every service, compiled (Data/CompiledPerModel).
    private sealed record FoundDocument(IssuedDocument Document, bool Served);

    private static readonly CompiledPerModel<Func<SesDbContext, Guid, string, CancellationToken, Task<FoundDocument?>>> DocumentToServe = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, Guid id, string bureau, CancellationToken ct) => db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Id == id && d.Bureau == bureau)
            .Select(d => new FoundDocument(d, db.Deliveries.Any(x => x.DocumentId == d.Id))).SingleOrDefault()));

    private static readonly CompiledPerModel<Func<SesDbContext, Guid, IAsyncEnumerable<string>>> ActiveAccountNames = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, Guid counterpartyId) =>
            db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == counterpartyId && a.Active).Select(a => a.UserName)));

    private static readonly CompiledPerModel<Func<SesDbContext, Guid, CancellationToken, Task<Counterparty>>> PartyToServe = new(() =>
        EF.CompileAsyncQuery((SesDbContext db, Guid id, CancellationToken ct) => db.Counterparties.AsNoTracking().Single(c => c.Id == id)));

    /// <summary>
    /// The mode a document is served in, checked before anything is issued or stored. Electronic service needs an active
    /// account and a verified confirmation letter (注册通知第二条第（三）项、第（四）项); without them the document is served on
    /// paper, which is the mode when none is asked for, and asking for electronic service is refused with the reason. With them,
    /// an important document is served both ways (确认函第一条), any other electronically unless asked otherwise.
    /// </summary>
    public async Task<(ServiceMode Mode, ElectronicService Electronic, Problem? Problem)> ModeAsync(Guid counterpartyId, ServiceMode? requested,
        bool important, CancellationToken ct)
    {
        var service = await consent.ElectronicServiceAsync(counterpartyId, ct);
        var (mode, problem) = Mode(service, requested, important);
        return (mode, service, problem);
    }

    private static (ServiceMode Mode, Problem? Problem) Mode(ElectronicService service, ServiceMode? requested, bool important)
    {
        if (!service.Possible)
        {
            return requested is null or ServiceMode.Paper
                ? (ServiceMode.Paper, null)
                : (requested.Value, new Problem("mode", service.Code!, $"「送达方式」：{service.Reason}"));
        }
        var mode = requested ?? (important ? ServiceMode.Both : ServiceMode.Electronic);
        return important && mode != ServiceMode.Both
            ? (mode, new Problem("mode", ErrorCodes.ServeImportantBoth,
                "「送达方式」：重要文书（如认定决定书）应当同时电子送达和纸质送达（《关于使用民航行业监管执法信息系统（SES）的确认函》第一条）"))
            : (mode, null);
    }

    /// <summary>A delivery of the account's own counterparty that was served electronically, else null.</summary>
    public Task<DeliveryRecord?> OfAccountAsync(Guid deliveryId, Guid counterpartyId, CancellationToken ct) =>
        db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.CounterpartyId == counterpartyId && d.Electronic, ct);

    /// <summary>The signed PDF for an account; records the open (viewing) or the download.</summary>
    public async Task<(IssuedDocument Document, byte[] Pdf)?> ReadAsync(
        Guid deliveryId, Guid counterpartyId, string account, bool download, CancellationToken ct)
    {
        if (await OfAccountAsync(deliveryId, counterpartyId, ct) is null) return null;
        var now = time.GetUtcNow();
        return await EvidenceLog.WriteAsync(db, async chain =>
        {
            var record = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, ct);
            var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == record.DocumentId, ct);
            var pdf = await files.GetAsync(document.PdfSha256, ct) ?? throw new InvalidOperationException($"stored PDF {document.PdfSha256} is missing");
            record.FirstOpenedAt ??= now;
            await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, record.Id,
                download ? EvidenceEvents.ContentHandover : EvidenceEvents.ContentAccessTracking,
                download ? "downloaded" : "opened", AccountActor(account), now, []), ct);
            return ((IssuedDocument, byte[])?)(document, pdf);
        }, ct);
    }

    /// <summary>
    /// 确认收讫, once per delivery and final. On or before the deemed date it fixes the electronic delivery date; after
    /// it, the document was already deemed delivered (marked now if the job has not yet) and the confirmation changes
    /// nothing but is recorded.
    /// </summary>
    public async Task<(DeliveryRecord? Delivery, Refusal? Refused)> ConfirmAsync(Guid deliveryId, Guid counterpartyId, Guid accountId, string account,
        CancellationToken ct)
    {
        if (await OfAccountAsync(deliveryId, counterpartyId, ct) is null) return (null, Refusal.NotFound);
        var now = time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var calendar = await calendars.CurrentAsync(ct);
        return await EvidenceLog.WriteAsync(db, async chain =>
        {
            var record = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, ct);
            if (record.ConfirmedAt is { } at)
            {
                return (null, Refusal.Conflict(ErrorCodes.DeliveryConfirmed,
                    $"已于北京时间 {at.ToOffset(LegalDates.Beijing):yyyy-MM-dd HH:mm} 由账号 {record.ConfirmedBy} 确认收讫，确认不可重复或撤回"));
            }
            var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == record.DocumentId, ct);
            if (document.VoidedAt is not null) return (null, Refusal.Conflict(ErrorCodes.DocumentVoided, "文书已作废，无需确认收讫"));
            if (record.ElectronicOn is null && record.DeemedOn is { } deemedOn && today > deemedOn)
            {
                await MarkDeemedAsync(chain, record, document, calendar, now, ct);
            }
            record.ConfirmedAt = now;
            record.ConfirmedByAccountId = accountId;
            record.ConfirmedBy = account;
            var effective = record.ElectronicOn is null;
            if (effective)
            {
                record.ElectronicOn = today;
                record.ElectronicRule = DeliveryRules.Confirmation;
                if (!record.Paper)
                {
                    record.DeliveredOn = today;
                    record.DeliveryRule = DeliveryRules.Confirmation;
                    record.DeliveryRuleText = DeliveryRuleText.Of(record, calendar);
                    await ProvisionalDeadlinesAsync(db, document, engine.Templates.FindForm(document.FormId), today, calendar, now, log, ct);
                }
            }
            record.Version++;
            await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, record.Id,
                EvidenceEvents.ConsignmentAcceptance, "confirmed", AccountActor(account), now, new()
            {
                ["account"] = account,
                ["effect"] = effective
                    ? record.Paper ? "确定电子送达日；送达日以纸质送达之日为准" : "确定送达日"
                    : $"已过视为送达日 {record.DeemedOn:yyyy-MM-dd}：仅记录，不改变送达日",
            }), ct);
            return ((DeliveryRecord?)record, (Refusal?)null);
        }, ct);
    }

    /// <summary>Records the paper delivery with its evidence; its date becomes the delivery date.</summary>
    public async Task<(DeliveryRecord? Delivery, Refusal? Refused)> RecordPaperAsync(Guid deliveryId, string bureau, PaperDeliveryInput input, string officer,
        CancellationToken ct)
    {
        var record0 = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.Bureau == bureau, ct);
        if (record0 is null) return (null, Refusal.Unknown(ErrorCodes.DeliveryUnknown, "没有这条送达记录"));
        if (!record0.Paper) return (null, Refusal.Conflict(ErrorCodes.DeliveryNotPaper, "该文书未采用纸质送达"));
        var now = time.GetUtcNow();
        var problems = new List<Problem>();
        var served = LegalDates.BeijingDate(record0.ServedAt);
        if (input.DeliveredOn is not { } on) problems.Add(new("deliveredOn", ErrorCodes.FieldRequired, "「送达日期」必须填写"));
        else if (on < served) problems.Add(new("deliveredOn", ErrorCodes.PaperBeforeServing, $"「送达日期」不能早于送达登记日 {served:yyyy-MM-dd}"));
        else if (on > LegalDates.BeijingDate(now)) problems.Add(new("deliveredOn", ErrorCodes.PaperFuture, "「送达日期」不能晚于今天（北京时间）"));
        Text("method", "送达方式", input.Method, 32, true);
        Text("trackingNumber", "邮件号", input.TrackingNumber, 64, false);
        Text("signedBy", "签收人", input.SignedBy, 64, true);
        if (input.Receipt is not { Length: > 0 } receipt) problems.Add(new("receipt", ErrorCodes.FieldRequired, "「送达回证扫描件」必须上传"));
        else if (receipt.Length > MaxReceiptBytes) problems.Add(new("receipt", ErrorCodes.PaperReceiptSize, "「送达回证扫描件」不能超过 10 MB"));
        else if (ReceiptType(receipt) is null) problems.Add(new("receipt", ErrorCodes.PaperReceiptType, "「送达回证扫描件」应为 PDF、JPEG 或 PNG 文件"));
        if (problems.Count > 0) return (null, Refusal.Invalid(problems));

        var calendar = await calendars.CurrentAsync(ct);
        var (sha, created) = await files.PutAsync(input.Receipt!, ct);
        try
        {
            (DeliveryRecord? Delivery, Refusal? Refused) recorded = await EvidenceLog.WriteAsync(db, async chain =>
            {
                var record = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, ct);
                if (record.PaperDeliveredOn is not null) return (null, Refusal.Conflict(ErrorCodes.PaperRecorded, "纸质送达已登记，不能重复登记"));
                var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == record.DocumentId, ct);
                record.PaperDeliveredOn = input.DeliveredOn;
                record.PaperMethod = input.Method!.Trim();
                record.PaperTrackingNumber = string.IsNullOrWhiteSpace(input.TrackingNumber) ? null : input.TrackingNumber.Trim();
                record.PaperSignedBy = input.SignedBy!.Trim();
                record.PaperReceiptSha256 = sha;
                record.PaperReceiptName = Path.GetFileName(input.ReceiptName ?? "receipt") is { Length: > 0 and <= 200 } n ? n : "receipt";
                record.PaperRecordedBy = officer;
                record.PaperRecordedAt = now;
                record.DeliveredOn = input.DeliveredOn;
                record.DeliveryRule = DeliveryRules.Paper;
                record.DeliveryRuleText = DeliveryRuleText.Of(record, calendar);
                await ProvisionalDeadlinesAsync(db, document, engine.Templates.FindForm(document.FormId), input.DeliveredOn!.Value, calendar, now, log, ct);
                record.Version++;
                await chain.AppendAsync(EvidenceEntries.ForDocument(document.Number, document.PdfSha256, document.Id, record.Id,
                    EvidenceEvents.PaperDelivery, "paper-recorded", officer, now, new()
                {
                    ["deliveredOn"] = input.DeliveredOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["method"] = record.PaperMethod,
                    ["trackingNumber"] = record.PaperTrackingNumber,
                    ["signedBy"] = record.PaperSignedBy,
                    ["receiptSha256"] = sha,
                }), ct);
                return ((DeliveryRecord?)record, (Refusal?)null);
            }, ct);
            if (recorded.Refused is not null) Forget();
            return recorded;
        }
        catch
        {
            Forget();
            throw;
        }

        void Forget()
        {
            db.ChangeTracker.Clear();
            if (created) files.Forget(sha);
        }

        void Text(string field, string label, string? value, int max, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required) problems.Add(new(field, ErrorCodes.FieldRequired, $"「{label}」必须填写"));
            }
            // Printed on the delivery certificate: checked as entered, with the rules printing applies.
            else if (EntryChecks.Text(engine, field, label, value, max, lineBreaks: false) is { } p)
            {
                problems.Add(p);
            }
        }
    }

    /// <summary>The content type of a receipt scan by its first bytes, or null.</summary>
    public static string? ReceiptType(byte[] b) =>
        b.AsSpan().StartsWith("%PDF-"u8) ? "application/pdf"
        : b.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : b.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) ? "image/png"
        : null;

    /// <summary>Marks an unconfirmed electronic delivery deemed delivered on its deemed date.</summary>
    internal static Task MarkDeemedAsync(EvidenceChain chain, DeliveryRecord record, IssuedDocument document, HolidayCalendar calendar,
        DateTimeOffset now, CancellationToken ct) => chain.AppendAsync(Deem(record, document.Number, document.PdfSha256, calendar, now), ct);

    /// <summary>
    /// Marks <paramref name="record"/> deemed delivered (确认函第二条第四项) in memory and states the evidence of it: the one
    /// rule the job and a late confirmation both apply.
    /// </summary>
    internal static EvidenceFacts Deem(DeliveryRecord record, string number, string pdfSha256, HolidayCalendar calendar, DateTimeOffset now)
    {
        var deemed = LegalDates.DeemedDelivery(record.ServedAt, calendar);
        record.ElectronicOn = deemed.Date;
        record.ElectronicRule = DeliveryRules.Deemed;
        record.DeemedAt = now;
        if (!record.Paper)
        {
            record.DeliveredOn = deemed.Date;
            record.DeliveryRule = DeliveryRules.Deemed;
            record.DeliveryRuleText = DeliveryRuleText.Of(record, calendar);
        }
        record.Version++;
        return EvidenceEntries.ForDocument(number, pdfSha256, record.DocumentId, record.Id,
            EvidenceEvents.AcceptanceRejectionExpiry, "deemed", "job", now, new()
        {
            ["deemedOn"] = deemed.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["rule"] = deemed.Rule,
            ["provisional"] = deemed.Provisional ? "true" : null,
            ["paperPending"] = record.Paper && record.PaperDeliveredOn is null ? "true" : null,
        });
    }

    /// <summary>Once a delivery date is fixed: alerts for the years its provisional deadlines reach.</summary>
    internal static async Task ProvisionalDeadlinesAsync(SesDbContext db, IssuedDocument document, FormTemplate? form, DateOnly delivered,
        HolidayCalendar calendar, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        if (ProvisionalReach(document.DataJson, form, delivered, calendar) is { } last)
        {
            await AdminAlerts.MissingYearsAsync(db, calendar, delivered, last, now, log, ct);
        }
    }

    /// <summary>The last day of the latest provisional deadline the delivery opens, or null when none is provisional.</summary>
    internal static DateOnly? ProvisionalReach(string dataJson, FormTemplate? form, DateOnly delivered, HolidayCalendar calendar)
    {
        var provisional = Deadlines.For(form, dataJson, delivered, calendar).Where(d => d.Provisional).ToList();
        return provisional.Count > 0 ? provisional.Max(d => d.LastDay) : null;
    }

    public static string ModeName(DeliveryRecord r) => (r.Electronic, r.Paper) switch
    {
        (true, true) => "both",
        (true, false) => "electronic",
        _ => "paper",
    };

    private static string AccountActor(string account) => "account:" + account;

    private static readonly Refusal AlreadyServed = Refusal.Conflict(ErrorCodes.DeliveryExists, "文书已送达，不能重复送达");
}
