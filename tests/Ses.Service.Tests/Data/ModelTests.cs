using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Tests.Data;

/// <summary>
/// The model the configurations build is the one the last migration recorded, on both providers: a configuration
/// moved or changed without a migration fails here (what <c>dotnet ef migrations has-pending-model-changes</c> checks).
/// </summary>
public sealed class ModelTests
{
    [Fact]
    public async Task SqliteModel_MatchesTheLastMigration()
    {
        var folder = Directory.CreateTempSubdirectory("ses-model-").FullName;
        var connection = $"Data Source={Path.Combine(folder, "ses.db")}";
        try
        {
            await using var db = DataSetup.Open(new DatabaseOptions { ConnectionString = connection });
            Assert.True(db.Database.IsSqlite());
            Assert.False(db.Database.HasPendingModelChanges());
        }
        finally
        {
            SqliteConnection.ClearPool(new SqliteConnection(connection));
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Comparing the model with the migrations' snapshot contacts no server, so this runs without PostgreSQL.</summary>
    [Fact]
    public async Task PostgresModel_MatchesTheLastMigration()
    {
        await using var db = DataSetup.Open(new DatabaseOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Database=never_opened" });
        Assert.IsType<PostgresSesDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    /// <summary>And on a real server, the migrated database reports no pending change either.</summary>
    [Fact]
    public async Task PostgresModel_OnAMigratedDatabase_HasNoPendingChanges()
    {
        using var postgres = new PostgresTestDatabase();
        await using var db = DataSetup.Open(new DatabaseOptions { Provider = "postgres", ConnectionString = postgres.ConnectionString() });
        await DataSetup.MigrateAsync(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
