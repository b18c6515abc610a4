namespace Ses.Service.Repairs;

/// <summary>Credit repair (实施办法第十八条、第十九条).</summary>
public static class RepairsSetup
{
    public static WebApplicationBuilder AddRepairs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RepairService>();
        return builder;
    }
}
