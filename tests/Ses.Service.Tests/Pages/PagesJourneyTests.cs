using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Whole journeys through the pages in a real browser (Debian's Chromium, JavaScript off) against the service on a
/// loopback port. Screenshots of each page go to TestResults/screenshots.
/// </summary>
public sealed class PagesJourneyTests
{
    // Monday 9 March 2026, 10:00 Beijing time: served today, deemed delivered on Thursday 12 March.
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 3, 9, 10));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A counterparty with one account whose initial password is still to be changed.</summary>
    internal static async Task<(string Id, string UserName, string InitialPassword)> CounterpartyWithNewAccountAsync(DeliveryWorld world, string name)
    {
        var created = await world.Admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "foreign", name, idScheme = "licence", idValue = $"LIC{Guid.NewGuid():N}"[..16].ToUpperInvariant(), address = "",
            contacts = new[] { new { name = "甲", mobile = "13800000011", email = (string?)"ops@example.com" }, new { name = "乙", mobile = "13800000012", email = (string?)null } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await DeliveryWorld.Json(created)).GetProperty("id").GetString()!;
        var userName = $"ops_{Guid.NewGuid():N}"[..14];
        var account = await DeliveryWorld.Json(await world.Admin.PostAsJsonAsync($"/api/counterparties/{id}/accounts", new { userName, department = "运行控制部" }, Ct));
        return (id, userName, account.GetProperty("initialPassword").GetString()!);
    }

    [Fact]
    public async Task Account_FirstSignIn_ChangesPassword_OpensAndConfirms_SeesItsDeadlines()
    {
        await using var host = await BrowserHost.StartAsync(_clock);
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, userName, initial) = await CounterpartyWithNewAccountAsync(world, "页面测试航空有限公司");
        var (docId, number) = await world.IssueAsync(cp, "页面测试航空有限公司");
        var pdfSha = world.WithDb(db => db.IssuedDocuments.Single(d => d.Id == Guid.Parse(docId)).PdfSha256);
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;
        _clock.Now = TestClock.Beijing(2026, 3, 10, 9, 30);

        var page = await host.NewPageAsync();
        await page.GotoAsync("/inbox");
        Assert.Equal("/signin/account", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("账号名称").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(initial);
        await host.ScreenshotAsync(page, "account-signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The initial password must be changed before anything else.
        Assert.Equal("/password", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("首次登录");
        await page.GotoAsync("/inbox");
        Assert.Equal("/password", new Uri(page.Url).AbsolutePath);
        await page.GetByLabel("当前密码").FillAsync(initial);
        await page.GetByLabel("新密码", new() { Exact = false }).First.FillAsync("short");
        await page.GetByLabel("再次输入新密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field.invalid .error")).ToContainTextAsync("至少 10 个字符");
        await host.ScreenshotAsync(page, "account-password-change");
        await page.GetByLabel("当前密码").FillAsync(initial);
        await page.Locator("#f-NewPassword").FillAsync("Confirm-Passw0rd");
        await page.GetByLabel("再次输入新密码").FillAsync("Confirm-Passw0rd");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();

        Assert.Equal("/inbox", new Uri(page.Url).AbsolutePath);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("新送达");
        await Assertions.Expect(row).ToContainTextAsync("2026年3月12日"); // deemed: the 3rd working day after Monday
        await host.ScreenshotAsync(page, "account-inbox", forDocs: true);

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.Equal($"/inbox/{delivery}", new Uri(page.Url).AbsolutePath);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载文书（PDF）" }).ClickAsync());
        var file = await download.PathAsync();
        Assert.Equal(pdfSha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, Ct))));
        Assert.Equal($"{docId}.pdf", download.SuggestedFilename);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("已查看");
        await host.ScreenshotAsync(page, "account-document");

        await page.GetByRole(AriaRole.Link, new() { Name = "确认收讫…" }).ClickAsync();
        var effect = page.Locator("#legal-effect");
        await Assertions.Expect(effect).ToContainTextAsync("以确认之日为送达日");
        await Assertions.Expect(effect).ToContainTextAsync("2026年3月10日");
        await Assertions.Expect(effect).ToContainTextAsync("陈述和申辩期限");
        await Assertions.Expect(effect).ToContainTextAsync("2026年3月17日"); // the 5th working day after 10 March
        await Assertions.Expect(effect).ToContainTextAsync("不能撤回");
        await host.ScreenshotAsync(page, "account-confirm-step", forDocs: true);

        // Not ticked: nothing is confirmed, the message stands beside the box.
        await page.GetByRole(AriaRole.Button, new() { Name = "确认收讫" }).ClickAsync();
        await Assertions.Expect(page.Locator("#understood-error")).ToContainTextAsync("请先勾选");
        Assert.Null(world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(delivery)).ConfirmedAt));

        await page.GetByLabel("我已阅读并了解").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认收讫" }).ClickAsync();
        Assert.Equal($"/inbox/{delivery}", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认收讫");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("2026年3月10日 09:30（北京时间），账号 " + userName);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "陈述和申辩期限" })).ToContainTextAsync("2026年3月17日");
        await host.ScreenshotAsync(page, "account-confirmed");

        var record = world.WithDb(db => db.Deliveries.AsNoTracking().Single(d => d.Id == Guid.Parse(delivery)));
        Assert.Equal(userName, record.ConfirmedBy);
        Assert.Equal(new DateOnly(2026, 3, 10), record.DeliveredOn);
        var actions = world.WithDb(db => db.EvidenceEntries.Where(e => e.DeliveryId == Guid.Parse(delivery)).OrderBy(e => e.Sequence).Select(e => e.Action).ToList());
        Assert.Equal(["served", "downloaded", "confirmed"], actions);
    }
}
