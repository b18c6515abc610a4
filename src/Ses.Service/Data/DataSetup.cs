using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ses.Service.Storage;

namespace Ses.Service.Data;

/// <summary>The database (migrations applied at start) and the file store; each feature registers its own services
/// (its <c>AddXxx</c> beside its <c>MapXxx</c>).</summary>
public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = Read(builder.Configuration);
        // Pooled: a request reuses a context instead of building one (EF Core's advice for a busy service).
        if (options.Provider == "postgres")
        {
            // Several instances: files live in the database, written with the records that name them (DatabaseFileStore).
            builder.Services.AddSingleton<DatabaseFileStore>();
            builder.Services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<DatabaseFileStore>());
            builder.Services.AddDbContextPool<SesDbContext, PostgresSesDbContext>((sp, o) =>
            {
                Configure(o, options);
                o.AddInterceptors(new StoredFileWriter(sp.GetRequiredService<DatabaseFileStore>()));
            });
        }
        else
        {
            builder.Services.AddDbContextPool<SesDbContext>(o => Configure(o, options));
            // Files are as durable as the records that name them: flushed to disk unless SQLite runs synchronous=normal.
            builder.Services.AddSingleton<IFileStore>(new DiskFileStore(options.FilesPath, flushToDisk: options.SqliteSynchronous == "full"));
        }
        // Sign-in cookies, antiforgery and bearer tokens are protected with one key ring kept in the database, so a token one
        // instance issued is accepted by every other (and survives a restart); the name, not the folder, tells the application.
        builder.Services.AddDataProtection().SetApplicationName("ses").PersistKeysToDbContext<SesDbContext>();
        return builder;
    }

    /// <summary>The validated <c>Database</c> section; a wrong setting throws with the key named.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(options);
        var problems = options.Problems().ToList();
        return problems.Count > 0 ? throw new ConfigurationProblemException(string.Join("; ", problems)) : options;
    }

    /// <summary>The same database the service uses, for the command line.</summary>
    public static SesDbContext Open(DatabaseOptions options)
    {
        if (options.Provider == "postgres")
        {
            var pg = new DbContextOptionsBuilder<PostgresSesDbContext>();
            Configure(pg, options);
            return new PostgresSesDbContext(pg.Options);
        }
        var builder = new DbContextOptionsBuilder<SesDbContext>();
        Configure(builder, options);
        return new SesDbContext(builder.Options);
    }

    private static void Configure(DbContextOptionsBuilder o, DatabaseOptions options)
    {
        if (options.Provider == "postgres")
        {
            o.UseNpgsql(options.ConnectionString);
            return;
        }
        var csb = new SqliteConnectionStringBuilder(options.ConnectionString ?? "Data Source=data/ses.db") { DefaultTimeout = 30, Pooling = true };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(csb.DataSource))!);
        o.UseSqlite(csb.ToString());
        o.AddInterceptors(SqliteWriterQueue.Instance);
        if (options.SqliteSynchronous == "normal") o.AddInterceptors(SynchronousNormal.Instance);
    }

    /// <summary>Applies pending migrations; SQLite is switched to WAL so readers do not wait for the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }

    public static async Task MigrateAsync(SesDbContext db)
    {
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }

    /// <summary>
    /// <c>PRAGMA synchronous=NORMAL</c> on every connection (<c>Database:SqliteSynchronous=normal</c>): in WAL mode a commit
    /// no longer waits for the disk; the database stays consistent, and survives a crash of the service, but the last
    /// commits before a power loss or an operating-system crash may be lost.
    /// </summary>
    private sealed class SynchronousNormal : DbConnectionInterceptor
    {
        public static readonly SynchronousNormal Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL";
            command.ExecuteNonQuery();
        }
    }
}
