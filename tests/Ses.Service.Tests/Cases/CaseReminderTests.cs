using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Cases;
using Ses.Service.Notifications;
using Ses.Service.Tests.Notifications;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// The reminder of a due date by email on the working day before it, through a real SMTP server: once per due date,
/// not on other days, not on a rest day, and only to a user with an email.
/// </summary>
public sealed class CaseReminderTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("ses-remind-").FullName;

    [Fact]
    public async Task CollectionDueFriday_RemindedOnThursdayOnce_ByEmailInChinese()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var clock = new TestClock(TestClock.Beijing(2026, 10, 14));
        using var service = new DevelopmentServiceFactory(_folder, time: clock, settings: new Dictionary<string, string>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None", ["Notifications:Smtp:From"] = NotificationServiceFactory.From,
        });
        var world = await CaseWorld.CreateAsync(service, "xibei");
        await world.OpenAsync(); // decision 2026-09-28: the collection form is due Friday 2026-10-16
        Assert.Equal(0, await Run(service)); // no email set yet … and Wednesday is not the day before
        var staff = await world.Delivery.Admin.GetFromJsonAsync<JsonElement>("/api/staff", Ct);
        var officer = staff.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == world.OfficerName).GetProperty("id").GetString();
        var bad = await world.Delivery.Admin.PostAsJsonAsync($"/api/staff/{officer}/email", new { email = "not-an-address" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await world.Delivery.Admin.PostAsJsonAsync($"/api/staff/{officer}/email", new { email = "officer@xibei.caac.example" }, Ct)).StatusCode);

        Assert.Equal(0, await Run(service)); // Wednesday
        clock.Now = TestClock.Beijing(2026, 10, 15, 8);
        Assert.Equal(1, await Run(service)); // Thursday, the working day before
        Assert.Equal(0, await Run(service)); // once
        using (var scope = service.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(Ct);
        }
        var mail = Assert.Single(smtp.Messages());
        Assert.Equal("officer@xibei.caac.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("填报采集单", mail.Subject);
        Assert.Contains("2026年10月16日", mail.Subject);
        Assert.Contains("西域通用航空有限公司", mail.TextBody);
        Assert.Contains("实施办法第十二条第一款", mail.TextBody);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", mail.TextBody);
    }

    [Fact]
    public async Task DueMonday_RemindedOnFriday_NotOnTheWeekend()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        // Decision Friday 2026-11-06: the collection form is due 10 working days later, Friday 11-20; a case decided on
        // Monday 11-09 is due Monday 11-23, so its reminder comes on Friday 11-20, not on Sunday 11-22.
        var clock = new TestClock(TestClock.Beijing(2026, 11, 20, 8));
        using var service = new DevelopmentServiceFactory(_folder, time: clock, settings: new Dictionary<string, string>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1", ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None", ["Notifications:Smtp:From"] = NotificationServiceFactory.From,
        });
        var world = await CaseWorld.CreateAsync(service, "huabei");
        await world.OpenAsync(decisionDate: "2026-11-09");
        var staff = await world.Delivery.Admin.GetFromJsonAsync<JsonElement>("/api/staff", Ct);
        var officer = staff.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == world.OfficerName).GetProperty("id").GetString();
        await world.Delivery.Admin.PostAsJsonAsync($"/api/staff/{officer}/email", new { email = "officer@huabei.caac.example" }, Ct);
        clock.Now = TestClock.Beijing(2026, 11, 22, 8);
        Assert.Equal(0, await Run(service)); // Sunday
        clock.Now = TestClock.Beijing(2026, 11, 20, 8);
        Assert.Equal(1, await Run(service)); // Friday
    }

    private static async Task<int> Run(DevelopmentServiceFactory service)
    {
        using var scope = service.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseReminders>().RunOnceAsync(Ct);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
