using System.Globalization;
using Ses.Service.Data;

namespace Ses.Service.Records;

/// <summary>Credit records (实施办法第十四条第二款、第十七条至第二十一条、第二十七条): kept, queried, published, expired and marked.</summary>
public static class RecordsSetup
{
    public const string ExpiryIntervalKey = "Records:ExpiryIntervalSeconds";

    public static WebApplicationBuilder AddRecords(this WebApplicationBuilder builder)
    {
        CheckExpiryInterval(builder.Configuration);
        builder.Services.AddScoped<RecordService>();
        builder.Services.AddScoped<RecordQueries>();
        builder.Services.AddScoped<RecordExpiryJob>();
        builder.Services.AddHostedService<RecordExpiryJobService>();
        return builder;
    }

    /// <summary><c>Records:ExpiryIntervalSeconds</c>: 0 (off on this instance) or a positive number of seconds; anything else stops start-up.</summary>
    public static void CheckExpiryInterval(IConfiguration configuration)
    {
        if (configuration[ExpiryIntervalKey] is not { } text) return;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ConfigurationProblemException($"{ExpiryIntervalKey} must be 0 (off) or a whole number of seconds, not '{text}'");
        }
    }
}
