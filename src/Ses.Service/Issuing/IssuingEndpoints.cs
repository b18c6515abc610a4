using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Http;
using Ses.Service.Idempotency;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>Drafts, issuing, voiding and the register (发文登记簿) of the officer's own bureau.</summary>
public static class IssuingEndpoints
{
    public static IEndpointRouteBuilder MapIssuing(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapStaffGroup("/api/drafts", AuthSetup.OfficerPolicy).WithTags("Drafts");
        drafts.MapPost("/", CreateDraft).WithName("CreateDraft").WithSummary("Start a draft from a form and field values");
        drafts.MapGet("/{id:guid}", GetDraft).WithName("GetDraft");
        drafts.MapPut("/{id:guid}", UpdateDraft).WithName("UpdateDraft").WithSummary("Replace the field values (give the version you read)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        drafts.MapGet("/{id:guid}/preview", PreviewDraft).WithName("PreviewDraft").WithSummary("The draft as PDF, unnumbered and unsigned")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        drafts.MapPost("/{id:guid}/issue", IssueDraft).WithName("IssueDraft").WithSummary("Number, render, sign and store the draft")
            .WithIdempotency().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var documents = app.MapStaffGroup("/api/documents").WithTags("Register");
        documents.MapGet("/{id:guid}", GetDocument).WithName("GetDocument");
        documents.MapGet("/{id:guid}/pdf", GetPdf).WithName("GetDocumentPdf").WithSummary("The signed PDF")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        documents.MapGet("/{id:guid}/docx", GetDocx).WithName("GetDocumentDocx")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        documents.MapPost("/{id:guid}/void", VoidDocument).WithName("VoidDocument").WithSummary("Void with a reason; the number stays taken")
            .RequireAuthorization(AuthSetup.OfficerPolicy).ProducesProblem(StatusCodes.Status409Conflict);

        var register = app.MapStaffGroup("/api/register").WithTags("Register");
        register.MapGet("/", Register).WithName("Register").WithSummary("Issued and voided documents of the bureau, by series and year");
        register.MapGet("/csv", RegisterCsv).WithName("RegisterCsv").WithSummary("The register as CSV (UTF-8 with BOM)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static async Task<Results<Created<DraftResponse>, ValidationProblem, NotFound, ProblemHttpResult>> CreateDraft(
        DraftRequest request, DraftService drafts, [AsParameters] StaffCaller caller)
    {
        var (draft, refused) = await drafts.CreateAsync(request, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return draft is null ? ApiProblems.From<Created<DraftResponse>>(refused!) : TypedResults.Created($"/api/drafts/{draft.Id}", DraftResponse.From(draft));
    }

    private static async Task<Results<Ok<DraftResponse>, NotFound>> GetDraft(Guid id, DraftService drafts, [AsParameters] StaffCaller caller) =>
        await drafts.OwnAsync(id, caller.Bureau, caller.RequestAborted) is { } d ? TypedResults.Ok(DraftResponse.From(d)) : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateDraft(
        Guid id, DraftUpdate update, DraftService drafts, [AsParameters] StaffCaller caller)
    {
        var (draft, refused) = await drafts.UpdateAsync(id, update, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return draft is null ? ApiProblems.From<Ok<DraftResponse>>(refused!) : TypedResults.Ok(DraftResponse.From(draft));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PreviewDraft(
        Guid id, DraftService drafts, DocumentEngine engine, [AsParameters] StaffCaller caller)
    {
        var draft = await drafts.OwnAsync(id, caller.Bureau, caller.RequestAborted);
        if (draft is null) return TypedResults.NotFound();
        var (pdf, problems) = await drafts.PreviewAsync(draft, caller.RequestAborted);
        return pdf is null
            ? ApiProblems.Invalid(problems)
            : TypedResults.File(pdf, "application/pdf", DownloadNames.Draft(engine.Templates.FindForm(draft.FormId)?.Title ?? draft.FormId, ".pdf"));
    }

    private static async Task<Results<Created<DocumentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> IssueDraft(
        Guid id, DraftService drafts, [AsParameters] StaffCaller caller)
    {
        var (document, refused) = await drafts.IssueAsync(id, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return document is null
            ? ApiProblems.From<Created<DocumentResponse>>(refused!)
            : TypedResults.Created($"/api/documents/{document.Id}", DocumentResponse.From(document));
    }

    private static async Task<Results<Ok<DocumentResponse>, NotFound>> GetDocument(Guid id, DocumentRegister register, [AsParameters] StaffCaller caller) =>
        await register.OwnAsync(id, caller.Bureau, caller.RequestAborted) is { } d ? TypedResults.Ok(DocumentResponse.From(d)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetPdf(
        Guid id, DocumentRegister register, IFileStore files, [AsParameters] StaffCaller caller) =>
        await register.OwnAsync(id, caller.Bureau, caller.RequestAborted) is { } d && await files.GetAsync(d.PdfSha256, caller.RequestAborted) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", DownloadNames.Document(d.Number, ".pdf"))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetDocx(
        Guid id, DocumentRegister register, IFileStore files, [AsParameters] StaffCaller caller) =>
        await register.OwnAsync(id, caller.Bureau, caller.RequestAborted) is { } d && await files.GetAsync(d.DocxSha256, caller.RequestAborted) is { } docx
            ? TypedResults.File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DownloadNames.Document(d.Number, ".docx"))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DocumentResponse>, ValidationProblem, NotFound, ProblemHttpResult>> VoidDocument(
        Guid id, VoidRequest request, DocumentRegister register, [AsParameters] StaffCaller caller)
    {
        var (document, refused) = await register.VoidAsync(id, request.Reason, caller.Bureau, caller.UserName, caller.Source, caller.RequestAborted);
        return document is null ? ApiProblems.From<Ok<DocumentResponse>>(refused!) : TypedResults.Ok(DocumentResponse.From(document));
    }

    private static async Task<Ok<List<DocumentResponse>>> Register(
        DocumentRegister register, [AsParameters] StaffCaller caller, string? series = null, int? year = null) =>
        TypedResults.Ok((await register.RowsAsync(caller.Bureau, series, year, caller.RequestAborted)).Select(DocumentResponse.From).ToList());

    private static async Task<FileContentHttpResult> RegisterCsv(
        DocumentRegister register, [AsParameters] StaffCaller caller, string? series = null, int? year = null)
    {
        var (csv, name) = await register.CsvAsync(caller.Bureau, series, year, caller.RequestAborted);
        return TypedResults.File(csv, "text/csv; charset=utf-8", name);
    }
}
