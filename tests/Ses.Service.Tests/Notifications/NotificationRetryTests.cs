using Ses.Service.Notifications;

namespace Ses.Service.Tests.Notifications;

/// <summary>Failures are recorded and retried with back-off on the injected clock, then sent or given up.</summary>
public sealed class NotificationRetryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-notify-retry-").FullName;
    private readonly ManualClock _clock = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IEnumerable<NotificationMessage> OneEmail(NotificationOutbox o, string to = "zhangsan@example.com") =>
        [o.Enqueue(NotificationKind.Served, NotificationChannel.Email, to, "张三", "送达通知", "您好。")];

    [Fact]
    public void RetryDelay_DoublesFromOneMinuteAndStopsAtAnHour()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], Enumerable.Range(1, 9).Select(a => NotificationDispatcher.RetryDelay(a).TotalMinutes));
    }

    [Fact]
    public async Task SmtpDown_RecordsEachFailureAndBacksOff_ThenSendsOnceTheServerIsUp()
    {
        var port = SmtpTestServer.FreePort();
        var observer = new RecordingObserver();
        using var service = new NotificationServiceFactory(_folder, _clock, port, observer: observer);
        await service.EnqueueAsync(o => OneEmail(o));
        var start = _clock.GetUtcNow();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await service.Dispatcher.RunOnceAsync(ct));
        var row = Assert.Single(await service.MessagesAsync());
        Assert.Equal((1, start.AddMinutes(1)), (row.Attempts, row.NextAttemptAt));
        Assert.Null(row.SentAt);
        Assert.Null(row.FailedAt);
        Assert.Contains("SocketException", row.LastError);

        // Not due again until the back-off has passed.
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await service.Dispatcher.RunOnceAsync(ct));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await service.Dispatcher.RunOnceAsync(ct));
        row = Assert.Single(await service.MessagesAsync());
        Assert.Equal((2, start.AddMinutes(1 + 2)), (row.Attempts, row.NextAttemptAt));

        await using var smtp = await SmtpTestServer.StartAsync(port);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await service.Dispatcher.RunOnceAsync(ct));
        row = Assert.Single(await service.MessagesAsync());
        Assert.Equal((3, start.AddMinutes(3)), (row.Attempts, row.SentAt));
        Assert.NotNull(row.ProviderAnswer);
        Assert.Contains("SocketException", row.LastError); // the last failure stays on record
        Assert.Single(smtp.Messages());

        Assert.Equal([(false, 1), (false, 2), (true, 3)], observer.Attempts.Select(a => (a.Sent, a.Attempts)));
        Assert.Equal(row.ProviderAnswer, observer.Attempts.Last().Answer);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await service.Dispatcher.RunOnceAsync(ct));
    }

    [Fact]
    public async Task SmtpDown_GivesUpAfterMaxAttempts()
    {
        using var service = new NotificationServiceFactory(_folder, _clock, SmtpTestServer.FreePort(),
            extra: new Dictionary<string, string> { ["Notifications:MaxAttempts"] = "3" });
        await service.EnqueueAsync(o => OneEmail(o));
        var ct = TestContext.Current.CancellationToken;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, await service.Dispatcher.RunOnceAsync(ct));
            _clock.Advance(NotificationDispatcher.RetryDelay(attempt));
        }
        var row = Assert.Single(await service.MessagesAsync());
        Assert.Equal(3, row.Attempts);
        Assert.NotNull(row.FailedAt);
        Assert.Null(row.SentAt);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await service.Dispatcher.RunOnceAsync(ct));
    }

    [Fact]
    public async Task RecipientNotAnAddress_IsGivenUpAtTheFirstAttempt()
    {
        using var service = new NotificationServiceFactory(_folder, _clock, SmtpTestServer.FreePort());
        await service.EnqueueAsync(o => OneEmail(o, "zhangsan.example.com"));
        Assert.Equal(1, await service.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));
        var row = Assert.Single(await service.MessagesAsync());
        Assert.Equal((1, "recipient is not an email address"), (row.Attempts, row.LastError));
        Assert.NotNull(row.FailedAt);
    }

    [Fact]
    public async Task Reminder_QueuedForLater_IsNotSentBeforeItsTime()
    {
        using var service = new NotificationServiceFactory(_folder, _clock, smtpPort: null);
        var at = _clock.GetUtcNow().AddDays(2);
        await service.EnqueueAsync(o => o.EnqueueForCounterparty(NotificationTests.Party(), NotificationKind.Reminder,
            new NotificationContent("提醒", "提醒", "提醒"), notBefore: at));
        Assert.Equal(0, await service.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await service.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));
    }
}
