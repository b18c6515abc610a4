using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>Database:SqliteSynchronous: full by default, normal when chosen, anything else a configuration error.</summary>
public sealed class DatabaseSettingsTests
{
    private static DatabaseOptions Read(string? synchronous) => DataSetup.Read(new ConfigurationBuilder()
        .AddInMemoryCollection(synchronous is null ? [] : [new("Database:SqliteSynchronous", synchronous)]).Build());

    [Fact]
    public void UnknownValue_IsAConfigurationErrorNamingTheKey()
    {
        var e = Assert.Throws<ConfigurationProblemException>(() => Read("off"));
        Assert.Contains("Database:SqliteSynchronous", e.Message);
    }

    [Theory]
    [InlineData(null, 2L)] // FULL
    [InlineData("normal", 1L)] // NORMAL
    public async Task Connections_UseTheConfiguredSetting(string? setting, long expected)
    {
        var folder = Directory.CreateTempSubdirectory("ses-sync-").FullName;
        try
        {
            var options = Read(setting);
            options.ConnectionString = $"Data Source={Path.Combine(folder, "ses.db")}";
            await using var db = DataSetup.Open(options);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(expected, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }
        finally
        {
            SqliteConnection.ClearPool(new SqliteConnection($"Data Source={Path.Combine(folder, "ses.db")}"));
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("normal", false)]
    public void StoredFiles_AreFlushedToDisk_AsDurablyAsTheRecords(string? setting, bool flushed)
    {
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-sync-").FullName, owns: true,
            settings: setting is null ? null : new Dictionary<string, string> { ["Database:SqliteSynchronous"] = setting });
        var store = Assert.IsType<Storage.DiskFileStore>(factory.Services.GetService(typeof(Storage.IFileStore)));
        Assert.Equal(flushed, store.FlushToDisk);
    }
}
