using Npgsql;

namespace Ses.Service.Tests;

/// <summary>
/// A throw-away database on the real PostgreSQL that .ci/run starts (SES_TEST_POSTGRES holds an administrator
/// connection string): made on first use, dropped on dispose. Without the server the test is skipped with the reason —
/// unless SES_REQUIRE_ALL=1, where it fails.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string? _admin = Environment.GetEnvironmentVariable("SES_TEST_POSTGRES");
    private readonly string _name = $"ses_test_{Guid.NewGuid():N}";
    private string? _connection;

    /// <summary>The new database's connection string (created on the first call).</summary>
    public string ConnectionString()
    {
        if (_connection is not null) return _connection;
        if (_admin is null)
        {
            const string reason = "no PostgreSQL server: set SES_TEST_POSTGRES (.ci/run installs and starts one)";
            if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail(reason + " and SES_REQUIRE_ALL=1");
            Assert.Skip(reason);
        }
        using (var c = new NpgsqlConnection(_admin))
        {
            c.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", c);
            create.ExecuteNonQuery();
        }
        return _connection = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ToString();
    }

    /// <summary>The settings of a service instance on this database.</summary>
    public Dictionary<string, string> Settings() => new() { ["Database:Provider"] = "postgres", ["Database:ConnectionString"] = ConnectionString() };

    public void Dispose()
    {
        if (_connection is null) return;
        // This database's pool only: clearing every pool would pull connections from under parallel tests.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(_connection));
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        // FORCE cannot end a backend of another role (autovacuum, started by the server after heavy writes): then wait for
        // it and try again; a throw-away database left behind is no test's failure.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", c);
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006")
            {
                if (attempt == 10) return;
                Thread.Sleep(500);
            }
        }
    }
}
