namespace Ses.Service.Corrections;

/// <summary>Corrections of credit records (实施办法第二十四条).</summary>
public static class CorrectionsSetup
{
    public static WebApplicationBuilder AddCorrections(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CorrectionService>();
        return builder;
    }
}
