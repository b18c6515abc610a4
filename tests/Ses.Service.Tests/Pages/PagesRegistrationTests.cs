using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Tests.Registrations;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Registration in a real browser, the registrant at phone width and without script (注册通知第二条、附件2): the SMS code, a
/// suggested account name, the 确认函 downloaded already filled in, a scan whose content is not what its name says refused
/// beside its field with everything typed kept, the token shown once; the office records the originals and approves; the
/// initial password arrives by SMS and must be changed at the first sign-in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PagesRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registrant_RegistersAtPhoneWidth_OfficeApproves_PasswordBySms_ChangedAtFirstSignIn()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = new RegistrationWorld(host.Factory);
        var (mobile, uscc) = (RegistrationWorld.Mobile(), RegistrationWorld.Uscc());
        var page = await host.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/signin/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "注册" }).ClickAsync();
        Assert.Equal("/registration", new Uri(page.Url).AbsolutePath);

        await page.Locator("#f-name").FillAsync("秦岭通用航空有限公司");
        await page.GetByLabel("标识号码").FillAsync(uscc);
        await page.GetByLabel("住所").FillAsync("陕西省西安市阎良区航空城");
        await page.Locator("#f-contacts-0--name").FillAsync("周经理");
        await page.Locator("#f-contacts-0--mobile").FillAsync(mobile);
        await page.Locator("#f-contacts-0--email").FillAsync("zhou@example.com");
        await page.Locator("#f-contacts-1--name").FillAsync("吴主管");
        await page.Locator("#f-contacts-1--mobile").FillAsync("13800000012");
        await page.Locator("#f-contacts-1--email").FillAsync("wu@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-sent")).ToContainTextAsync(mobile[..3] + "****");
        var code = SixDigits().Match(world.Sms(mobile).Last()).Value;
        await page.GetByLabel("短信验证码").FillAsync(code);
        await page.GetByLabel("账号 1 绑定部门").FillAsync("运行部");
        await page.GetByRole(AriaRole.Button, new() { Name = "建议账号名称" }).ClickAsync();
        var userName = await page.GetByLabel("账号 1 名称").InputValueAsync();
        Assert.Matches("^[a-z]+_[a-z]+$", userName);
        await Assertions.Expect(page.GetByLabel("短信验证码")).ToHaveValueAsync(code);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载确认函（已填写）" }).ClickAsync());
        var letterPath = await download.PathAsync();
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await File.ReadAllBytesAsync(letterPath, Ct))[..4]));

        // A PNG named .pdf is refused beside its field; what was typed is kept.
        var fake = Path.Combine(host.Factory.Folder, "确认函.pdf");
        await File.WriteAllBytesAsync(fake, RegistrationWorld.Png, Ct);
        var scan = Path.Combine(host.Factory.Folder, "营业执照.pdf");
        await File.WriteAllBytesAsync(scan, RegistrationWorld.Pdf, Ct);
        await page.GetByLabel("营业执照或法人证书副本扫描件").SetInputFilesAsync(scan);
        await page.GetByLabel("确认函扫描件").SetInputFilesAsync(fake);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交注册" }).ClickAsync();
        await Assertions.Expect(page.Locator("#f-Letter-error")).ToContainTextAsync("内容与文件名不符");
        await Assertions.Expect(page.Locator("#f-contacts-1--name")).ToHaveValueAsync("吴主管");
        Assert.Equal(0, world.Counts().Registrations);
        var letter = Path.Combine(host.Factory.Folder, "确认函扫描件.pdf");
        await File.WriteAllBytesAsync(letter, RegistrationWorld.Pdf, Ct);
        await page.GetByLabel("营业执照或法人证书副本扫描件").SetInputFilesAsync(scan);
        await page.GetByLabel("确认函扫描件").SetInputFilesAsync(letter);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交注册" }).ClickAsync();
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("民航西北地区管理局");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        await page.Locator("#status-link").ClickAsync();
        await Assertions.Expect(page.Locator("#registration-state")).ToContainTextAsync("待审核");
        await PagesCasesTests.NoGuidAsync(page);

        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        await PagesCasesTests.Nav(admin, "注册审核");
        await admin.GetByRole(AriaRole.Link, new() { Name = "秦岭通用航空有限公司" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#files")).ToContainTextAsync("确认函扫描件.pdf");
        await admin.GetByLabel("确认函落款日期").FillAsync("2026-03-06");
        await admin.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("尚未收到");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#original")).ToContainTextAsync("2026年3月9日收到");
        await admin.GetByLabel("确认函落款日期").FillAsync("2026-03-06");
        await admin.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#registration-state")).ToContainTextAsync("已审核入库");

        // The initial password arrives by SMS; the first sign-in goes to the password change.
        var text = world.Sms(mobile).Single(t => t.Contains(userName, StringComparison.Ordinal));
        var password = Password().Match(text).Groups[1].Value;
        var account = await host.NewPageAsync(width: 390, height: 844);
        await account.GotoAsync("/signin/account");
        await account.GetByLabel("账号名称").FillAsync(userName);
        await account.GetByLabel("密码").FillAsync(password);
        await account.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal("/password", new Uri(account.Url).AbsolutePath);
    }

    [Fact]
    public async Task OfficeAsksForMore_RegistrantAmendsOnItsStatusPage_TheFormFilledWithWhatWasSubmitted()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = new RegistrationWorld(host.Factory);
        var (request, _, userName) = await world.NewDomesticAsync();
        var (id, token) = await world.SubmittedAsync(request);

        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        await admin.GotoAsync($"/admin/registrations/{id}");
        await admin.GetByLabel("理由").FillAsync("确认函扫描件不清晰，请重新扫描上传");
        await admin.GetByRole(AriaRole.Button, new() { Name = "要求补充材料" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#registration-state")).ToContainTextAsync("待补充材料");

        var page = await host.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync($"/registration/{id}?token={Uri.EscapeDataString(token)}");
        await Assertions.Expect(page.Locator("#registration-state")).ToContainTextAsync("确认函扫描件不清晰");
        await Assertions.Expect(page.Locator("#f-name")).ToHaveValueAsync("陕西测试航空股份有限公司");
        await Assertions.Expect(page.GetByLabel("账号 1 名称")).ToHaveValueAsync(userName);
        var letter = Path.Combine(host.Factory.Folder, "确认函（重新扫描）.pdf");
        await File.WriteAllBytesAsync(letter, RegistrationWorld.Pdf, Ct);
        await page.GetByLabel("确认函扫描件").SetInputFilesAsync(letter);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("补正材料已提交");
        await Assertions.Expect(page.Locator("#registration-state")).ToContainTextAsync("待审核");
        await PagesCasesTests.NoGuidAsync(page);
        // A wrong token finds nothing.
        var wrong = await page.GotoAsync($"/registration/{id}?token=wrong");
        Assert.Equal(404, wrong!.Status);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex("初始密码 ([A-Za-z0-9]{16})")]
    private static partial Regex Password();
}
