namespace Ses.Service.Accounts;

/// <summary>Administration of staff users (the sign-in itself is <see cref="AuthSetup.AddAccounts"/>).</summary>
public static class StaffSetup
{
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StaffAdmin>();
        return builder;
    }
}
