using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>The administrator sets up units and puts staff, an approving leader among them, in them — at desktop width and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesUnitsTests
{
    [Fact]
    public async Task Admin_AddsDepartmentAndOffice_AddsALeaderInAUnit_MovesAnOfficer_AndBothPagesFitAPhone()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 11, 23, 10)));
        var officer = TestUsers.Create(host.Factory, "xibei", StaffRole.Officer);
        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        // The units page is in the administrator's main navigation.
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "单位", Exact = true }).ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/admin/units$"));

        // An office without its department is refused beside the field; the department first, then the office.
        await admin.GetByLabel("单位名称").FillAsync("民航甘肃安全监督管理局");
        await admin.GetByLabel("监管局", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#f-SubmitsToUnitId-error")).ToContainTextAsync("报送部门");
        await Assertions.Expect(admin.GetByLabel("单位名称")).ToHaveValueAsync("民航甘肃安全监督管理局");
        await admin.GetByLabel("单位名称").FillAsync("运输管理处");
        await admin.GetByLabel("局机关部门", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "运输管理处" })).ToContainTextAsync("局机关部门");
        await admin.GetByLabel("单位名称").FillAsync("民航甘肃安全监督管理局");
        await admin.GetByLabel("监管局", new() { Exact = true }).CheckAsync();
        await admin.Locator("#f-SubmitsToUnitId").SelectOptionAsync(new SelectOptionValue { Label = "运输管理处" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "民航甘肃安全监督管理局" })).ToContainTextAsync("运输管理处");

        // A leader in the department; the role reads 分管局领导.
        await admin.GotoAsync("/admin/staff");
        await admin.GetByLabel("用户名").FillAsync("xibei_leader1");
        await admin.GetByLabel("姓名").FillAsync("张局长");
        await admin.GetByLabel("分管局领导").CheckAsync();
        await admin.Locator("#f-UnitId").SelectOptionAsync(new SelectOptionValue { Label = "运输管理处（局机关部门）" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#initial-password")).ToContainTextAsync("xibei_leader1");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "xibei_leader1" });
        await Assertions.Expect(row).ToContainTextAsync("分管局领导");
        await Assertions.Expect(row).ToContainTextAsync("运输管理处");

        // Now that the bureau has units, a new officer without one is refused beside the field.
        await admin.GetByLabel("用户名").FillAsync("xibei_officer9");
        await admin.GetByLabel("姓名").FillAsync("王承办");
        await admin.GetByLabel("承办人", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#f-UnitId-error")).ToContainTextAsync("所属单位");

        // The earlier officer is moved to the office.
        await admin.Locator("#f-move-user").SelectOptionAsync(new SelectOptionValue { Label = $"{officer}（{officer}）" });
        await admin.Locator("#f-move-unit").SelectOptionAsync(new SelectOptionValue { Label = "民航甘肃安全监督管理局（监管局）" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "调整" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = officer })).ToContainTextAsync("民航甘肃安全监督管理局");
        await host.ScreenshotAsync(admin, "admin-staff-units");

        var phone = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await PagesJourneyTests.SignInStaffAsync(phone, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        foreach (var path in new[] { "/admin/units", "/admin/staff" })
        {
            var response = await phone.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide on a {widths[1]} px screen");
        }
    }
}
