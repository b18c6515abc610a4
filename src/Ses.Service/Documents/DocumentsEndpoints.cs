using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Ses.Documents;

namespace Ses.Service.Documents;

/// <summary>Forms and rendering over HTTP.</summary>
public static class DocumentsEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms");
        forms.MapGet("/", ListForms).WithName("ListForms").WithSummary("Form ids, titles, series and field schemas");
        forms.MapPost("/{id}/render", RenderForm).WithName("RenderForm").WithSummary("Validate field values and render the form as PDF (default) or DOCX");
        return app;
    }

    private static Ok<List<FormSchema>> ListForms(DocumentEngine engine) =>
        TypedResults.Ok(engine.Templates.Forms.Select(FormSchema.From).ToList());

    private static Results<FileContentHttpResult, NotFound, ValidationProblem> RenderForm(
        string id, JsonElement data, DocumentEngine engine, Ses.Service.Signing.SigningContext signing, TimeProvider time,
        string? format = null, string? bureau = null, bool sign = false)
    {
        if (engine.Templates.FindForm(id) is null) return TypedResults.NotFound();
        var (input, problems) = engine.Validate(id, data, bureau);
        if (input is null)
        {
            var errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: "表单数据无效", type: "https://ses.local/problems/validation",
                extensions: new Dictionary<string, object?> { ["problems"] = problems.Select(p => new { p.Field, p.Code, p.Message }).ToArray() });
        }
        var docx = string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase);
        var rendered = engine.Render(input, docx ? OutputFormat.Docx : OutputFormat.Pdf);
        if (docx) return TypedResults.File(rendered.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", id + ".docx");
        var pdf = sign ? engine.Sign(rendered, signing.Settings, time.GetUtcNow()) : rendered.Content;
        return TypedResults.File(pdf, "application/pdf", id + ".pdf");
    }
}
