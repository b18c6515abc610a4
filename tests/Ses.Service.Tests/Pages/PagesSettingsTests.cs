using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// 配置管理 in a real browser at phone width: the counterparty changes its contacts (a bad mobile named beside its field,
/// the rest kept), asks for a new name and another account, disables an account after a confirmation; the administrator
/// rejects the name with a reason and approves the account.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesSettingsTests
{
    [Fact]
    public async Task Counterparty_ChangesItsData_AsksForAnAccount_DisablesOne_AdministratorDecides_AtPhoneWidth()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (_, _, names) = await world.CounterpartyAsync("配置页面测试航空", accounts: 2);

        var account = await host.NewPageAsync(width: 390, height: 844);
        await account.GotoAsync("/signin/account");
        await account.GetByLabel("账号名称").FillAsync(names[0]);
        await account.GetByLabel("密码").FillAsync(DeliveryWorld.AccountPassword);
        await account.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await PagesCasesTests.Nav(account, "配置管理");
        Assert.Equal("/inbox/settings", new Uri(account.Url).AbsolutePath);
        var widths = await account.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");

        // A wrong mobile is named beside its field; what was typed is kept.
        await account.GetByLabel("地址").FillAsync("西安市咸阳国际机场");
        await account.Locator("#f-contacts-0--mobile").FillAsync("12345");
        await account.GetByRole(AriaRole.Button, new() { Name = "保存变更" }).ClickAsync();
        await Assertions.Expect(account.Locator("#f-contacts-0--mobile-error")).ToContainTextAsync("手机号码");
        await Assertions.Expect(account.GetByLabel("地址")).ToHaveValueAsync("西安市咸阳国际机场");
        await account.Locator("#f-contacts-0--mobile").FillAsync("13900000021");
        await account.GetByLabel("名称", new() { Exact = false }).And(account.Locator("#f-name")).FillAsync("配置页面测试航空（更名）");
        await account.GetByRole(AriaRole.Button, new() { Name = "保存变更" }).ClickAsync();
        await Assertions.Expect(account.GetByRole(AriaRole.Status)).ToContainTextAsync("名称或标识号码的变更已提交监管局审核");
        await Assertions.Expect(account.Locator("#changes")).ToContainTextAsync("139****0021");
        await Assertions.Expect(account.Locator("#changes")).ToContainTextAsync("待监管局审核");

        // Another account, with a Chinese name first.
        await account.GetByLabel("账号名称").FillAsync("配置_运行");
        await account.GetByLabel("绑定部门").FillAsync("质量部");
        await account.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(account.Locator("#f-userName-error")).ToContainTextAsync("不得含有中文字符");
        var userName = $"pz_{Guid.NewGuid():N}"[..12];
        await account.GetByLabel("账号名称").FillAsync(userName);
        await account.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(account.GetByRole(AriaRole.Status)).ToContainTextAsync(userName);

        // The second account is disabled after a confirmation.
        await account.GetByRole(AriaRole.Button, new() { Name = $"停用账号 {names[1]}" }).ClickAsync();
        await Assertions.Expect(account.Locator("#confirm-disable")).ToContainTextAsync("立即失效");
        await account.GetByRole(AriaRole.Button, new() { Name = "确认停用" }).ClickAsync();
        await Assertions.Expect(account.Locator("#accounts").GetByRole(AriaRole.Row).Filter(new() { HasText = names[1] })).ToContainTextAsync("已停用");
        await Assertions.Expect(account.Locator("#accounts").GetByRole(AriaRole.Row).Filter(new() { HasText = names[0] })).ToContainTextAsync("最后一个可用账号");
        await PagesCasesTests.NoGuidAsync(account);

        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        await PagesCasesTests.Nav(admin, "变更审核");
        var rename = admin.GetByRole(AriaRole.Region, new() { Name = "配置页面测试航空 名称和标识号码" });
        await rename.GetByRole(AriaRole.Button, new() { Name = "不予批准 配置页面测试航空 名称和标识号码" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#f-Reason-error")).ToContainTextAsync("理由");
        await admin.GetByRole(AriaRole.Region, new() { Name = "配置页面测试航空 名称和标识号码" }).GetByLabel("不予批准的理由").FillAsync("未提交更名的营业执照");
        await admin.GetByRole(AriaRole.Button, new() { Name = "不予批准 配置页面测试航空 名称和标识号码" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("未批准");
        await admin.GetByRole(AriaRole.Button, new() { Name = "批准 配置页面测试航空 增加账号", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("已批准");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("没有待审核的申请");
        await PagesCasesTests.NoGuidAsync(admin);

        await account.ReloadAsync();
        await Assertions.Expect(account.Locator("#changes")).ToContainTextAsync("未批准：未提交更名的营业执照");
        await Assertions.Expect(account.Locator("#accounts").GetByRole(AriaRole.Row).Filter(new() { HasText = userName })).ToContainTextAsync("可用");
    }
}
