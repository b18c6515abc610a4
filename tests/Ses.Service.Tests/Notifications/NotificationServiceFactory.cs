using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ses.Service.Data;
using Ses.Service.Notifications;

namespace Ses.Service.Tests.Notifications;

/// <summary>
/// The service on the folder's SQLite database with the test's clock, SMTP settings, log capture and observer; the
/// background dispatcher is off (<c>Notifications:PollSeconds=0</c>) so each test runs it with RunOnceAsync.
/// </summary>
public sealed class NotificationServiceFactory(
    string folder, ManualClock clock, int? smtpPort, CapturedLogs? logs = null, INotificationObserver? observer = null,
    IReadOnlyDictionary<string, string>? extra = null)
    : DevelopmentServiceFactory(folder, time: clock, settings: SettingsFor(smtpPort, extra))
{
    public const string From = "民航西北地区管理局 SES <ses@xibei.caac.example>";

    private string? _connection;

    public NotificationDispatcher Dispatcher => Services.GetRequiredService<NotificationDispatcher>();

    private static Dictionary<string, string> SettingsFor(int? smtpPort, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string> { ["Notifications:PollSeconds"] = "0" };
        if (smtpPort is { } port)
        {
            settings["Notifications:Smtp:Host"] = "127.0.0.1";
            settings["Notifications:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
            settings["Notifications:Smtp:Security"] = "None";
            settings["Notifications:Smtp:From"] = From;
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (logs is not null) builder.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (observer is not null) builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Scoped(_ => observer)));
    }

    /// <summary>Queues in one unit of work, as the serving code will, and saves.</summary>
    public async Task<List<NotificationMessage>> EnqueueAsync(Func<NotificationOutbox, IEnumerable<NotificationMessage>> enqueue)
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var queued = enqueue(scope.ServiceProvider.GetRequiredService<NotificationOutbox>()).ToList();
        await scope.ServiceProvider.GetRequiredService<SesDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        return queued;
    }

    /// <summary>Closes this database's pooled connections only: clearing every pool would pull connections from
    /// under the tests running alongside.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _connection is not null) SqliteConnection.ClearPool(new SqliteConnection(_connection));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>().Database;
        if (db.IsSqlite()) _connection = db.GetConnectionString();
        return host;
    }

    public async Task<List<NotificationMessage>> MessagesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return await db.NotificationMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
