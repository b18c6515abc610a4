using System.Globalization;
using Ses.Service.Data;

namespace Ses.Service.Delivery;

/// <summary>Serving, confirming and paper delivery, the delivery certificates, and the job that reminds and deems.</summary>
public static class DeliverySetup
{
    private const string JobIntervalKey = "Delivery:JobIntervalSeconds";

    public static WebApplicationBuilder AddDelivery(this WebApplicationBuilder builder)
    {
        CheckJobInterval(builder.Configuration);
        builder.Services.AddScoped<DeliveryService>();
        builder.Services.AddScoped<DeliveryJob>();
        builder.Services.AddScoped<DeliveryCertificates>();
        builder.Services.AddScoped<DeliveryQueries>();
        builder.Services.AddHostedService<DeliveryJobService>();
        return builder;
    }

    /// <summary><c>Delivery:JobIntervalSeconds</c>: 0 (off on this instance) or a positive number of seconds; anything else stops start-up.</summary>
    public static void CheckJobInterval(IConfiguration configuration)
    {
        if (configuration[JobIntervalKey] is not { } text) return;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ConfigurationProblemException($"{JobIntervalKey} must be 0 (off) or a whole number of seconds, not '{text}'");
        }
    }
}
