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
        app.MapGroup("/api/documents").WithTags("Delivery").RequireAuthorization(AuthSetup.OfficerPolicy).RequirePasswordChanged()
            .MapPost("/{id:guid}/serve", Serve).WithName("ServeDocument")
            .WithSummary("Serve an issued document on its counterparty: mode electronic, paper or both (important forms: both)");

        var staff = app.MapGroup("/api/deliveries").WithTags("Delivery").RequireAuthorization(AuthSetup.StaffPolicy).RequirePasswordChanged();
        staff.MapGet("/", Search).WithName("SearchDeliveries").WithSummary("Search by number, counterparty (name or id) and serving date range (Beijing dates)");
        staff.MapGet("/{id:guid}", Get).WithName("GetDelivery").WithSummary("The delivery with its evidence timeline and deadlines");
        staff.MapPost("/{id:guid}/paper", RecordPaper).WithName("RecordPaperDelivery").WithSummary("Record the paper delivery with its receipt scan")
            .RequireAuthorization(AuthSetup.OfficerPolicy);
        staff.MapGet("/{id:guid}/receipt", Receipt).WithName("GetPaperReceipt");
        staff.MapGet("/{id:guid}/certificate", Certificate).WithName("DeliveryCertificate")
            .WithSummary("The delivery certificate (送达证明) as a signed, timestamped PDF");

        var my = app.MapGroup("/api/my/deliveries").WithTags("Counterparty account").RequireAuthorization(AuthSetup.AccountPolicy).RequirePasswordChanged();
        my.MapGet("/", Inbox).WithName("Inbox").WithSummary("Documents served on the account's counterparty: new, opened, confirmed, deemed");
        my.MapGet("/{id:guid}", MyDelivery).WithName("MyDelivery");
        my.MapGet("/{id:guid}/pdf", MyPdf).WithName("MyDeliveryPdf").WithSummary("The signed PDF: ?view=true opens it inline, else a download; both are recorded");
        my.MapPost("/{id:guid}/confirm", Confirm).WithName("ConfirmReceipt").WithSummary("确认收讫: once, final, recorded with the account and the time");

        // Alerts are server-wide (e.g. a calendar year missing): bureau administrators and the system administrator.
        var alerts = app.MapGroup("/api/admin/alerts").WithTags("Administration")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(SesClaims.Kind, SesClaims.StaffKind).RequireRole(StaffRole.Admin, StaffRole.SystemAdmin))
            .RequirePasswordChanged();
        alerts.MapGet("/", ListAlerts).WithName("AdminAlerts");
        alerts.MapPost("/{id:long}/acknowledge", Acknowledge).WithName("AcknowledgeAlert");
        return app;
    }

    private static IResult Refused(DeliveryException e) =>
        e.Problems.Count > 0 ? ApiProblems.Invalid(e.Problems)
        : e.Status == 404 ? TypedResults.NotFound()
        : ApiProblems.Of(e.Status, e.Code, e.Message);

    private static async Task<IResult> Serve(Guid id, ServeRequest? request, DeliveryService service, DeliveryQueries queries, HttpContext http)
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
            return TypedResults.Created($"/api/deliveries/{record.Id}", await queries.ViewAsync(record, staff: true, http.RequestAborted));
        }
        catch (DeliveryException e)
        {
            return Refused(e);
        }
    }

    private static async Task<Results<Ok<DeliveryView>, NotFound>> Get(Guid id, DeliveryQueries queries, HttpContext http) =>
        await queries.OfBureauAsync(id, http.User.StaffBureau(), http.RequestAborted) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<IResult> Search(DeliveryQueries queries, HttpContext http,
        string? number = null, string? counterparty = null, string? from = null, string? to = null)
    {
        var problems = new List<Ses.Documents.Validation.Problem>();
        var fromDate = Date(from, "from", "起始日期");
        var toDate = Date(to, "to", "截止日期");
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        return TypedResults.Ok(await queries.SearchAsync(http.User.StaffBureau(), new DeliverySearch(number, counterparty, fromDate, toDate), http.RequestAborted));

        DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add(new(field, "field.date", $"「{label}」应为日期 YYYY-MM-DD"));
            return null;
        }
    }

    private static async Task<IResult> RecordPaper(Guid id, PaperRequest request, DeliveryService service, DeliveryQueries queries, HttpContext http)
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
            return TypedResults.Ok(await queries.ViewAsync(record, staff: true, http.RequestAborted));
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
            var certificate = await certificates.ExportAsync(id, http.User.StaffBureau(), http.RequestAborted);
            return certificate is not { } c ? TypedResults.NotFound() : TypedResults.File(c.Pdf, "application/pdf", c.FileName);
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

    private static async Task<Ok<List<DeliveryView>>> Inbox(DeliveryQueries queries, HttpContext http) =>
        TypedResults.Ok(await queries.InboxAsync(http.User.AccountCounterparty(), http.RequestAborted));

    private static async Task<Results<Ok<DeliveryView>, NotFound>> MyDelivery(Guid id, DeliveryService service, DeliveryQueries queries, HttpContext http) =>
        await service.OfAccountAsync(id, http.User.AccountCounterparty(), http.RequestAborted) is { } r
            ? TypedResults.Ok(await queries.ViewAsync(r, staff: false, http.RequestAborted))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> MyPdf(Guid id, DeliveryService service, HttpContext http, bool view = false)
    {
        var read = await service.ReadAsync(id, http.User.AccountCounterparty(), http.User.UserName(), download: !view, http.RequestAborted);
        if (read is not { } r) return TypedResults.NotFound();
        // File names carry the document id, never the number or party (no personal data in URLs or names).
        return view
            ? TypedResults.File(r.Pdf, "application/pdf")
            : TypedResults.File(r.Pdf, "application/pdf", Http.DownloadNames.Document(r.Document.Number, ".pdf"));
    }

    private static async Task<IResult> Confirm(Guid id, DeliveryService service, DeliveryQueries queries, HttpContext http)
    {
        try
        {
            var record = await service.ConfirmAsync(id, http.User.AccountCounterparty(), http.User.UserId(), http.User.UserName(), http.RequestAborted);
            return record is null ? TypedResults.NotFound() : TypedResults.Ok(await queries.ViewAsync(record, staff: false, http.RequestAborted));
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
