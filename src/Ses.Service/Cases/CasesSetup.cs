namespace Ses.Service.Cases;

/// <summary>Credit cases (实施办法第三章): the case as the unit of work.</summary>
public static class CasesSetup
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddScoped<CaseStepRecorder>();
        builder.Services.AddScoped<CaseProcedure>();
        builder.Services.AddScoped<CaseDocumentSteps>();
        builder.Services.AddScoped<CaseFileService>();
        builder.Services.AddScoped<CaseReminders>();
        builder.Services.AddScoped<CaseFollowUp>();
        builder.Services.AddHostedService<CaseReminderService>();
        return builder;
    }
}
