using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Delivery;

/// <summary>Serving and the delivery record (staff of the serving bureau) and the counterparty's inbox (its accounts).</summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/documents").WithTags("Delivery").RequireAuthorization(AuthSetup.OfficerPolicy).RequireActive().RequirePasswordChanged()
            .MapPost("/{id:guid}/serve", Serve).WithName("ServeDocument")
            .WithSummary("Serve an issued document on its counterparty: mode electronic, paper or both (important forms: both)");

        var staff = app.MapGroup("/api/deliveries").WithTags("Delivery").RequireAuthorization(AuthSetup.StaffPolicy).RequireActive().RequirePasswordChanged();
        staff.MapGet("/", Search).WithName("SearchDeliveries").WithSummary("Search by number, counterparty (name or id) and serving date range (Beijing dates)");
        staff.MapGet("/{id:guid}", Get).WithName("GetDelivery").WithSummary("The delivery with its evidence timeline and deadlines");
        staff.MapPost("/{id:guid}/paper", RecordPaper).WithName("RecordPaperDelivery").WithSummary("Record the paper delivery with its receipt scan")
            .RequireAuthorization(AuthSetup.OfficerPolicy);
        staff.MapGet("/{id:guid}/receipt", Receipt).WithName("GetPaperReceipt");
        staff.MapGet("/{id:guid}/certificate", Certificate).WithName("DeliveryCertificate")
            .WithSummary("The delivery certificate (送达证明) as a signed, timestamped PDF");

        var my = app.MapGroup("/api/my/deliveries").WithTags("Counterparty account").RequireAuthorization(AuthSetup.AccountPolicy).RequireActive().RequirePasswordChanged();
        my.MapGet("/", Inbox).WithName("Inbox").WithSummary("Documents served on the account's counterparty: new, opened, confirmed, deemed");
        my.MapGet("/{id:guid}", MyDelivery).WithName("MyDelivery");
        my.MapGet("/{id:guid}/pdf", MyPdf).WithName("MyDeliveryPdf").WithSummary("The signed PDF: ?view=true opens it inline, else a download; both are recorded");
        my.MapPost("/{id:guid}/confirm", Confirm).WithName("ConfirmReceipt").WithSummary("确认收讫: once, final, recorded with the account and the time");

        var alerts = app.MapGroup("/api/admin/alerts").WithTags("Administration").RequireAuthorization(AuthSetup.AdminPolicy).RequirePasswordChanged();
        alerts.MapGet("/", ListAlerts).WithName("AdminAlerts");
        alerts.MapPost("/{id:long}/acknowledge", Acknowledge).WithName("AcknowledgeAlert");
        return app;
    }

    private static IResult Refused(DeliveryException e) =>
        e.Problems.Count > 0 ? ApiProblems.Invalid(e.Problems)
        : e.Status == 404 ? TypedResults.NotFound()
        : ApiProblems.Of(e.Status, e.Code, e.Message);

    private static async Task<IResult> Serve(Guid id, ServeRequest? request, DeliveryService service, SesDbContext db, DocumentEngine engine,
        CalendarStore calendars, HttpContext http)
    {
        ServiceMode? mode = null;
        if (!string.IsNullOrEmpty(request?.Mode))
        {
            if (!Enum.TryParse<ServiceMode>(request.Mode, ignoreCase: true, out var m) || int.TryParse(request.Mode, out _))
            {
                return ApiProblems.Invalid([new("mode", "field.choice", "「送达方式」应为 electronic（电子送达）、paper（纸质送达）或 both（两者）")]);
            }
            mode = m;
        }
        try
        {
            var record = await service.ServeAsync(id, http.User.StaffBureau(), mode, http.User.UserName(), http.RequestAborted);
            return TypedResults.Created($"/api/deliveries/{record.Id}", await ViewAsync(db, engine, calendars, record, staff: true, http.RequestAborted));
        }
        catch (DeliveryException e)
        {
            return Refused(e);
        }
    }

    private static async Task<DeliveryView> ViewAsync(SesDbContext db, DocumentEngine engine, CalendarStore calendars, DeliveryRecord r, bool staff,
        CancellationToken ct, bool timeline = false)
    {
        var d = await db.IssuedDocuments.AsNoTracking().SingleAsync(x => x.Id == r.DocumentId, ct);
        var events = timeline ? await db.EvidenceEntries.AsNoTracking().Where(e => e.DocumentId == d.Id).OrderBy(e => e.Sequence).ToListAsync(ct) : null;
        return DeliveryView.From(r, d, engine.Templates.FindForm(d.FormId)?.Title ?? d.FormId, await calendars.CurrentAsync(ct), staff, events);
    }

    private static async Task<Results<Ok<DeliveryView>, NotFound>> Get(Guid id, SesDbContext db, DocumentEngine engine, CalendarStore calendars, HttpContext http)
    {
        var r = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Bureau == http.User.StaffBureau(), http.RequestAborted);
        return r is null ? TypedResults.NotFound() : TypedResults.Ok(await ViewAsync(db, engine, calendars, r, staff: true, http.RequestAborted, timeline: true));
    }

    private static async Task<IResult> Search(SesDbContext db, DocumentEngine engine, CalendarStore calendars, HttpContext http,
        string? number = null, string? counterparty = null, string? from = null, string? to = null)
    {
        var problems = new List<Ses.Documents.Validation.Problem>();
        var fromDate = Date(from, "from", "起始日期");
        var toDate = Date(to, "to", "截止日期");
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        var bureau = http.User.StaffBureau();
        var query = db.Deliveries.AsNoTracking().Where(d => d.Bureau == bureau);
        if (!string.IsNullOrWhiteSpace(number))
        {
            var n = number.Trim();
            var ids = db.IssuedDocuments.Where(x => x.Bureau == bureau && x.Number.Contains(n)).Select(x => x.Id);
            query = query.Where(d => ids.Contains(d.DocumentId));
        }
        if (!string.IsNullOrWhiteSpace(counterparty))
        {
            var c = counterparty.Trim();
            var ids = Guid.TryParse(c, out var g)
                ? db.Counterparties.Where(x => x.Id == g).Select(x => x.Id)
                : db.Counterparties.Where(x => x.Name.Contains(c) || x.IdValue == c).Select(x => x.Id);
            query = query.Where(d => ids.Contains(d.CounterpartyId));
        }
        // Dates are Beijing calendar dates: [from 00:00, to+1 00:00) at UTC+8.
        if (fromDate is { } f) { var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), LegalDates.Beijing).ToUniversalTime(); query = query.Where(d => d.ServedAt >= start); }
        if (toDate is { } t) { var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), LegalDates.Beijing).ToUniversalTime(); query = query.Where(d => d.ServedAt < end); }
        var records = await query.OrderByDescending(d => d.ServedAt).Take(500).ToListAsync(http.RequestAborted);
        var calendar = await calendars.CurrentAsync(http.RequestAborted);
        var docIds = records.Select(r => r.DocumentId).ToList();
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => docIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, http.RequestAborted);
        return TypedResults.Ok(records.Select(r => DeliveryView.From(r, documents[r.DocumentId],
            engine.Templates.FindForm(documents[r.DocumentId].FormId)?.Title ?? "", calendar, staff: true)).ToList());

        DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add(new(field, "field.date", $"「{label}」应为日期 YYYY-MM-DD"));
            return null;
        }
    }

    private static async Task<IResult> RecordPaper(Guid id, PaperRequest request, DeliveryService service, SesDbContext db, DocumentEngine engine,
        CalendarStore calendars, HttpContext http)
    {
        byte[]? receipt = null;
        if (!string.IsNullOrEmpty(request.ReceiptBase64))
        {
            try
            {
                receipt = Convert.FromBase64String(request.ReceiptBase64);
            }
            catch (FormatException)
            {
                return ApiProblems.Invalid([new("receiptBase64", "field.base64", "「送达回证扫描件」应为 base64 编码的文件内容")]);
            }
        }
        try
        {
            var record = await service.RecordPaperAsync(id, http.User.StaffBureau(),
                new PaperDeliveryInput(request.DeliveredOn, request.Method, request.TrackingNumber, request.SignedBy, receipt, request.ReceiptName),
                http.User.UserName(), http.RequestAborted);
            return TypedResults.Ok(await ViewAsync(db, engine, calendars, record, staff: true, http.RequestAborted));
        }
        catch (DeliveryException e)
        {
            return Refused(e);
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Receipt(Guid id, SesDbContext db, IFileStore files, HttpContext http)
    {
        var r = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Bureau == http.User.StaffBureau(), http.RequestAborted);
        if (r?.PaperReceiptSha256 is null || await files.GetAsync(r.PaperReceiptSha256, http.RequestAborted) is not { } bytes) return TypedResults.NotFound();
        return TypedResults.File(bytes, DeliveryService.ReceiptType(bytes) ?? "application/octet-stream", r.PaperReceiptName);
    }

    private static async Task<IResult> Certificate(Guid id, DeliveryCertificates certificates, HttpContext http)
    {
        try
        {
            var pdf = await certificates.ExportAsync(id, http.User.StaffBureau(), http.RequestAborted);
            return pdf is null ? TypedResults.NotFound() : TypedResults.File(pdf, "application/pdf", $"delivery-certificate-{id}.pdf");
        }
        catch (Ses.Documents.Signing.Crypto.TimestampException)
        {
            return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "tsa.unavailable", "时间戳服务不可用，送达证明未生成");
        }
        catch (Ses.Documents.Validation.FormValidationException e)
        {
            // Recorded values the certificate cannot print (e.g. a character no font has): named, not a crash.
            return ApiProblems.Invalid(e.Problems);
        }
    }

    private static async Task<Ok<List<DeliveryView>>> Inbox(SesDbContext db, DocumentEngine engine, CalendarStore calendars, HttpContext http)
    {
        var counterparty = http.User.AccountCounterparty();
        var records = await db.Deliveries.AsNoTracking().Where(d => d.CounterpartyId == counterparty && d.Electronic)
            .OrderByDescending(d => d.ServedAt).ToListAsync(http.RequestAborted);
        var ids = records.Select(r => r.DocumentId).ToList();
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, http.RequestAborted);
        var calendar = await calendars.CurrentAsync(http.RequestAborted);
        return TypedResults.Ok(records.Select(r => DeliveryView.From(r, documents[r.DocumentId],
            engine.Templates.FindForm(documents[r.DocumentId].FormId)?.Title ?? "", calendar, staff: false)).ToList());
    }

    private static async Task<Results<Ok<DeliveryView>, NotFound>> MyDelivery(Guid id, DeliveryService service, SesDbContext db, DocumentEngine engine,
        CalendarStore calendars, HttpContext http) =>
        await service.OfAccountAsync(id, http.User.AccountCounterparty(), http.RequestAborted) is { } r
            ? TypedResults.Ok(await ViewAsync(db, engine, calendars, r, staff: false, http.RequestAborted))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> MyPdf(Guid id, DeliveryService service, HttpContext http, bool view = false)
    {
        var read = await service.ReadAsync(id, http.User.AccountCounterparty(), http.User.UserName(), download: !view, http.RequestAborted);
        if (read is not { } r) return TypedResults.NotFound();
        // File names carry the document id, never the number or party (no personal data in URLs or names).
        return view
            ? TypedResults.File(r.Pdf, "application/pdf")
            : TypedResults.File(r.Pdf, "application/pdf", $"{r.Document.Id}.pdf");
    }

    private static async Task<IResult> Confirm(Guid id, DeliveryService service, SesDbContext db, DocumentEngine engine, CalendarStore calendars, HttpContext http)
    {
        try
        {
            var record = await service.ConfirmAsync(id, http.User.AccountCounterparty(), http.User.UserId(), http.User.UserName(), http.RequestAborted);
            return record is null ? TypedResults.NotFound() : TypedResults.Ok(await ViewAsync(db, engine, calendars, record, staff: false, http.RequestAborted));
        }
        catch (DeliveryException e)
        {
            return Refused(e);
        }
    }

    public sealed record AlertView(long Id, string Key, string Message, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

    private static async Task<Ok<List<AlertView>>> ListAlerts(SesDbContext db, HttpContext http) =>
        TypedResults.Ok((await db.AdminAlerts.AsNoTracking().ToListAsync(http.RequestAborted)).OrderByDescending(a => a.Id)
            .Select(a => new AlertView(a.Id, a.Key, a.Message, a.CreatedAt.ToOffset(LegalDates.Beijing), a.AcknowledgedAt?.ToOffset(LegalDates.Beijing), a.AcknowledgedBy))
            .ToList());

    private static async Task<Results<NoContent, NotFound>> Acknowledge(long id, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var alert = await db.AdminAlerts.SingleOrDefaultAsync(a => a.Id == id, http.RequestAborted);
        if (alert is null) return TypedResults.NotFound();
        alert.AcknowledgedAt ??= time.GetUtcNow();
        alert.AcknowledgedBy ??= http.User.UserName();
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }
}
