using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// A correction of a credit record in a real browser (实施办法第二十四条): the officer prepares it from the case page (a
/// discovery date in the future named beside its field first), the leader approves, the officer sends the transfer slip, legal staff
/// adjust the record, the officer records the withdrawal of the publication; each step shows its due date; a legal staff
/// member cannot prepare one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesCorrectionsTests
{
    [Fact]
    public async Task Officer_PreparesFromTheCase_LeaderApproves_Transfer_LegalAdjusts_Withdrawal_EachStepWithItsDueDate()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 7, 1, 10)));
        var world = await CaseWorld.CreateAsync(host.Factory, "xibei");
        var caseId = await world.RecordedAsync("2026-07-01");

        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await officer.GotoAsync($"/officer/cases/{caseId}");
        await officer.Locator("#correction-link").ClickAsync();
        await officer.GetByLabel("事由").FillAsync("未按规定向旅客提供航班延误后的餐食服务");
        await officer.GetByLabel("更正理由").FillAsync("事由表述不准确，按处罚决定书更正。");
        await officer.GetByLabel("发现日期").FillAsync("2026-07-05");
        await officer.GetByRole(AriaRole.Button, new() { Name = "提出更正意见" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#f-discoveredOn-error")).ToContainTextAsync("不能晚于今天");
        await Assertions.Expect(officer.GetByLabel("事由")).ToHaveValueAsync("未按规定向旅客提供航班延误后的餐食服务");
        await officer.GetByLabel("发现日期").FillAsync("2026-07-01");
        await officer.GetByRole(AriaRole.Button, new() { Name = "提出更正意见" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#correction-state")).ToHaveTextAsync("待分管局领导审批");
        // Discovered on 1 July 2026 (Wednesday): prepared, approved and transferred within 3 working days, by 6 July.
        await Assertions.Expect(officer.Locator("#next")).ToContainTextAsync("2026年7月6日");
        await Assertions.Expect(officer.Locator("#next")).ToContainTextAsync("由分管局领导办理");
        var correctionUrl = new Uri(officer.Url).AbsolutePath;
        await PagesCasesTests.NoGuidAsync(officer);

        var leader = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(leader, TestUsers.Create(host.Factory, "xibei", StaffRole.Leader));
        // The approvals page lists it; the corrections page too.
        await PagesCasesTests.Nav(leader, "待审批案件");
        await Assertions.Expect(leader.Locator("#corrections + ul")).ToContainTextAsync("事由表述不准确");
        await PagesCasesTests.Nav(leader, "信用记录更正");
        await leader.GetByRole(AriaRole.Link, new() { Name = "西域通用航空有限公司" }).ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#correction-state")).ToHaveTextAsync("待填写移送单");

        await officer.GotoAsync(correctionUrl);
        await officer.GetByRole(AriaRole.Button, new() { Name = "填写移送单并移送" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#correction-state")).ToHaveTextAsync("待法制部门调整信用记录");

        var legal = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await legal.GotoAsync(correctionUrl);
        await Assertions.Expect(legal.Locator("#next")).ToContainTextAsync("2026年7月3日"); // 2 working days after the transfer
        await legal.GetByRole(AriaRole.Button, new() { Name = "调整信用记录" }).ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("信用记录已调整");
        // Legal staff cannot prepare a correction: that is the original department's.
        var denied = await legal.GotoAsync($"/corrections/new?recordId={Guid.NewGuid()}");
        Assert.Equal("/denied", new Uri(legal.Url).AbsolutePath);
        Assert.NotNull(denied);

        await officer.GotoAsync(correctionUrl);
        await Assertions.Expect(officer.Locator("#correction-state")).ToHaveTextAsync("待撤销公布、撤回原通报");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记撤销公布、撤回原通报" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#correction-state")).ToHaveTextAsync("已更正");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("未按规定向旅客提供航班延误服务"); // the value before
        await PagesCasesTests.NoGuidAsync(officer);
    }
}
