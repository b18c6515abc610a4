namespace Ses.Service.Units;

/// <summary>The bureau's units (局机关部门, 监管局), which staff belong to and credit cases are collected by.</summary>
public static class UnitsSetup
{
    public static WebApplicationBuilder AddUnits(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UnitAdmin>();
        return builder;
    }
}
