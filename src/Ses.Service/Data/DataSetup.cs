using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Issuing;
using Ses.Service.Storage;

namespace Ses.Service.Data;

/// <summary>The database (migrations applied at start) and the file store.</summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = new DatabaseOptions();
        builder.Configuration.GetSection(DatabaseOptions.Section).Bind(options);
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new ConfigurationProblemException(string.Join("; ", problems));
        var connection = options.ConnectionString;
        if (options.Provider == "sqlite")
        {
            var csb = new SqliteConnectionStringBuilder(connection ?? "Data Source=data/ses.db") { DefaultTimeout = 30, Pooling = true };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csb.DataSource))!);
            connection = csb.ToString();
        }
        builder.Services.AddDbContext<SesDbContext>(o =>
        {
            if (options.Provider == "sqlite") o.UseSqlite(connection);
            else o.UseNpgsql(connection);
        });
        builder.Services.AddSingleton<IFileStore>(new DiskFileStore(options.FilesPath));
        builder.Services.AddScoped<IssuingService>();
        return builder;
    }

    /// <summary>Applies pending migrations; SQLite is switched to WAL so readers do not wait for the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }
}
