using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// The general-aviation evaluation round in a real browser (《通用航空企业诚信经营评价管理暂行办法》第十条至第十五条、
/// 第十九条): the officer gives the notice, adds the enterprise and enters a fine with its evidence (a missing amount
/// refused beside its field); the enterprise reads the notice and uploads its materials on a phone; the pre-evaluation
/// is published across the Labour Day holiday; the enterprise applies for a review on the last day, the officer takes the
/// event back and completes the review, the enterprise reads the result; the final grade is shown to the inspectors.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesEvaluationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Officer_RunsTheRound_EnterpriseUploadsAndAppliesForReview_GradeShownToInspectors()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 3, 2, 10));
        await using var host = await BrowserHost.StartAsync(clock);
        var world = await CaseWorld.CreateAsync(host.Factory, "xibei");
        var scan = Path.Combine(host.Factory.Folder, "经营情况说明.pdf");
        await File.WriteAllBytesAsync(scan, "%PDF-1.7\n% 材料\n%%EOF\n"u8.ToArray(), Ct);

        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await PagesCasesTests.Nav(officer, "诚信经营评价");
        await officer.Locator("#f-year").FillAsync("2025");
        await officer.Locator("#f-materialsDueOn").FillAsync("2026-03-20");
        await officer.Locator("#f-notice").FillAsync("请于2026年3月20日前上传2025年度经营情况说明。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "印发通知，开始收集材料" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#round-state")).ToHaveTextAsync("收集材料");
        var roundUrl = new Uri(officer.Url).AbsolutePath;
        await officer.Locator("#f-party").SelectOptionAsync(new SelectOptionValue { Label = "西域通用航空有限公司" });
        await officer.Locator("#type-0").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "增加", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#enterprises")).ToContainTextAsync("100 分（A 级）");

        await officer.GetByRole(AriaRole.Link, new() { Name = "西域通用航空有限公司" }).ClickAsync();
        await officer.Locator("#f-item").SelectOptionAsync("4");
        await officer.Locator("#f-date").FillAsync("2025-03-02");
        await officer.Locator("#f-cause").FillAsync("超范围经营");
        await officer.Locator("#f-evidence").FillAsync("西北局罚〔2025〕3号行政处罚决定书");
        await officer.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#f-fine-error")).ToContainTextAsync("罚款");
        await officer.Locator("#f-fine").FillAsync("15000");
        await officer.GetByRole(AriaRole.Button, new() { Name = "录入", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#score")).ToContainTextAsync("80 分（B 级）");
        await Assertions.Expect(officer.Locator("#causes")).ToContainTextAsync("1万元以上、3万元（含）以下");
        var enterpriseUrl = new Uri(officer.Url).AbsolutePath;
        // A file of the command line's format for another year: nothing is imported, the problem is named.
        var file = Path.Combine(host.Factory.Folder, "台账.json");
        await File.WriteAllTextAsync(file, """{ "enterprise": "西域通用航空有限公司", "type": "载客类", "year": 2024, "events": [] }""", Ct);
        await officer.Locator("#f-ImportFile").SetInputFilesAsync(file);
        await officer.Locator("#f-ImportEvidence").FillAsync("执法台账");
        await officer.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#refused")).ToContainTextAsync("未导入任何事项：year：文件的年度 2024 不是评价年度 2025");
        await PagesCasesTests.NoGuidAsync(officer);

        // The enterprise reads the notice and uploads its materials, on a phone.
        var account = await host.NewPageAsync(width: 390, height: 844);
        await SignInAccountAsync(account, world.AccountName);
        await PagesCasesTests.Nav(account, "诚信经营评价");
        await Assertions.Expect(account.Locator("main")).ToContainTextAsync("请于2026年3月20日前上传2025年度经营情况说明。");
        await account.GetByLabel("材料文件（必填）").SetInputFilesAsync(scan);
        await account.GetByRole(AriaRole.Button, new() { Name = "报送材料" }).ClickAsync();
        await Assertions.Expect(account.Locator("main")).ToContainTextAsync("经营情况说明.pdf");
        var widths = await account.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");

        // Pre-evaluated, then published on Wednesday 04-29: to the adjusted working Saturday 05-09.
        clock.Now = TestClock.Beijing(2026, 4, 29, 9);
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await officer.GotoAsync(roundUrl);
        await officer.GetByRole(AriaRole.Button, new() { Name = "预评价" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#round-state")).ToHaveTextAsync("预评价");
        await officer.GetByRole(AriaRole.Button, new() { Name = "公示并送达告知书" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#publication")).ToContainTextAsync("2026年4月29日公示，至2026年5月9日止");
        await Assertions.Expect(officer.Locator("#enterprises")).ToContainTextAsync("西北局诚评字〔2026〕1号");

        // The last day, late in the evening: the review applied for with its evidence; the receipt follows.
        clock.Now = TestClock.Beijing(2026, 5, 9, 22);
        await SignInAccountAsync(account, world.AccountName);
        await account.GotoAsync("/inbox/evaluations");
        await Assertions.Expect(account.Locator(".pre-result")).ToContainTextAsync("80 分，B 级");
        await account.Locator("#f-Reason").FillAsync("该罚款决定已被行政复议撤销。");
        await account.GetByLabel("证明材料（必填）").SetInputFilesAsync(scan);
        await account.GetByRole(AriaRole.Button, new() { Name = "提交复核申请" }).ClickAsync();
        await Assertions.Expect(account.Locator("main")).ToContainTextAsync("诚信经营预评价结果复核申请");

        // The officer takes the fine back on the evidence and completes the review.
        clock.Now = TestClock.Beijing(2026, 5, 20, 10);
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await officer.GotoAsync(enterpriseUrl);
        await Assertions.Expect(officer.Locator("#review")).ToContainTextAsync("2026年5月29日");
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("该罚款决定已被行政复议撤销。");
        await officer.GetByLabel("撤回理由").FillAsync("罚款决定已被行政复议撤销");
        await officer.GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#score")).ToContainTextAsync("100 分（A 级）");
        await officer.Locator("#f-reasons").FillAsync("处罚决定已被撤销，不予扣分。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "完成复核并送达通知书" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#review-result")).ToContainTextAsync("变更预评价结果：100 分（A 级）");
        await host.ScreenshotAsync(officer, "evaluation-enterprise", forDocs: true);
        await officer.GotoAsync(roundUrl);
        await officer.GetByRole(AriaRole.Button, new() { Name = "发布评价结果" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#round-state")).ToHaveTextAsync("评价结果已发布");
        await host.ScreenshotAsync(officer, "evaluation-round", forDocs: true);

        await SignInAccountAsync(account, world.AccountName);
        await account.GotoAsync("/inbox/evaluations");
        await Assertions.Expect(account.Locator(".review-result")).ToContainTextAsync("西北局诚复字〔2026〕1号");
        await Assertions.Expect(account.Locator(".final")).ToContainTextAsync("100 分，A 级");
        await host.ScreenshotAsync(account, "inbox-evaluations", forDocs: true);
        await PagesCasesTests.NoGuidAsync(account);

        // 暂行办法第十九条: the grade for whoever plans inspections.
        var legal = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await PagesCasesTests.Nav(legal, "诚信经营评价");
        await Assertions.Expect(legal.Locator("#grades")).ToContainTextAsync("调减检查频次");
        Assert.Equal(0, await legal.GetByRole(AriaRole.Button, new() { Name = "印发通知，开始收集材料" }).CountAsync());
        await legal.GotoAsync("/records/in-force?q=" + Uri.EscapeDataString("西域通用"));
        await Assertions.Expect(legal.Locator("#ga-grades")).ToContainTextAsync("2025 年度 A 级");

        // 暂行办法第十三条: the result for everyone, without sign-in; the grade, never the score.
        var visitor = await host.NewPageAsync();
        Assert.True((await visitor.GotoAsync("/public/ga-evaluations"))!.Ok);
        await Assertions.Expect(visitor.Locator("#results")).ToContainTextAsync("西域通用航空有限公司");
        await Assertions.Expect(visitor.Locator("#results")).ToContainTextAsync("A 级");
        await Assertions.Expect(visitor.Locator("#results")).Not.ToContainTextAsync("100");
    }

    private static async Task SignInAccountAsync(IPage page, string userName)
    {
        await page.GotoAsync("/signin/account");
        await page.GetByLabel("账号名称").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(DeliveryWorld.AccountPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
