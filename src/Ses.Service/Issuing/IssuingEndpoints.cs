using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Service.Accounts;
using Ses.Service.Http;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>Drafts, issuing, voiding and the register (发文登记簿) of the officer's own bureau.</summary>
public static class IssuingEndpoints
{
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

    /// <summary>A refusal as problem details: field problems as a validation problem, not found with no body.</summary>
    private static Results<TOk, NotFound, ProblemHttpResult, ValidationProblem> Refused<TOk>(Refusal r) where TOk : IResult
    {
        if (r.Problems.Count > 0) return ApiProblems.Invalid(r.Problems);
        if (r.Status == StatusCodes.Status404NotFound) return TypedResults.NotFound();
        return ApiProblems.Of(r.Status, r.Code, r.Message);
    }

    private static async Task<Results<Created<DraftResponse>, ValidationProblem>> CreateDraft(DraftRequest request, DraftService drafts, HttpContext http)
    {
        var (draft, refused) = await drafts.CreateAsync(request, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        return draft is null ? ApiProblems.Invalid(refused!.Problems) : TypedResults.Created($"/api/drafts/{draft.Id}", DraftResponse.From(draft));
    }

    private static async Task<Results<Ok<DraftResponse>, NotFound>> GetDraft(Guid id, DraftService drafts, HttpContext http) =>
        await drafts.OwnAsync(id, http.User.StaffBureau(), http.RequestAborted) is { } d ? TypedResults.Ok(DraftResponse.From(d)) : TypedResults.NotFound();

    private static async Task<Results<Ok<DraftResponse>, NotFound, ProblemHttpResult, ValidationProblem>> UpdateDraft(
        Guid id, DraftUpdate update, DraftService drafts, HttpContext http)
    {
        var (draft, refused) = await drafts.UpdateAsync(id, update, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        return draft is null ? Refused<Ok<DraftResponse>>(refused!) : TypedResults.Ok(DraftResponse.From(draft));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PreviewDraft(Guid id, DraftService drafts, Ses.Documents.DocumentEngine engine, HttpContext http)
    {
        var draft = await drafts.OwnAsync(id, http.User.StaffBureau(), http.RequestAborted);
        if (draft is null) return TypedResults.NotFound();
        var (pdf, problems) = await drafts.PreviewAsync(draft, http.RequestAborted);
        return pdf is null ? ApiProblems.Invalid(problems) : TypedResults.File(pdf, "application/pdf", DownloadNames.Draft(engine.Templates.FindForm(draft.FormId)?.Title ?? draft.FormId, ".pdf"));
    }

    private static async Task<Results<Created<DocumentResponse>, NotFound, ProblemHttpResult, ValidationProblem>> IssueDraft(
        Guid id, DraftService drafts, HttpContext http)
    {
        var (document, refused) = await drafts.IssueAsync(id, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        return document is null ? Refused<Created<DocumentResponse>>(refused!) : TypedResults.Created($"/api/documents/{document.Id}", DocumentResponse.From(document));
    }

    private static async Task<Results<Ok<DocumentResponse>, NotFound>> GetDocument(Guid id, DocumentRegister register, HttpContext http) =>
        await register.OwnAsync(id, http.User.StaffBureau(), http.RequestAborted) is { } d ? TypedResults.Ok(DocumentResponse.From(d)) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetPdf(Guid id, DocumentRegister register, IFileStore files, HttpContext http) =>
        await register.OwnAsync(id, http.User.StaffBureau(), http.RequestAborted) is { } d && await files.GetAsync(d.PdfSha256, http.RequestAborted) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", DownloadNames.Document(d.Number, ".pdf"))
            : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> GetDocx(Guid id, DocumentRegister register, IFileStore files, HttpContext http) =>
        await register.OwnAsync(id, http.User.StaffBureau(), http.RequestAborted) is { } d && await files.GetAsync(d.DocxSha256, http.RequestAborted) is { } docx
            ? TypedResults.File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DownloadNames.Document(d.Number, ".docx"))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<DocumentResponse>, NotFound, ProblemHttpResult, ValidationProblem>> VoidDocument(
        Guid id, VoidRequest request, DocumentRegister register, HttpContext http)
    {
        var (document, refused) = await register.VoidAsync(id, request.Reason, http.User.StaffBureau(), http.User.UserName(), http.Source(), http.RequestAborted);
        return document is null ? Refused<Ok<DocumentResponse>>(refused!) : TypedResults.Ok(DocumentResponse.From(document));
    }

    private static async Task<Ok<List<DocumentResponse>>> Register(DocumentRegister register, HttpContext http, string? series = null, int? year = null) =>
        TypedResults.Ok((await register.RowsAsync(http.User.StaffBureau(), series, year, http.RequestAborted)).Select(DocumentResponse.From).ToList());

    private static async Task<FileContentHttpResult> RegisterCsv(DocumentRegister register, HttpContext http, string? series = null, int? year = null)
    {
        var (csv, name) = await register.CsvAsync(http.User.StaffBureau(), series, year, http.RequestAborted);
        return TypedResults.File(csv, "text/csv; charset=utf-8", name);
    }
}
