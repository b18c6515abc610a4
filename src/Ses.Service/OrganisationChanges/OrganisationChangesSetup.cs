namespace Ses.Service.OrganisationChanges;

/// <summary>Organisation changes (实施办法第二十二条).</summary>
public static class OrganisationChangesSetup
{
    public static WebApplicationBuilder AddOrganisationChanges(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationChangeService>();
        return builder;
    }
}
