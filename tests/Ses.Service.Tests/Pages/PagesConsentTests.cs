using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// The confirmation letter in a real browser: without a verified letter the officer is offered paper only and told why;
/// the administrator records the checked letter (a scan whose content is not what its name says is refused beside the
/// field), and electronic service is offered again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesConsentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutALetter_PaperOnly_ThenTheAdministratorRecordsTheLetter_AndElectronicServiceIsOffered()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync("确认函页面测试航空", letter: false);
        var (notice, _) = await world.IssueAsync(cp, "确认函页面测试航空");

        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));
        await officer.GotoAsync($"/officer/documents/{notice}");
        await Assertions.Expect(officer.Locator("#electronic-service")).ToContainTextAsync("确认函》尚未经核验，只能纸质送达");
        await Assertions.Expect(officer.GetByLabel("纸质送达", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(officer.GetByLabel("电子送达（送达至相对人 SES 账户）")).ToBeDisabledAsync();
        await Assertions.Expect(officer.GetByLabel("电子送达并纸质送达")).ToBeDisabledAsync();

        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        await admin.GotoAsync($"/admin/counterparties/{cp}");
        await Assertions.Expect(admin.Locator("#electronic-service")).ToContainTextAsync("尚未经核验");
        var fake = Path.Combine(host.Factory.Folder, "确认函.pdf");
        await File.WriteAllBytesAsync(fake, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], Ct);
        await admin.GetByLabel("确认函落款日期").FillAsync("2026-03-02");
        await admin.GetByLabel("确认函扫描件").SetInputFilesAsync(fake);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记确认函" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#f-LetterFile-error")).ToContainTextAsync("内容与文件名不符");
        await Assertions.Expect(admin.GetByLabel("确认函落款日期")).ToHaveValueAsync("2026-03-02");

        var scan = Path.Combine(host.Factory.Folder, "确认函扫描件.pdf");
        await File.WriteAllBytesAsync(scan, DeliveryWorld.LetterScan, Ct);
        await admin.GetByLabel("确认函扫描件").SetInputFilesAsync(scan);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记确认函" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("可以电子送达");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "确认函扫描件.pdf" })).ToContainTextAsync("有效");
        await Assertions.Expect(admin.Locator("#electronic-service")).ToContainTextAsync("2026年3月2日签署的确认函已经核验");

        await officer.GotoAsync($"/officer/documents/{notice}");
        await Assertions.Expect(officer.GetByLabel("电子送达（送达至相对人 SES 账户）")).ToBeCheckedAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "送达…", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "确认送达" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("已送达至相对人账户");
    }
}
