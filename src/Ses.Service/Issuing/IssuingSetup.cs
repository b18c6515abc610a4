namespace Ses.Service.Issuing;

/// <summary>Drafts, the issue queue that numbers and signs them one at a time, and the register of issued documents.</summary>
public static class IssuingSetup
{
    public static WebApplicationBuilder AddIssuing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IssueQueue>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IssueQueue>());
        builder.Services.AddScoped<DraftService>();
        builder.Services.AddScoped<DocumentRegister>();
        return builder;
    }
}
