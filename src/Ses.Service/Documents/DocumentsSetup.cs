using Ses.Documents;
using Ses.Documents.Templates;

namespace Ses.Service.Documents;

/// <summary>Registers the documents engine, loaded once from the templates folder (<c>Documents:TemplatesPath</c>).</summary>
public static class DocumentsSetup
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Documents:TemplatesPath"] is { Length: > 0 } path ? path : Environment.GetEnvironmentVariable("SES_TEMPLATES");
        builder.Services.AddSingleton(services =>
        {
            var engine = DocumentEngine.Load(TemplateLibrary.Locate(configured));
            // A licensed font a profile names but the folder lacks is not fatal: the shipped fonts set that role.
            var log = services.GetRequiredService<ILogger<DocumentEngine>>();
            foreach (var warning in engine.FontWarnings) log.LogFontFallback(warning);
            return engine;
        });
        return builder;
    }
}
