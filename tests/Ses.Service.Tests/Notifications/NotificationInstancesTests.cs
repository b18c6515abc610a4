using Npgsql;
using Ses.Service.Notifications;

namespace Ses.Service.Tests.Notifications;

/// <summary>
/// Several instances on one database — a SQLite file, and the real PostgreSQL that .ci/run starts (SES_TEST_POSTGRES
/// holds an administrator connection string; the test makes and drops its own database): each message is claimed,
/// and so sent, by exactly one of them.
/// </summary>
public sealed class NotificationInstancesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-notify-two-").FullName;
    private readonly string? _admin = Environment.GetEnvironmentVariable("SES_TEST_POSTGRES");
    private readonly string _database = $"ses_test_{Guid.NewGuid():N}";
    private string? _connection;

    public void Dispose()
    {
        if (_connection is not null)
        {
            // This database's pool only: clearing every pool would pull connections from under parallel tests.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(_connection));
            using var c = new NpgsqlConnection(_admin);
            c.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", c);
            drop.ExecuteNonQuery();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Database(string provider)
    {
        if (provider == "sqlite") return [];
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
        _connection = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ToString();
        return new() { ["Database:Provider"] = "postgres", ["Database:ConnectionString"] = _connection };
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoDispatchersOnOneDatabase_SendEachMessageExactlyOnce(string provider)
    {
        var database = Database(provider);
        await using var smtp = await SmtpTestServer.StartAsync();
        var clock = new ManualClock();
        using var a = new NotificationServiceFactory(_folder, clock, smtp.Port, extra: database);
        using var b = new NotificationServiceFactory(_folder, clock, smtp.Port, extra: database);
        var ct = TestContext.Current.CancellationToken;
        await a.EnqueueAsync(o => Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            o.Enqueue(NotificationKind.Served, NotificationChannel.Email, $"contact{i}@example.com", $"联系人{i}", $"送达通知 {i}", "您好。"),
            o.Enqueue(NotificationKind.Served, NotificationChannel.Sms, $"1380000{i:0000}", $"联系人{i}", "", $"短信 {i}"),
        }).ToList());
        _ = b.Server;

        // Three rounds on each instance at once, all racing for the same 80 messages.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).Dispatcher.RunOnceAsync(ct), ct)));

        Assert.Equal(80, attempts.Sum());
        var mails = smtp.Messages();
        Assert.Equal(40, mails.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"contact{i}@example.com").Order(),
            mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var rows = await b.MessagesAsync();
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.Equal(80, rows.Select(r => r.ClaimedBy).Count(c => c is not null));
    }
}
