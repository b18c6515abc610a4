using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Ses.Service.Data;
using Ses.Service.Issuing;

namespace Ses.Service.Tests;

/// <summary>
/// Several instances on one PostgreSQL database: the real server that .ci/run starts (SES_TEST_POSTGRES holds an
/// administrator connection string); each test makes and drops its own database.
/// </summary>
public sealed class PostgresTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-pg-").FullName;
    private readonly string? _admin = Environment.GetEnvironmentVariable("SES_TEST_POSTGRES");
    private readonly string _database = $"ses_test_{Guid.NewGuid():N}";

    public void Dispose()
    {
        if (_admin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var c = new NpgsqlConnection(_admin);
            c.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", c);
            drop.ExecuteNonQuery();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private string Connection()
    {
        if (_admin is null)
        {
            const string reason = "no PostgreSQL server: set SES_TEST_POSTGRES (.ci/run installs and starts one)";
            if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail(reason + " and SES_REQUIRE_ALL=1");
            Assert.Skip(reason);
        }
        using (var c = new NpgsqlConnection(_admin))
        {
            c.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", c);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ToString();
    }

    private DevelopmentServiceFactory Instance(string connection) => new(_folder, settings: new Dictionary<string, string>
    {
        ["Database:Provider"] = "postgres",
        ["Database:ConnectionString"] = connection,
    });

    private static async Task<IssuedDocument?> Issue(IServiceProvider services, string party)
    {
        await using var scope = services.CreateAsyncScope();
        var data = JsonSerializer.SerializeToElement(new { party, actDate = "2026-03-02", actDescription = "提交虚假材料" });
        return (await scope.ServiceProvider.GetRequiredService<IssuingService>()
            .IssueAsync(new IssueRequest("notice-org", data, null, "officer1", "test"), CancellationToken.None)).Document;
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabase_Give640DistinctNumbers1To640()
    {
        var connection = Connection();
        using var a = Instance(connection);
        using var b = Instance(connection);
        _ = a.Server;
        _ = b.Server;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var services = i % 2 == 0 ? a.Services : b.Services;
            for (var j = 0; j < 20; j++) Assert.NotNull(await Issue(services, $"相对人{i}-{j}"));
        })));
        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        Assert.IsType<PostgresSesDbContext>(db);
        var numbers = (await db.IssuedDocuments.AsNoTracking().Select(d => d.Sequence).ToListAsync(TestContext.Current.CancellationToken)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 640), numbers);
        var issuedAt = await db.IssuedDocuments.AsNoTracking().Select(d => d.IssuedAt).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.Zero, issuedAt.Offset);
    }
}
