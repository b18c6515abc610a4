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

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName("Health").WithTags("Health")
            .WithSummary("Database, file store, templates, signing key and timestamp authority");
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Health(
        DocumentEngine engine, Ses.Service.Signing.SigningContext signing, Ses.Service.Data.SesDbContext db,
        Ses.Service.Storage.IFileStore files, CancellationToken ct)
    {
        var database = await db.Database.CanConnectAsync(ct) ? "ok" : "unreachable";
        var store = files is Ses.Service.Storage.DiskFileStore disk && CanWrite(disk.Root) ? "ok" : "not writable";
        var report = new HealthReport(database == "ok" && store == "ok" ? "ok" : "degraded", engine.Templates.Forms.Count(),
            database, store, signing.Description, signing.Settings.Timestamps?.Description ?? "none (PAdES B-B)");
        return report.Status == "ok" ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static bool CanWrite(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
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

public sealed record HealthReport(string Status, int Forms, string Database, string FileStore, string SigningKey, string Tsa);
