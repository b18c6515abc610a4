using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Organisation changes in a real browser (实施办法第二十二条): legal staff record a rename (a missing new name named beside
/// its field first) and an absorption whose survivor takes over the record; the history shows both with the names before;
/// an officer is denied the page and does not see it in the navigation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesOrganisationChangesTests
{
    [Fact]
    public async Task Legal_RecordsARenameAndAnAbsorption_HistoryShowsThem_OfficerDenied()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 7, 1, 10)));
        var world = await CaseWorld.CreateAsync(host.Factory, "xibei");
        await world.RecordedAsync("2026-07-01");
        await world.Delivery.CounterpartyAsync("长安通用航空有限公司");

        var legal = await host.NewPageAsync(width: 390, height: 844);
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await PagesCasesTests.Nav(legal, "组织变更");
        await legal.GetByLabel("名称变更").CheckAsync();
        await legal.GetByLabel("发生变更的组织（必填）").SelectOptionAsync(new SelectOptionValue { Label = OptionOf("西域通用航空有限公司") });
        await legal.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#f-newName-error")).ToContainTextAsync("变更后名称");
        await legal.GetByLabel("变更后的名称").FillAsync("西域天翼通用航空有限公司");
        await legal.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("变更了 1 条信用记录");

        await legal.GetByLabel("吸收合并").CheckAsync();
        await legal.GetByLabel("发生变更的组织（必填）").SelectOptionAsync(new SelectOptionValue { Label = OptionOf("西域天翼通用航空有限公司") });
        await legal.GetByLabel("存续或者新设的组织").SelectOptionAsync(new SelectOptionValue { Label = OptionOf("长安通用航空有限公司") });
        await legal.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("吸收合并");
        var history = legal.Locator("#history");
        await Assertions.Expect(history).ToContainTextAsync("西域天翼通用航空有限公司");
        await Assertions.Expect(history).ToContainTextAsync("长安通用航空有限公司");
        await Assertions.Expect(history).ToContainTextAsync("变更前：西域通用航空有限公司");
        var widths = await legal.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        await PagesCasesTests.NoGuidAsync(legal);

        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        Assert.Equal(0, await officer.GetByRole(AriaRole.Link, new() { Name = "组织变更" }).CountAsync());
        await officer.GotoAsync("/organisation-changes");
        Assert.Equal("/denied", new Uri(officer.Url).AbsolutePath);

        // The option's label: the name and the identifier.
        string OptionOf(string name) => world.Delivery.WithDb(db =>
        {
            var c = db.Counterparties.Single(x => x.Name == name);
            return $"{c.Name}（{c.IdValue}）";
        });
    }
}
