using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ses.Service.Data;
using Ses.Service.Storage;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Serving answers 409 <c>delivery.exists</c> only when the unique index on the document says it was served already;
/// a full disk is 503 <c>storage.full</c>, never "文书已送达".
/// </summary>
public sealed class ServeConflictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void UniqueViolation_IsTheUniqueOrPrimaryKeyConstraint_OfEitherProvider()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = ON; CREATE TABLE parent (id INTEGER PRIMARY KEY); "
            + "CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT UNIQUE, parent INTEGER REFERENCES parent(id), name TEXT NOT NULL); "
            + "INSERT INTO t (id, doc, name) VALUES (1, 'a', 'x');");

        Assert.True(UniqueViolation.Is(Refused(connection, "INSERT INTO t (id, doc, name) VALUES (2, 'a', 'x')")));
        Assert.True(UniqueViolation.Is(Refused(connection, "INSERT INTO t (id, doc, name) VALUES (1, 'b', 'x')")));
        Assert.False(UniqueViolation.Is(Refused(connection, "INSERT INTO t (id, doc, name) VALUES (3, 'c', NULL)")));
        Assert.False(UniqueViolation.Is(Refused(connection, "INSERT INTO t (id, doc, parent, name) VALUES (4, 'd', 99, 'x')")));
        Assert.False(UniqueViolation.Is(new SqliteException("database or disk is full", 13)));

        Assert.True(UniqueViolation.Is(new DbUpdateException("wrapped",
            new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));
        Assert.False(UniqueViolation.Is(new PostgresException("could not extend file", "ERROR", "ERROR", PostgresErrorCodes.DiskFull)));
        Assert.False(UniqueViolation.Is(new IOException("No space left on device", 28)));
    }

    [Fact]
    public async Task Serve_WhenTheDatabaseDiskIsFull_Is503StorageFull_NotAlreadyServed()
    {
        using var disk = FullDisk.Mount(4096);
        Assert.SkipWhen(!disk.Mounted, "tmpfs cannot be mounted here (needs root)");
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-svc-").FullName, owns: true,
            settings: new Dictionary<string, string> { ["Database:ConnectionString"] = $"Data Source={Path.Combine(disk.Path, "ses.db")}" });
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, _, _) = await world.CounterpartyAsync("磁盘已满送达测试公司");
        var (docId, _) = await world.IssueAsync(cp, "磁盘已满送达测试公司");

        disk.Fill();
        var served = await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct);
        var problem = await served.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, served.StatusCode);
        Assert.Equal(StorageFull.Code, problem.GetProperty("code").GetString());

        disk.Free();
        Assert.Equal(HttpStatusCode.Created, (await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct)).StatusCode);
        var twice = await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("delivery.exists", (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    /// <summary>
    /// A database that refuses the delivery's row as full while saving (as PostgreSQL does, or SQLite with a rollback
    /// journal: SQLite in WAL mode meets a full disk only at the commit, above). Before, every failed save of serving
    /// was answered 409 「文书已送达」.
    /// </summary>
    [Fact]
    public async Task Serve_WhenSavingTheDeliveryFailsForAnotherReason_IsNotAnsweredAsAlreadyServed()
    {
        var full = new RefuseInsert("deliveries", () => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));
        using var factory = new FailingSaveFactory(full);
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, _, _) = await world.CounterpartyAsync("保存失败送达测试公司");
        var (docId, _) = await world.IssueAsync(cp, "保存失败送达测试公司");

        full.Refusing = true;
        var served = await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, served.StatusCode);
        Assert.Equal(StorageFull.Code, (await served.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(0, world.WithDb(db => db.Deliveries.Count()));

        full.Refusing = false;
        Assert.Equal(HttpStatusCode.Created, (await world.Officer.PostAsJsonAsync($"/api/documents/{docId}/serve", new { }, Ct)).StatusCode);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteException Refused(SqliteConnection connection, string sql) => Assert.Throws<SqliteException>(() => Execute(connection, sql));
}
