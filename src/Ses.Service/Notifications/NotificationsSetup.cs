using Ses.Service.Data;
using Ses.Service.Delivery;

namespace Ses.Service.Notifications;

/// <summary>The outbox, the SMS gateway and SMTP sender chosen by configuration, and the background dispatcher.</summary>
public static class NotificationsSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var options = Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        // Notifications:Sms:Provider is "outbox", the only provider so far; a real one is chosen here by its name
        // (and added to SmsOptions.Providers).
        builder.Services.AddSingleton<ISmsGateway, OutboxSmsGateway>();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        builder.Services.AddScoped<INotificationObserver, DeliveryNotificationObserver>();
        builder.Services.AddScoped<NotificationOutbox>();
        builder.Services.AddSingleton<NotificationDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return builder;
    }

    /// <summary>The validated <c>Notifications</c> section; a wrong setting throws with the key named.</summary>
    public static NotificationOptions Read(IConfiguration configuration)
    {
        var options = new NotificationOptions();
        try
        {
            configuration.GetSection(NotificationOptions.Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // e.g. "Failed to convert configuration value at 'Notifications:PollSeconds' to type 'System.Int32'".
            throw new ConfigurationProblemException(e.Message);
        }
        var problems = options.Problems().ToList();
        return problems.Count > 0 ? throw new ConfigurationProblemException(string.Join("; ", problems)) : options;
    }
}
