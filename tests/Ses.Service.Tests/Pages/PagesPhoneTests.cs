using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// On a 390 px phone every page fits the screen: wide tables scroll inside their own box, never the page, and a date
/// is never broken across lines.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesPhoneTests
{
    private const string Party = "手机屏幕测试国际航空货运股份有限公司";

    /// <summary>The page is no wider than the screen (nothing makes the whole page scroll sideways).</summary>
    private static async Task AssertFitsAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path}: {response.Status}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide on a {widths[1]} px screen");
    }

    /// <summary>The element's text lies on one line (an inline element broken across lines has one box per line).</summary>
    private static async Task AssertOneLineAsync(ILocator element) =>
        Assert.Equal(1, await element.EvaluateAsync<int>("e => e.getClientRects().length"));

    [Fact]
    public async Task Phone390_PagesFitTheScreen_TablesScrollInTheirBox_DatesStayOnOneLine()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, accounts) = await world.CounterpartyAsync(Party);
        var (docId, _) = await world.IssueAsync(cp, Party);
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;
        await world.IssueAsync(cp, Party);

        var officer = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await PagesJourneyTests.SignInStaffAsync(officer, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));
        foreach (var path in new[]
                 {
                     "/officer", "/officer/new", "/officer/register", $"/officer/documents/{docId}", "/officer/draft?form=notice-org",
                     $"/legal/deliveries/{delivery}", "/legal", "/legal/verify",
                 })
        {
            await AssertFitsAsync(officer, path);
        }

        // The dashboard's deemed date: whole on one line, in a table that scrolls inside its box.
        await AssertFitsAsync(officer, "/officer");
        var deemed = officer.Locator("#deemed + .table-wrap td time.date").First;
        await Assertions.Expect(deemed).ToHaveTextAsync("2026年3月12日");
        await AssertOneLineAsync(deemed);
        await host.ScreenshotAsync(officer, "phone-officer-dashboard");

        // The register has six columns: wider than the phone, it scrolls inside its own box.
        await AssertFitsAsync(officer, "/officer/register");
        var wrap = officer.Locator(".table-wrap").First;
        Assert.Equal("auto", await wrap.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"));
        // The cue that more columns are there: shadows at the box's edges (scrolling with the box, not with the table).
        Assert.Contains("radial-gradient", await wrap.EvaluateAsync<string>("e => getComputedStyle(e).backgroundImage"));
        Assert.True(await wrap.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"),
            "the register table should be wider than the phone and scroll in its box");
        foreach (var date in await officer.Locator("td time .date").AllAsync()) await AssertOneLineAsync(date);
        await host.ScreenshotAsync(officer, "phone-officer-register");

        var admin = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        foreach (var path in new[] { "/admin/counterparties", $"/admin/counterparties/{cp}", "/admin/staff", "/admin/bureau" })
        {
            await AssertFitsAsync(admin, path);
        }

        var account = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await account.GotoAsync("/signin/account");
        await account.GetByLabel("账号名称").FillAsync(accounts[0]);
        await account.GetByLabel("密码").FillAsync(DeliveryWorld.AccountPassword);
        await account.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        foreach (var path in new[] { "/inbox", $"/inbox/{delivery}", $"/inbox/{delivery}/confirm" })
        {
            await AssertFitsAsync(account, path);
        }
        await AssertFitsAsync(account, "/inbox");
        var inboxDate = account.Locator("tbody td time.date").First;
        await Assertions.Expect(inboxDate).ToHaveTextAsync("2026年3月12日");
        await AssertOneLineAsync(inboxDate);
        await host.ScreenshotAsync(account, "phone-inbox");
    }
}
