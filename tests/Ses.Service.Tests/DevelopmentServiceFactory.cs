using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ses.Service.Tests;

/// <summary>
/// The service in Development with its own real SQLite file, file store and development certificates in a
/// temporary folder; two factories given the same folder are two instances sharing one database.
/// </summary>
public class DevelopmentServiceFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolder;

    public DevelopmentServiceFactory() : this(Directory.CreateTempSubdirectory("ses-svc-").FullName, owns: true)
    {
    }

    public DevelopmentServiceFactory(string folder, bool owns = false, TimeProvider? time = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Folder = folder;
        _ownsFolder = owns;
        Time = time;
        Settings = settings ?? new Dictionary<string, string>();
    }

    public string Folder { get; }

    public TimeProvider? Time { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Signing:DevelopmentCertificatesPath", Path.Combine(Folder, "certs"));
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(Folder, "ses.db")}");
        builder.UseSetting("Database:FilesPath", Path.Combine(Folder, "files"));
        // Tests run the delivery job themselves, at the instants they choose.
        builder.UseSetting("Delivery:JobIntervalSeconds", "0");
        builder.UseSetting("Records:ExpiryIntervalSeconds", "0");
        builder.UseSetting("Notifications:PollSeconds", "0");
        builder.UseSetting("Cases:ReminderIntervalSeconds", "0");
        // The seed's sample letter would be a file in the store and a row the tests did not make.
        builder.UseSetting("Development:SampleConsentLetter", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Time is not null) builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(Time)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder && Directory.Exists(Folder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>A <see cref="DevelopmentServiceFactory"/> with its own folder, shared by the tests of one class.</summary>
public sealed class ServiceFixture : DevelopmentServiceFactory;
