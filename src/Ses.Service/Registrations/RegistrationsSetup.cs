namespace Ses.Service.Registrations;

/// <summary>Counterparties registering themselves (《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条、第三条).</summary>
public static class RegistrationsSetup
{
    public static WebApplicationBuilder AddRegistrations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(RegistrationOptions.Read(builder.Configuration));
        builder.Services.AddScoped<RegistrationThrottles>();
        builder.Services.AddScoped<RegistrationCodes>();
        builder.Services.AddScoped<RegistrationOffices>();
        builder.Services.AddScoped<RegistrationChecks>();
        builder.Services.AddScoped<RegistrationNotices>();
        builder.Services.AddScoped<RegistrationLetters>();
        builder.Services.AddScoped<RegistrationService>();
        builder.Services.AddScoped<RegistrationReview>();
        return builder;
    }
}
