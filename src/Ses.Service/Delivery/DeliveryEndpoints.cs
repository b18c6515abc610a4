using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Http;
using Ses.Service.Idempotency;

namespace Ses.Service.Delivery;

/// <summary>Serving and the delivery record (staff of the serving bureau) and the counterparty's inbox (its accounts).</summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        app.MapStaffGroup("/api/documents", AuthSetup.OfficerPolicy).WithTags("Delivery")
            .MapPost("/{id:guid}/serve", Serve).WithName("ServeDocument")
            .WithSummary("Serve an issued document on its counterparty: mode electronic, paper or both (important forms: both)")
            .WithIdempotency().ProducesProblem(StatusCodes.Status409Conflict);

        var staff = app.MapStaffGroup("/api/deliveries").WithTags("Delivery");
        staff.MapGet("/", Search).WithName("SearchDeliveries")
            .WithSummary("Search by number, counterparty (name or id) and serving date range (Beijing dates)");
        staff.MapGet("/{id:guid}", Get).WithName("GetDelivery").WithSummary("The delivery with its evidence timeline and deadlines");
        staff.MapPost("/{id:guid}/paper", RecordPaper).WithName("RecordPaperDelivery").WithSummary("Record the paper delivery with its receipt scan")
            .RequireAuthorization(AuthSetup.OfficerPolicy).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapGet("/{id:guid}/receipt", Receipt).WithName("GetPaperReceipt")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf", "image/jpeg", "image/png");
        staff.MapGet("/{id:guid}/certificate", Certificate).WithName("DeliveryCertificate")
            .WithSummary("The delivery certificate (送达证明) as a signed, timestamped PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var my = app.MapAccountGroup("/api/my/deliveries").WithTags("Counterparty account");
        my.MapGet("/", Inbox).WithName("Inbox").WithSummary("Documents served on the account's counterparty: new, opened, confirmed, deemed");
        my.MapGet("/{id:guid}", MyDelivery).WithName("MyDelivery");
        my.MapGet("/{id:guid}/pdf", MyPdf).WithName("MyDeliveryPdf")
            .WithSummary("The signed PDF: ?view=true opens it inline, else a download; both are recorded")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        my.MapPost("/{id:guid}/confirm", Confirm).WithName("ConfirmReceipt").WithSummary("确认收讫: once, final, recorded with the account and the time")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<DeliveryView>, ValidationProblem, NotFound, ProblemHttpResult>> Serve(
        Guid id, ServeRequest? request, DeliveryService service, DeliveryQueries queries, [AsParameters] StaffCaller caller)
    {
        ServiceMode? mode = null;
        if (!string.IsNullOrEmpty(request?.Mode))
        {
            if (!Enum.TryParse<ServiceMode>(request.Mode, ignoreCase: true, out var m) || int.TryParse(request.Mode, out _))
            {
                return ApiProblems.Invalid([new("mode", ErrorCodes.FieldChoiceUnknown, "「送达方式」应为 electronic（电子送达）、paper（纸质送达）或 both（两者）")]);
            }
            mode = m;
        }
        var (record, refused) = await service.ServeAsync(id, caller.Bureau, mode, caller.UserName, caller.RequestAborted);
        return record is null
            ? ApiProblems.From<Created<DeliveryView>>(refused!)
            : TypedResults.Created($"/api/deliveries/{record.Id}", await queries.ViewAsync(record, staff: true, caller.RequestAborted));
    }

    private static async Task<Results<Ok<DeliveryView>, NotFound>> Get(Guid id, DeliveryQueries queries, [AsParameters] StaffCaller caller) =>
        // Legal staff prove the chain and get its facts as hashed; other staff see where notices went, not the contacts.
        await queries.OfBureauAsync(id, caller.Bureau, caller.RequestAborted, evidenceInFull: caller.IsInRole(StaffRole.Legal)) is { } view
            ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<DeliveryView>>, ValidationProblem>> Search(DeliveryQueries queries, [AsParameters] StaffCaller caller,
        string? number = null, string? counterparty = null, string? from = null, string? to = null)
    {
        var problems = new List<Problem>();
        var fromDate = Date(from, "from", "起始日期");
        var toDate = Date(to, "to", "截止日期");
        if (problems.Count > 0) return ApiProblems.Invalid(problems);
        return TypedResults.Ok(await queries.SearchAsync(caller.Bureau, new DeliverySearch(number, counterparty, fromDate, toDate), caller.RequestAborted));

        DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add(new(field, ErrorCodes.FieldDateFormat, $"「{label}」应为日期 YYYY-MM-DD"));
            return null;
        }
    }

    private static async Task<Results<Ok<DeliveryView>, ValidationProblem, NotFound, ProblemHttpResult>> RecordPaper(
        Guid id, PaperRequest request, DeliveryService service, DeliveryQueries queries, [AsParameters] StaffCaller caller)
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
                return ApiProblems.Invalid([new("receiptBase64", ErrorCodes.FieldBase64, "「送达回证扫描件」应为 base64 编码的文件内容")]);
            }
        }
        var (record, refused) = await service.RecordPaperAsync(id, caller.Bureau,
            new PaperDeliveryInput(request.DeliveredOn, request.Method, request.TrackingNumber, request.SignedBy, receipt, request.ReceiptName),
            caller.UserName, caller.RequestAborted);
        return record is null
            ? ApiProblems.From<Ok<DeliveryView>>(refused!)
            : TypedResults.Ok(await queries.ViewAsync(record, staff: true, caller.RequestAborted));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Receipt(Guid id, DeliveryQueries queries, [AsParameters] StaffCaller caller) =>
        await queries.ReceiptAsync(id, caller.Bureau, caller.RequestAborted) is { } receipt
            ? TypedResults.File(receipt.Content, receipt.Type, receipt.Name)
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ProblemHttpResult>> Certificate(
        Guid id, DeliveryCertificates certificates, [AsParameters] StaffCaller caller)
    {
        try
        {
            var certificate = await certificates.ExportAsync(id, caller.Bureau, caller.RequestAborted);
            return certificate is not { } c ? TypedResults.NotFound() : TypedResults.File(c.Pdf, "application/pdf", c.FileName);
        }
        catch (TimestampException)
        {
            return ApiProblems.From<FileContentHttpResult>(Refusal.Unavailable(ErrorCodes.TsaUnavailable, "时间戳服务不可用，送达证明未生成"));
        }
        catch (FormValidationException e)
        {
            // Recorded values the certificate cannot print (e.g. a character no font has): named, not a crash.
            return ApiProblems.From<FileContentHttpResult>(Refusal.Invalid(e.Problems));
        }
    }

    private static async Task<Ok<List<DeliveryView>>> Inbox(DeliveryQueries queries, [AsParameters] AccountCaller caller) =>
        TypedResults.Ok(await queries.InboxAsync(caller.CounterpartyId, caller.RequestAborted));

    private static async Task<Results<Ok<DeliveryView>, NotFound>> MyDelivery(Guid id, DeliveryService service, DeliveryQueries queries,
        [AsParameters] AccountCaller caller) =>
        await service.OfAccountAsync(id, caller.CounterpartyId, caller.RequestAborted) is { } r
            ? TypedResults.Ok(await queries.ViewAsync(r, staff: false, caller.RequestAborted))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> MyPdf(
        Guid id, DeliveryService service, [AsParameters] AccountCaller caller, bool view = false)
    {
        var read = await service.ReadAsync(id, caller.CounterpartyId, caller.UserName, download: !view, caller.RequestAborted);
        if (read is not { } r) return TypedResults.NotFound();
        // File names carry the document id, never the number or party (no personal data in URLs or names).
        return view
            ? TypedResults.File(r.Pdf, "application/pdf")
            : TypedResults.File(r.Pdf, "application/pdf", DownloadNames.Document(r.Document.Number, ".pdf"));
    }

    private static async Task<Results<Ok<DeliveryView>, ValidationProblem, NotFound, ProblemHttpResult>> Confirm(
        Guid id, DeliveryService service, DeliveryQueries queries, [AsParameters] AccountCaller caller)
    {
        var (record, refused) = await service.ConfirmAsync(id, caller.CounterpartyId, caller.UserId, caller.UserName, caller.RequestAborted);
        return record is null
            ? ApiProblems.From<Ok<DeliveryView>>(refused!)
            : TypedResults.Ok(await queries.ViewAsync(record, staff: false, caller.RequestAborted));
    }
}
