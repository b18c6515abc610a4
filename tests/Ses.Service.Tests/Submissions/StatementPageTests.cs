using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Ses.Service.Tests.Pages;

namespace Ses.Service.Tests.Submissions;

/// <summary>
/// The counterparty's statement form in a real browser without JavaScript, at phone width: reached from the served
/// notice, it states the period's last day; a file whose content is not what its name says is refused beside the file
/// input with what was typed kept; submitted, the receipt is there to download; after the period the form says the
/// statement will be marked late (实施办法第十三条).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatementPageTests
{
    private const string Party = "陈述页面测试航空有限公司";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/signin/account");
        await page.GetByLabel("账号名称").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DeliveryWorld.AccountPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task StatementForm_FromTheNotice_RefusesAMislabelledFile_SubmitsWithReceipt_SaysLateAfterThePeriod()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 3, 9, 10));
        await using var host = await BrowserHost.StartAsync(clock);
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, accounts, names) = await world.CounterpartyAsync(Party);
        var (docId, _) = await world.IssueAsync(cp, Party);
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;
        (await accounts[0].PostAsync($"/api/my/deliveries/{delivery}/confirm", null, Ct)).EnsureSuccessStatusCode();
        var period = await accounts[0].GetFromJsonAsync<JsonElement>($"/api/my/deliveries/{delivery}/statement", Ct);
        var lastDay = DateOnly.ParseExact(period.GetProperty("lastDay").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await host.NewPageAsync(width: 390, height: 844);
        await SignInAsync(page, names[0]);
        await page.GotoAsync($"/inbox/{delivery}");
        await page.GetByRole(AriaRole.Link, new() { Name = "提交陈述和申辩" }).ClickAsync();
        await Assertions.Expect(page.Locator("#period-last-day")).ToHaveTextAsync($"{lastDay.Year}年{lastDay.Month}月{lastDay.Day}日");
        await Assertions.Expect(page.Locator("#period-notice")).ToContainTextAsync("期限届满后仍可提交，但将被标记为逾期");

        // A PNG named .pdf: refused beside the file input, naming the file; the text stays.
        await page.GetByLabel("陈述和申辩意见").FillAsync("航班延误系天气原因，请求不予认定。");
        await page.Locator("#f-Files").SetInputFilesAsync(new FilePayload { Name = "申辩书.pdf", MimeType = "application/pdf", Buffer = SubmissionFiles.Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交陈述和申辩" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field.invalid .error")).ToContainTextAsync("附件「申辩书.pdf」的内容不是 PDF 文件");
        await Assertions.Expect(page.GetByLabel("陈述和申辩意见")).ToHaveValueAsync("航班延误系天气原因，请求不予认定。");
        Assert.Equal(0, world.WithDb(db => db.Submissions.Count()));

        // The right file: submitted, the receipt is there.
        await page.Locator("#f-Files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "申辩书.pdf", MimeType = "application/pdf", Buffer = SubmissionFiles.Pdf },
            new FilePayload { Name = "照片.png", MimeType = "image/png", Buffer = SubmissionFiles.Png },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交陈述和申辩" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("陈述和申辩已提交");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("照片.png");
        await host.ScreenshotAsync(page, "phone-statement-submitted", forDocs: true);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载电子提交回执（PDF）" }).ClickAsync());
        var file = await download.PathAsync();
        var text = ReceiptChecks.Text(await File.ReadAllBytesAsync(file, Ct));
        Assert.Contains("电子提交回执", text);
        Assert.Contains("申辩书.pdf", text);

        // After the period: the form says the statement will be marked late, with the working days.
        clock.Now = TestClock.Beijing(lastDay.Year, lastDay.Month, lastDay.Day, 10).AddDays(7);
        var later = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await SignInAsync(later, names[0]);
        await later.GotoAsync($"/inbox/{delivery}/statement");
        await Assertions.Expect(later.Locator("#late-notice")).ToContainTextAsync("将被标记为逾期（逾期 5 个工作日）");
        var widths = await later.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the statement form is {widths[0]} px wide on a {widths[1]} px screen");
        await host.ScreenshotAsync(later, "phone-statement-late", forDocs: true);
    }
}
