using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Credit repair in a real browser (实施办法第十八条、第十九条): the officer records a paper application from the case page,
/// the earliest day shown first and a too-early one refused beside its field; the meeting refuses and the refusal
/// decision is issued after a confirmation; a second application with new evidence is approved, transferred, and legal
/// staff remove the record after a confirmation; a leader sees the repair but cannot act on it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesRepairsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_RecordsApplications_RefusalIssuedAfterConfirmation_ApprovedOneRemovedByLegalStaff()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 7, 1, 10));
        await using var host = await BrowserHost.StartAsync(clock);
        var world = await CaseWorld.CreateAsync(host.Factory, "xibei");
        var caseId = await world.RecordedAsync("2026-07-01");
        var scan = Path.Combine(host.Factory.Folder, "修复申请书.pdf");
        await File.WriteAllBytesAsync(scan, "%PDF-1.7\n% application\n"u8.ToArray(), Ct);

        // 1 October is the last day of the 3 months (实施办法第十八条): the application is refused; from the 2nd it is taken.
        clock.Now = TestClock.Beijing(2026, 10, 9, 10);
        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await officer.GotoAsync($"/officer/cases/{caseId}");
        await officer.Locator("#repair-link").ClickAsync();
        await Assertions.Expect(officer.Locator("#eligible-from")).ToContainTextAsync("2026年10月2日");
        await officer.GetByLabel("收到申请日期").FillAsync("2026-10-01");
        await officer.GetByLabel("申请人的说明").FillAsync("已完成整改，建立旅客服务保障制度并开展培训。");
        await officer.GetByLabel("修复申请书及材料").SetInputFilesAsync(scan);
        await officer.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#f-receivedOn-error")).ToContainTextAsync("最早 2026年10月2日");
        await officer.GetByLabel("收到申请日期").FillAsync("2026-10-09");
        await officer.GetByLabel("修复申请书及材料").SetInputFilesAsync(scan);
        await officer.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#repair-state")).ToHaveTextAsync("待提请会议审议");
        // To the meeting within 3 working days of the complete materials: 10 October is a working Saturday, so the 13th.
        await Assertions.Expect(officer.Locator("#next")).ToContainTextAsync("2026年10月13日");
        var firstUrl = new Uri(officer.Url).AbsolutePath;

        // The meeting refuses; the refusal decision takes a number only after the confirmation.
        await officer.GetByLabel("不同意修复", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("不同意修复的理由").FillAsync("未能证明已消除不良影响");
        await officer.GetByLabel("会议纪要").SetInputFilesAsync(scan);
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记审议结论" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#repair-state")).ToHaveTextAsync("待出具不予修复决定书");
        await officer.GetByRole(AriaRole.Button, new() { Name = "签发不予修复决定书…" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#confirm-decision")).ToContainTextAsync("文号不再收回");
        Assert.Equal(0, world.Delivery.WithDb(db => db.IssuedDocuments.Count(d => d.Number.Contains("信不决"))));
        await officer.GetByRole(AriaRole.Button, new() { Name = "确认签发并送达" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#repair-state")).ToHaveTextAsync("不予修复");
        await Assertions.Expect(officer.Locator("#repair-document")).ToContainTextAsync("信不决字〔2026〕1号");
        await PagesCasesTests.NoGuidAsync(officer);

        // A second application, with new evidence: approved and transferred.
        clock.Now = TestClock.Beijing(2026, 10, 19, 10);
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await officer.GotoAsync($"/repairs/new?recordId={world.Delivery.WithDb(db => db.CreditRecords.Single(r => r.CaseId == Guid.Parse(caseId)
            && r.LinkedToRecordId == null).Id)}");
        await officer.GetByLabel("申请人的说明").FillAsync("补充了整改验收报告。");
        await officer.GetByLabel("提交了新的证据").CheckAsync();
        await officer.GetByLabel("修复申请书及材料").SetInputFilesAsync(scan);
        await officer.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await officer.GetByLabel("同意修复", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("会议纪要").SetInputFilesAsync(scan);
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记审议结论" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "填写移送单并移送" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#repair-state")).ToHaveTextAsync("待法制部门移除信用记录");
        await Assertions.Expect(officer.Locator("#next")).ToContainTextAsync("由法制人员办理");
        var secondUrl = new Uri(officer.Url).AbsolutePath;
        Assert.NotEqual(firstUrl, secondUrl);

        var leader = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(leader, TestUsers.Create(host.Factory, "xibei", StaffRole.Leader));
        await PagesCasesTests.Nav(leader, "信用修复");
        await Assertions.Expect(leader.Locator("main")).ToContainTextAsync("西域通用航空有限公司");
        await leader.GotoAsync(secondUrl);
        Assert.Equal(0, await leader.GetByRole(AriaRole.Button, new() { Name = "移除信用记录…" }).CountAsync());

        var legal = await host.NewPageAsync(width: 390, height: 844);
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await PagesCasesTests.Nav(legal, "信用修复");
        await legal.GetByRole(AriaRole.Link, new() { Name = "西域通用航空有限公司" }).ClickAsync();
        await legal.GetByRole(AriaRole.Button, new() { Name = "移除信用记录…" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#confirm-removal")).ToContainTextAsync("停止公示");
        await legal.GetByRole(AriaRole.Button, new() { Name = "确认移除" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#repair-state")).ToHaveTextAsync("已修复（信用记录已移除）");
        var widths = await legal.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
        await PagesCasesTests.NoGuidAsync(legal);
    }
}
