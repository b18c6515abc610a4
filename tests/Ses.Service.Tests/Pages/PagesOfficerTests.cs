using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>The officer's document page in a real browser: a decision served both ways, its paper delivery recorded with the receipt scan, voiding.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesOfficerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Decision_ServedBothWays_PaperRecordedWithReceiptUpload_AnotherVoidedWithReason()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 3, 9, 10));
        await using var host = await BrowserHost.StartAsync(clock);
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync("纸质测试航空有限公司");
        var (decision, decisionNumber) = await world.IssueAsync(cp, "纸质测试航空有限公司", decision: true);
        var (notice, _) = await world.IssueAsync(cp, "纸质测试航空有限公司");
        var page = await host.NewPageAsync();
        var officer = TestUsers.Create(host.Factory, "xibei", StaffRole.Officer);
        await PagesJourneyTests.SignInStaffAsync(page, officer);

        // An important form is served both ways: the page proposes it, and refuses electronic only beside the choice.
        await page.GotoAsync($"/officer/documents/{decision}");
        await Assertions.Expect(page.GetByLabel("电子送达并纸质送达")).ToBeCheckedAsync();
        await page.GetByLabel("电子送达（送达至相对人 SES 账户）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "送达…", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#mode-error")).ToContainTextAsync("重要文书");
        await page.GetByLabel("电子送达并纸质送达").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "送达…", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认送达" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已送达");

        // Two days later the receipt comes back and is recorded with its scan.
        clock.Now = TestClock.Beijing(2026, 3, 11, 15);
        await PagesJourneyTests.SignInStaffAsync(page, officer); // the 8-hour sign-in has expired
        await page.GotoAsync($"/officer/documents/{decision}");
        await Assertions.Expect(page.GetByLabel("送达日期")).ToHaveValueAsync("2026-03-11");
        await page.Locator("#f-Method").FillAsync("EMS");
        await page.GetByLabel("邮件号").FillAsync("EA000000001CN");
        await page.GetByLabel("签收人").FillAsync("王五");
        await Assertions.Expect(page.GetByLabel("送达回证扫描件")).ToHaveAttributeAsync("required", "required"); // the browser asks for it first
        var scan = Path.Combine(host.Factory.Folder, "receipt.png");
        await File.WriteAllBytesAsync(scan, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Ct);
        await page.Locator("#f-Method").FillAsync("EMS");
        await page.GetByLabel("签收人").FillAsync("王五");
        await page.GetByLabel("送达回证扫描件").SetInputFilesAsync(scan);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记纸质送达" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("纸质送达已登记");
        await Assertions.Expect(page.Locator("dl.facts").Nth(1)).ToContainTextAsync("2026年3月11日，EMS，签收人 王五");
        var record = world.WithDb(db => db.Deliveries.AsNoTracking().Single(d => d.DocumentId == Guid.Parse(decision)));
        Assert.Equal(new DateOnly(2026, 3, 11), record.DeliveredOn);
        Assert.NotNull(record.PaperReceiptSha256);
        await host.ScreenshotAsync(page, "officer-paper-recorded");

        // Voiding needs a reason; the number stays in the register.
        await page.GotoAsync($"/officer/documents/{notice}");
        await page.GetByLabel("作废理由").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "作废文书…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Reason-error")).ToContainTextAsync("作废理由");
        await page.GetByLabel("作废理由").FillAsync("相对人名称有误，另行制作");
        await page.GetByRole(AriaRole.Button, new() { Name = "作废文书…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认作废" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("文书已作废");
        await page.GotoAsync("/officer/register");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "相对人名称有误" })).ToContainTextAsync("已作废");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = decisionNumber })).ToContainTextAsync("已签发");
    }
}
