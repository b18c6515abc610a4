using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>Drafts, issuing, voiding and the register (发文登记簿) of the officer's own bureau.</summary>
public static class IssuingEndpoints
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static IEndpointRouteBuilder MapIssuing(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/drafts").WithTags("Drafts").RequireAuthorization(AuthSetup.OfficerPolicy).RequirePasswordChanged();
        drafts.MapPost("/", CreateDraft).WithName("CreateDraft").WithSummary("Start a draft from a form and field values");
        drafts.MapGet("/{id:guid}", GetDraft).WithName("GetDraft");
        drafts.MapPut("/{id:guid}", UpdateDraft).WithName("UpdateDraft").WithSummary("Replace the field values (give the version you read)");
        drafts.MapGet("/{id:guid}/preview", PreviewDraft).WithName("PreviewDraft").WithSummary("The draft as PDF, unnumbered and unsigned");
        drafts.MapPost("/{id:guid}/issue", IssueDraft).WithName("IssueDraft").WithSummary("Number, render, sign and store the draft");

        var documents = app.MapGroup("/api/documents").WithTags("Register").RequireAuthorization(AuthSetup.StaffPolicy).RequirePasswordChanged();
        documents.MapGet("/{id:guid}", GetDocument).WithName("GetDocument");
        documents.MapGet("/{id:guid}/pdf", GetPdf).WithName("GetDocumentPdf").WithSummary("The signed PDF");
        documents.MapGet("/{id:guid}/docx", GetDocx).WithName("GetDocumentDocx");
        documents.MapPost("/{id:guid}/void", VoidDocument).WithName("VoidDocument").WithSummary("Void with a reason; the number stays taken")
            .RequireAuthorization(AuthSetup.OfficerPolicy);

        var register = app.MapGroup("/api/register").WithTags("Register").RequireAuthorization(AuthSetup.StaffPolicy).RequirePasswordChanged();
        register.MapGet("/", Register).WithName("Register").WithSummary("Issued and voided documents of the bureau, by series and year");
        register.MapGet("/csv", RegisterCsv).WithName("RegisterCsv").WithSummary("The register as CSV (UTF-8 with BOM)");
        return app;
    }

    private static async Task<Results<Created<DraftResponse>, ValidationProblem>> CreateDraft(
        DraftRequest request, SesDbContext db, DocumentEngine engine, TimeProvider time, HttpContext http)
    {
        if (engine.Templates.FindForm(request.FormId) is null)
        {
            return ApiProblems.Invalid([new("formId", "form.unknown", $"没有这个表单：{request.FormId}")]);
        }
        if (request.Data.ValueKind != JsonValueKind.Object) return ApiProblems.Invalid([new("data", "data.not-object", "「data」应为 JSON 对象")]);
        if (request.CounterpartyId is { } cp && !await db.Counterparties.AnyAsync(c => c.Id == cp, http.RequestAborted))
        {
            return ApiProblems.Invalid([new("counterpartyId", "counterparty.unknown", "「相对人」未登记")]);
        }
        var now = time.GetUtcNow();
        var draft = new Draft
        {
            Id = Guid.CreateVersion7(now), Bureau = http.User.StaffBureau(), FormId = request.FormId, DataJson = request.Data.GetRawText(),
            Replaces = request.Replaces, CounterpartyId = request.CounterpartyId, CreatedBy = http.User.UserName(), CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.Drafts.Add(draft);
        db.AuditEntries.Add(AuthEndpoints.Audit(now, draft.CreatedBy, "draft.created", http, draft.Id.ToString()));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/drafts/{draft.Id}", DraftResponse.From(draft));
    }

    /// <summary>A draft of the user's own bureau, else nothing: other bureaus' drafts are not found, not forbidden.</summary>
    private static Task<Draft?> OwnDraft(SesDbContext db, Guid id, HttpContext http) =>
        db.Drafts.SingleOrDefaultAsync(d => d.Id == id && d.Bureau == http.User.StaffBureau(), http.RequestAborted);

    private static Task<IssuedDocument?> OwnDocument(SesDbContext db, Guid id, HttpContext http) =>
        db.IssuedDocuments.SingleOrDefaultAsync(d => d.Id == id && d.Bureau == http.User.StaffBureau(), http.RequestAborted);

    private static async Task<Results<Ok<DraftResponse>, NotFound>> GetDraft(Guid id, SesDbContext db, HttpContext http) =>
        await OwnDraft(db, id, http) is { } d ? TypedResults.Ok(DraftResponse.From(d)) : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftResponse>, NotFound, ProblemHttpResult, ValidationProblem>> UpdateDraft(
        Guid id, DraftUpdate update, SesDbContext db, TimeProvider time, HttpContext http)
    {
        var draft = await OwnDraft(db, id, http);
        if (draft is null) return TypedResults.NotFound();
        if (draft.IssuedDocumentId is not null) return ApiProblems.Conflict("draft.issued", "草稿已签发，不能再修改；更正请新建文书并引用原文书");
        if (draft.Version != update.Version) return ApiProblems.Conflict("draft.version", "草稿已被他人修改，请重新打开后再保存");
        if (update.Data.ValueKind != JsonValueKind.Object) return ApiProblems.Invalid([new("data", "data.not-object", "「data」应为 JSON 对象")]);
        if (update.CounterpartyId is { } cp && !await db.Counterparties.AnyAsync(c => c.Id == cp, http.RequestAborted))
        {
            return ApiProblems.Invalid([new("counterpartyId", "counterparty.unknown", "「相对人」未登记")]);
        }
        draft.DataJson = update.Data.GetRawText();
        draft.CounterpartyId = update.CounterpartyId ?? draft.CounterpartyId;
        draft.UpdatedAt = time.GetUtcNow();
        draft.Version++;
        db.AuditEntries.Add(AuthEndpoints.Audit(draft.UpdatedAt, http.User.UserName(), "draft.updated", http, draft.Id.ToString()));
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Conflict("draft.version", "草稿已被他人修改，请重新打开后再保存");
        }
        return TypedResults.Ok(DraftResponse.From(draft));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PreviewDraft(
        Guid id, SesDbContext db, DocumentEngine engine, IssuingService issuing, TimeProvider time, HttpContext http)
    {
        var draft = await OwnDraft(db, id, http);
        if (draft is null) return TypedResults.NotFound();
        // The preview shows what issuing now would print, the proposed reply date included.
        var values = System.Text.Json.Nodes.JsonNode.Parse(draft.DataJson)!.AsObject();
        if (await issuing.ProposeReplyDateAsync(engine.Templates.FindForm(draft.FormId)!, values, time.GetUtcNow(), http.RequestAborted) is { } problem)
        {
            return ApiProblems.Invalid([problem]);
        }
        using var data = JsonDocument.Parse(values.ToJsonString());
        var (input, problems) = engine.Validate(draft.FormId, data.RootElement, draft.Bureau);
        if (input is null) return ApiProblems.Invalid(problems);
        return TypedResults.File(engine.Render(input with { Number = null }, OutputFormat.Pdf).Content, "application/pdf", $"{draft.FormId}-preview.pdf");
    }

    private static async Task<Results<Created<DocumentResponse>, NotFound, ProblemHttpResult, ValidationProblem>> IssueDraft(
        Guid id, SesDbContext db, IssuingService issuing, HttpContext http)
    {
        var draft = await OwnDraft(db, id, http);
        if (draft is null) return TypedResults.NotFound();
        if (draft.IssuedDocumentId is not null) return ApiProblems.Conflict("draft.issued", "草稿已签发");
        using var data = JsonDocument.Parse(draft.DataJson);
        var counterparty = draft.CounterpartyId is { } cp
            ? await db.Counterparties.AsNoTracking().Where(c => c.Id == cp).Select(c => c.Name).SingleOrDefaultAsync(http.RequestAborted)
            : null;
        try
        {
            var (document, problems) = await issuing.IssueAsync(new IssueRequest(draft.FormId, data.RootElement, draft.Bureau,
                http.User.UserName(), http.Connection.RemoteIpAddress?.ToString() ?? "local", draft.Replaces, draft.Id, draft.CounterpartyId, counterparty),
                http.RequestAborted);
            return document is null ? ApiProblems.Invalid(problems) : TypedResults.Created($"/api/documents/{document.Id}", DocumentResponse.From(document));
        }
        catch (Exception e) when (e is DraftAlreadyIssuedException or DbUpdateConcurrencyException or DbUpdateException)
        {
            return ApiProblems.Conflict("draft.issued", "草稿已签发");
        }
        catch (Ses.Documents.Signing.Crypto.TimestampException)
        {
            return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "tsa.unavailable", "时间戳服务不可用，未签发，文号未占用");
        }
    }

    private static async Task<Results<Ok<DocumentResponse>, NotFound>> GetDocument(Guid id, SesDbContext db, HttpContext http) =>
        await OwnDocument(db, id, http) is { } d ? TypedResults.Ok(DocumentResponse.From(d)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetPdf(Guid id, SesDbContext db, IFileStore files, HttpContext http) =>
        await OwnDocument(db, id, http) is { } d && await files.GetAsync(d.PdfSha256, http.RequestAborted) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"{d.Id}.pdf")
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetDocx(Guid id, SesDbContext db, IFileStore files, HttpContext http) =>
        await OwnDocument(db, id, http) is { } d && await files.GetAsync(d.DocxSha256, http.RequestAborted) is { } docx
            ? TypedResults.File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{d.Id}.docx")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DocumentResponse>, NotFound, ProblemHttpResult, ValidationProblem>> VoidDocument(
        Guid id, VoidRequest request, SesDbContext db, TimeProvider time, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            return ApiProblems.Invalid([new("reason", "field.required", "「作废理由」必须填写，且不超过 500 字")]);
        }
        var document = await OwnDocument(db, id, http);
        if (document is null) return TypedResults.NotFound();
        if (document.VoidedAt is not null) return ApiProblems.Conflict("document.voided", "文书已作废");
        var now = time.GetUtcNow();
        var done = await Delivery.EvidenceLog.WriteAsync(db, async chain =>
        {
            await db.Entry(document).ReloadAsync(http.RequestAborted);
            if (document.VoidedAt is not null) return false;
            document.VoidedAt = now;
            document.VoidReason = request.Reason.Trim();
            db.AuditEntries.Add(AuthEndpoints.Audit(now, http.User.UserName(), "document.voided", http, document.Number));
            var delivery = await db.Deliveries.AsNoTracking().Where(d => d.DocumentId == document.Id).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(http.RequestAborted);
            await chain.AppendAsync(new Delivery.EvidenceFacts(Delivery.EvidenceEvents.DocumentVoided, "voided", document.Number, document.PdfSha256,
                http.User.UserName(), now, document.Id, delivery, new Dictionary<string, string?> { ["reason"] = document.VoidReason }), http.RequestAborted);
            return true;
        }, http.RequestAborted);
        if (!done) return ApiProblems.Conflict("document.voided", "文书已作废");
        return TypedResults.Ok(DocumentResponse.From(document));
    }

    private static async Task<List<IssuedDocument>> RegisterRows(SesDbContext db, HttpContext http, string? series, int? year) =>
        (await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Bureau == http.User.StaffBureau() && (series == null || d.Series == series) && (year == null || d.Year == year))
            .ToListAsync(http.RequestAborted))
        .OrderBy(d => d.Series, StringComparer.Ordinal).ThenBy(d => d.Year).ThenBy(d => d.Sequence).ToList();

    private static async Task<Ok<List<DocumentResponse>>> Register(SesDbContext db, HttpContext http, string? series = null, int? year = null) =>
        TypedResults.Ok((await RegisterRows(db, http, series, year)).Select(DocumentResponse.From).ToList());

    private static async Task<FileContentHttpResult> RegisterCsv(SesDbContext db, HttpContext http, string? series = null, int? year = null)
    {
        var csv = new StringBuilder("文号,表单,相对人,承办人,签发时间（北京时间）,状态,作废理由\r\n");
        foreach (var d in await RegisterRows(db, http, series, year))
        {
            csv.Append(Cell(d.Number)).Append(',').Append(Cell(d.FormId)).Append(',').Append(Cell(d.Party)).Append(',').Append(Cell(d.Officer)).Append(',')
               .Append(Cell(d.IssuedAt.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +08:00")).Append(',')
               .Append(d.VoidedAt is null ? "已签发" : "已作废").Append(',').Append(Cell(d.VoidReason ?? "")).Append("\r\n");
        }
        var name = $"register-{http.User.StaffBureau()}{(series is null ? "" : "-" + series)}{(year is null ? "" : "-" + year.Value.ToString(CultureInfo.InvariantCulture))}.csv";
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", name);
    }

    // RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
