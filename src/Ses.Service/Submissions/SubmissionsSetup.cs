namespace Ses.Service.Submissions;

/// <summary>Submissions by the counterparty: statements and defences, repair applications, their receipts.</summary>
public static class SubmissionsSetup
{
    public static WebApplicationBuilder AddSubmissions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SubmissionService>();
        builder.Services.AddScoped<RepairSubmissions>();
        builder.Services.AddScoped<SubmissionQueries>();
        builder.Services.AddScoped<SubmissionReceipts>();
        return builder;
    }
}
