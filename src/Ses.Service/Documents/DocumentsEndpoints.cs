using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents;
using Ses.Documents.Rendering;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Documents;

/// <summary>Forms and rendering over HTTP.</summary>
public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms");
        forms.MapGet("/", ListForms).WithName("ListForms").WithSummary("Form ids, titles, series and field schemas");
        // Staff only, and never signed: the bureau's key signs only what is issued (电子签名法第十三条).
        var drafts = app.MapStaffGroup("/api/forms").WithTags("Forms");
        drafts.MapPost("/{id}/render", RenderForm).WithName("RenderForm")
            .WithSummary("Validate field values and render an unsigned, unnumbered draft (「样稿」 on every page) "
                + "of the staff member's bureau as PDF (default) or DOCX")
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static Ok<List<FormSchema>> ListForms(DocumentEngine engine) =>
        TypedResults.Ok(engine.Templates.Forms.Select(FormSchema.From).ToList());

    /// <summary>
    /// A draft for staff to read before issuing: the staff member's own bureau only, unnumbered (a <c>number</c> in the
    /// data is refused: numbers are taken when issuing, from the register), watermarked 「样稿」, never signed
    /// (<c>sign=true</c> is refused).
    /// </summary>
    private static Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult> RenderForm(
        string id, JsonElement data, DocumentEngine engine, [AsParameters] StaffCaller caller, string? format = null, string? bureau = null, bool sign = false)
    {
        if (sign) return ApiProblems.Of(StatusCodes.Status400BadRequest, ErrorCodes.RenderSignRefused, "样稿不签名：文书只在签发时以本局密钥签名");
        var own = caller.Bureau;
        if (bureau is not null && bureau != own) return ApiProblems.Forbidden(ErrorCodes.RenderOtherBureau, "只能生成本局文书的样稿");
        var docx = string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase);
        if (!docx && format is not null && !string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Invalid([new Problem("format", ErrorCodes.RenderFormat, "「format」应为 pdf 或 docx")]);
        }
        if (engine.Templates.FindForm(id) is null) return TypedResults.NotFound();
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty(FormValidator.NumberKey, out var number) && number.ValueKind != JsonValueKind.Null)
        {
            return ApiProblems.Invalid([new Problem(FormValidator.NumberKey, ErrorCodes.RenderNumberRefused, "样稿不编文号：文号在签发时由发文登记簿取得，请删去「number」")]);
        }
        var (input, problems) = engine.Validate(id, data, own);
        if (input is null) return ApiProblems.Invalid(problems);
        var rendered = engine.Render(input, docx ? OutputFormat.Docx : OutputFormat.Pdf, RenderOptions.Draft);
        return docx
            ? TypedResults.File(rendered.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                DownloadNames.Draft(engine.Templates.FindForm(id)!.Title, ".docx"))
            : TypedResults.File(rendered.Content, "application/pdf", DownloadNames.Draft(engine.Templates.FindForm(id)!.Title, ".pdf"));
    }
}
