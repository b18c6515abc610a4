using Ses.Documents;
using Ses.Documents.Templates;

namespace Ses.Service.Documents;

/// <summary>Registers the documents engine, loaded once from the templates folder (<c>Documents:TemplatesPath</c>).</summary>
public static class DocumentsSetup
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Documents:TemplatesPath"] is { Length: > 0 } path ? path : Environment.GetEnvironmentVariable("SES_TEMPLATES");
        builder.Services.AddSingleton(_ => DocumentEngine.Load(TemplateLibrary.Locate(configured)));
        return builder;
    }
}
