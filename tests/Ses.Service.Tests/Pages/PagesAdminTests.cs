using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>The administrator's pages in a real browser: counterparties and their accounts, staff, the bureau profile, calendar years.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_RegistersCounterparty_OpensAndDisablesAccount_AddsStaff_ImportsCalendarYear()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 11, 23, 10)));
        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        Assert.Equal("/admin/counterparties", new Uri(admin.Url).AbsolutePath);

        // A counterparty: a wrong mobile number is named beside its field, the rest is kept.
        await admin.GetByLabel("类别").SelectOptionAsync("foreign");
        await admin.GetByLabel("名称").FillAsync("管理测试航空公司");
        await admin.GetByLabel("标识类型").SelectOptionAsync("airline");
        await admin.GetByLabel("标识号码").FillAsync("ZX");
        await admin.Locator("#f-contacts-0--name").FillAsync("张三");
        await admin.Locator("#f-contacts-0--mobile").FillAsync("12345");
        await admin.Locator("#f-contacts-1--name").FillAsync("李四");
        await admin.Locator("#f-contacts-1--mobile").FillAsync("13800000002");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#f-contacts-0--mobile-error")).ToContainTextAsync("手机号码");
        await Assertions.Expect(admin.GetByLabel("名称")).ToHaveValueAsync("管理测试航空公司");
        await admin.Locator("#f-contacts-0--mobile").FillAsync("13800000001");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        Assert.StartsWith("/admin/counterparties/", new Uri(admin.Url).AbsolutePath);

        // An account: the initial password is shown once; then the account is disabled.
        await admin.GetByLabel("账号名称").FillAsync("zx_ops");
        await admin.GetByLabel("绑定部门").FillAsync("运行控制部");
        await admin.GetByRole(AriaRole.Button, new() { Name = "开通" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#initial-password")).ToContainTextAsync("zx_ops");
        var password = (await admin.Locator("#initial-password .mono").InnerTextAsync()).Trim();
        Assert.Equal(16, password.Length);
        await host.ScreenshotAsync(admin, "admin-counterparty");
        var account = await host.NewPageAsync();
        await account.GotoAsync("/signin/account");
        await account.GetByLabel("账号名称").FillAsync("zx_ops");
        await account.GetByLabel("密码").FillAsync(password);
        await account.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal("/password", new Uri(account.Url).AbsolutePath);
        await admin.GetByRole(AriaRole.Button, new() { Name = "停用账号 zx_ops" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-disable")).ToContainTextAsync("所有设备上的登录");
        await Assertions.Expect(admin.Locator("#confirm-disable")).ToContainTextAsync("最后一个可用账号");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "zx_ops" })).ToContainTextAsync("可用"); // not yet
        await admin.GetByRole(AriaRole.Button, new() { Name = "确认停用" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "zx_ops" })).ToContainTextAsync("已停用");
        // The disabled account's browser is signed out at its next page.
        await account.GotoAsync("/password");
        Assert.Equal("/signin/account", new Uri(account.Url).AbsolutePath);

        // Staff, the bureau profile, a calendar year.
        await admin.GetByRole(AriaRole.Link, new() { Name = "工作人员" }).ClickAsync();
        await admin.GetByLabel("用户名").FillAsync("xibei_new_legal");
        await admin.GetByLabel("姓名").FillAsync("法制测试");
        await admin.GetByLabel("法制人员").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#initial-password")).ToContainTextAsync("xibei_new_legal");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "xibei_new_legal" })).ToContainTextAsync("尚未修改初始密码");
        await admin.GetByRole(AriaRole.Link, new() { Name = "本局信息" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("民航西北地区管理局");
        // The calendar is server-wide: a bureau administrator sees it, the system administrator imports a year.
        await admin.GetByRole(AriaRole.Link, new() { Name = "节假日日历" }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("由系统管理员导入");
        Assert.Equal(0, await admin.GetByRole(AriaRole.Button, new() { Name = "导入" }).CountAsync());
        var sysadmin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(sysadmin, TestUsers.Create(host.Factory, "xibei", StaffRole.SystemAdmin));
        await sysadmin.GetByRole(AriaRole.Link, new() { Name = "节假日日历" }).ClickAsync();
        var csv = Path.Combine(host.Factory.Folder, "gov-2027.csv");
        await File.WriteAllTextAsync(csv, "date,is_off_day,name\n2027-01-01,true,元旦\n2027-02-20,false,春节\n", Ct);
        await sysadmin.GetByLabel("日历文件").SetInputFilesAsync(csv);
        await sysadmin.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(sysadmin.GetByRole(AriaRole.Status).First).ToContainTextAsync("已导入 2027 年");
        await Assertions.Expect(sysadmin.Locator("dl.facts")).ToContainTextAsync("gov-2027.csv");
        await host.ScreenshotAsync(sysadmin, "admin-calendar");
    }
}
