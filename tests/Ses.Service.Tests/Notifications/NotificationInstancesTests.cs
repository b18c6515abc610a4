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
    private readonly PostgresTestDatabase _postgres = new();

    public void Dispose()
    {
        _postgres.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Database(string provider) => provider == "sqlite" ? [] : _postgres.Settings();

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
