using MimeKit;
using Ses.Service.Counterparties;
using Ses.Service.Notifications;

namespace Ses.Service.Tests.Notifications;

/// <summary>Serving notifications to a counterparty's two contacts: email through a real SMTP server read back from
/// its Maildir, SMS recorded in the outbox, and logs without personal data.</summary>
public sealed class NotificationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-notify-").FullName;
    private readonly ManualClock _clock = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static Counterparty Party() => new()
    {
        Kind = CounterpartyKind.DomesticLegalPerson,
        Name = "西安某某航空服务有限公司",
        IdScheme = "uscc",
        IdValue = "91610000MA6TG1234X",
        SupervisingBureau = "xibei",
        Contact1Name = "张三",
        Contact1Mobile = "13812345678",
        Contact1Email = "zhangsan@example.com",
        Contact2Name = "李四",
        Contact2Mobile = "13987654321",
        Contact2Email = "lisi@example.org",
    };

    internal static NotificationContent Served(string contact) => new(
        $"{contact}：民航西北地区管理局已向贵单位送达西北局信告字〔2026〕1号，请登录 SES 查看并确认收到。",
        "送达通知：西北局信告字〔2026〕1号",
        $"{contact}：您好。\n\n民航西北地区管理局已向西安某某航空服务有限公司送达《行政处罚告知书》（西北局信告字〔2026〕1号），请登录 SES 查看并确认收到。\n");

    [Fact]
    public async Task ServedOnCounterparty_EmailsBothContactsThroughRealSmtpInUtf8Chinese_AndRecordsEachSms()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        using var service = new NotificationServiceFactory(_folder, _clock, smtp.Port);
        var delivery = Guid.NewGuid();
        var queued = await service.EnqueueAsync(o => o.EnqueueForCounterparty(Party(), NotificationKind.Served, Served, delivery));
        Assert.Equal(["sms", "email", "sms", "email"], queued.Select(m => m.Channel));

        Assert.Equal(4, await service.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));

        var mails = smtp.Messages();
        Assert.Equal(2, mails.Count);
        var zhang = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "zhangsan@example.com");
        var li = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "lisi@example.org");
        Assert.Equal("张三", zhang.To.Mailboxes.Single().Name);
        Assert.Equal("李四", li.To.Mailboxes.Single().Name);
        Assert.Equal("zhangsan@example.com", zhang.Headers["X-RcptTo"]);
        foreach (var mail in mails)
        {
            var from = mail.From.Mailboxes.Single();
            Assert.Equal("民航西北地区管理局 SES", from.Name);
            Assert.Equal("ses@xibei.caac.example", from.Address);
            Assert.Equal("送达通知：西北局信告字〔2026〕1号", mail.Subject);
            Assert.Equal("utf-8", Assert.IsType<TextPart>(mail.Body).ContentType.Charset, ignoreCase: true);
        }
        Assert.Equal(Served("张三").EmailBody.ReplaceLineEndings(), zhang.TextBody?.ReplaceLineEndings());

        var rows = await service.MessagesAsync();
        Assert.All(rows, r =>
        {
            Assert.Equal(_clock.GetUtcNow(), r.SentAt);
            Assert.Equal(1, r.Attempts);
            Assert.Equal(delivery, r.DeliveryId);
            Assert.Null(r.FailedAt);
            Assert.Null(r.ClaimedUntil);
        });
        Assert.All(rows.Where(r => r.Channel == "email"), r => Assert.False(string.IsNullOrWhiteSpace(r.ProviderAnswer)));
        var sms = rows.Where(r => r.Channel == "sms").ToList();
        Assert.Equal(["13812345678", "13987654321"], sms.Select(r => r.Recipient));
        Assert.All(sms, r => Assert.Equal($"recorded:{r.Id}", r.ProviderAnswer));
        Assert.Equal(Served("李四").Sms, sms[1].Body);
        Assert.Equal("李四", sms[1].RecipientName);
    }

    [Fact]
    public async Task WithoutSmtpHost_QueuesNoEmail_AndTheSmsOutboxKeepsTheExactText()
    {
        var party = Party();
        party.Contact2Mobile = " 13812345678 "; // the same phone for both contacts gets one SMS
        using var service = new NotificationServiceFactory(_folder, _clock, smtpPort: null);
        var queued = await service.EnqueueAsync(o => o.EnqueueForCounterparty(party, NotificationKind.Reminder,
            new NotificationContent("明日为西北局信告字〔2026〕1号的视为送达日，请及时登录 SES 确认收到。", "提醒", "提醒")));

        var only = Assert.Single(queued);
        Assert.Equal(1, await service.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));
        var row = Assert.Single(await service.MessagesAsync());
        Assert.Equal(("sms", "reminder", "13812345678", "张三"), (row.Channel, row.Kind, row.Recipient, row.RecipientName));
        Assert.Equal("明日为西北局信告字〔2026〕1号的视为送达日，请及时登录 SES 确认收到。", row.Body);
        Assert.Equal($"recorded:{only.Id}", row.ProviderAnswer);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task BackgroundDispatcher_SendsQueuedMessagesWithinAPoll()
    {
        using var service = new NotificationServiceFactory(_folder, _clock, smtpPort: null,
            extra: new Dictionary<string, string> { ["Notifications:PollSeconds"] = "1" });
        await service.EnqueueAsync(o => o.EnqueueForCounterparty(Party(), NotificationKind.Alert, Served));
        for (var waited = 0; waited < 150 && (await service.MessagesAsync()).Any(m => m.SentAt is null); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.All(await service.MessagesAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task Logs_ShowMaskedRecipientsAndIds_NeverANumberAddressNameOrBody()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var logs = new CapturedLogs();
        using (var service = new NotificationServiceFactory(_folder, _clock, smtp.Port, logs))
        {
            await service.EnqueueAsync(o => o.EnqueueForCounterparty(Party(), NotificationKind.Served, Served));
            await service.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken);
        }
        // and the failing path: the server's error text can quote the address
        using (var down = new NotificationServiceFactory(_folder, _clock, SmtpTestServer.FreePort(), logs))
        {
            await down.EnqueueAsync(o => o.EnqueueForCounterparty(Party(), NotificationKind.Served, Served));
            await down.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken);
        }

        var all = logs.All;
        Assert.Contains("138****5678", all);
        Assert.Contains("z***@example.com", all);
        Assert.Contains("l***@example.org", all);
        // Both paths were logged, each naming its recipient masked: the SMS recorded in the outbox, the email not sent.
        Assert.Contains(logs.Entries, e => e.EventId.Id == 3005 && e["Recipient"] is "138****5678");
        Assert.Contains(logs.Entries, e => e.EventId.Id == 3003 && e["Recipient"] is "z***@example.com" or "l***@example.org");
        foreach (var secret in new[] { "13812345678", "13987654321", "zhangsan@", "lisi@", "张三", "李四", "西安某某", "信告字" })
        {
            Assert.DoesNotContain(secret, all);
        }
    }
}
