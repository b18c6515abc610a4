using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// A form whose anti-forgery token no longer holds (its cookie deleted or changed): the page comes back in Chinese
/// with what was typed, nothing is done, and the next submission (with the fresh token) works. Not a blank 400.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesStaleFormTests
{
    [Fact]
    public async Task DraftForm_AntiforgeryCookieDeleted_ShowsChineseMessage_KeepsTypedData_ThenSaves()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var page = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(page, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));
        await page.GotoAsync("/officer/draft?form=notice-org");
        await page.Context.ClearCookiesAsync(new() { Name = "ses-af" });

        await page.GetByLabel("相对人名称").FillAsync("过期表单测试航空有限公司");
        await page.GetByLabel("失信行为事由").FillAsync("表单过期后输入的事由");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Assertions.Expect(page.Locator("#stale-form")).ToContainTextAsync("页面已过期");
        await Assertions.Expect(page.Locator("#stale-form")).ToContainTextAsync("请核对后再提交一次");
        await Assertions.Expect(page.GetByLabel("相对人名称")).ToHaveValueAsync("过期表单测试航空有限公司");
        await Assertions.Expect(page.GetByLabel("失信行为事由")).ToHaveValueAsync("表单过期后输入的事由");
        await host.ScreenshotAsync(page, "stale-form");
        Assert.Equal(0, world.WithDb(db => db.Drafts.Count()));

        // The page came back with a fresh token: submitting again saves.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        Assert.StartsWith("/officer/draft/", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("草稿已保存");
        Assert.Equal(1, world.WithDb(db => db.Drafts.Count()));
    }

    [Fact]
    public async Task VoidForm_AntiforgeryCookieAltered_KeepsTheReason_VoidsNothing_AndOtherFormsGetTheChinesePage()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, accounts) = await world.CounterpartyAsync("过期表单测试航空有限公司");
        var (docId, _) = await world.IssueAsync(cp, "过期表单测试航空有限公司");
        var page = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(page, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));
        await page.GotoAsync($"/officer/documents/{docId}");
        await page.GetByLabel("作废理由").FillAsync("过期后填写的作废理由");
        await page.GetByRole(AriaRole.Button, new() { Name = "作废文书…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-void")).ToBeVisibleAsync();

        // The cookie changes before 确认作废 (as after signing in again elsewhere).
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "ses-af");
        await page.Context.AddCookiesAsync(
            [new Cookie { Name = cookie.Name, Value = "CfDJ8-altered-" + cookie.Value[..10], Domain = cookie.Domain, Path = cookie.Path }]);
        await page.GetByRole(AriaRole.Button, new() { Name = "确认作废" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stale-form")).ToContainTextAsync("页面已过期");
        await Assertions.Expect(page.GetByLabel("作废理由")).ToHaveValueAsync("过期后填写的作废理由");
        await Assertions.Expect(page.Locator("#confirm-void")).ToHaveCountAsync(0);
        Assert.Null(world.WithDb(db => db.IssuedDocuments.Single(d => d.Id == Guid.Parse(docId)).VoidedAt));

        // A form of a page that keeps nothing (signing out): the Chinese 400 page, not a blank one.
        var signOut = await page.Context.APIRequest.PostAsync("/signout");
        var body = await signOut.TextAsync();
        Assert.True(signOut.Status == 400, signOut.Status + " " + signOut.Url + " " + body);
        Assert.Contains("页面已过期", body);
        Assert.Contains("<html lang=\"zh-CN\">", body);

        // The counterparty's own confirmation posted without its token: the page again, in Chinese, and nothing confirmed.
        var (served, _) = await world.IssueAsync(cp, "过期表单测试航空有限公司");
        var delivery = (await world.ServeAsync(served)).GetProperty("id").GetString()!;
        var account = await host.NewPageAsync();
        await account.GotoAsync("/signin/account");
        await account.GetByLabel("账号名称").FillAsync(accounts[0]);
        await account.GetByLabel("密码").FillAsync(DeliveryWorld.AccountPassword);
        await account.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var forged = await account.Context.APIRequest.PostAsync($"/inbox/{delivery}/confirm",
            new() { Form = account.Context.APIRequest.CreateFormData().Set("Understood", "true") });
        Assert.Equal(400, forged.Status);
        Assert.Contains("页面已过期", await forged.TextAsync());
        Assert.Null(world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(delivery)).ConfirmedAt));
    }
}
