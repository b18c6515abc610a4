using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Pages;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Credit cases in a real browser: an officer opens a case through the form (a refused submission first), fills in the
/// collection form on the case page and downloads its PDF from the timeline, the leader approves on 待审批案件, the officer
/// issues the notice from the case page through its confirmation and reads the timeline; an overdue case is red in 我的案件;
/// legal staff open a transferred case read only; another bureau's officer gets 404; no page shows a GUID.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PagesCasesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Party = "页面案件航空有限公司";

    [Fact]
    public async Task Officer_OpensCase_Collects_LeaderApproves_NoticeIssuedFromCasePage_TimelineAndOverdueShown()
    {
        // Monday 2026-11-23, 10:00 Beijing.
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 11, 23, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var unit = await world.Admin.PostAsJsonAsync("/api/units", new { name = "运输管理处", kind = "department" }, Ct);
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var department = (await unit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var (counterparty, _, _) = await world.CounterpartyAsync(Party);
        var officerName = TestUsers.Create(host.Factory, "xibei", StaffRole.Officer);
        world.WithDb(db => db.StaffUsers.Where(u => u.UserName == officerName).ExecuteUpdate(s => s.SetProperty(u => u.UnitId, department)));

        // 我的案件 is in the officer's navigation; nothing yet.
        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, officerName);
        await Nav(officer, "我的案件");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/officer/cases$"));
        await Assertions.Expect(officer.Locator("#no-cases")).ToBeVisibleAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "新建案件" }).ClickAsync();

        // The form: the issuing body and the officer's own unit are proposed.
        await Assertions.Expect(officer.Locator("#f-decisionIssuer")).ToHaveValueAsync("民航西北地区管理局");
        await Assertions.Expect(officer.Locator("#f-collectingUnitId")).ToHaveValueAsync(department.ToString());
        await NoGuidAsync(officer);
        await officer.Locator("#f-counterpartyId").SelectOptionAsync(new SelectOptionValue { Label = Party });
        await officer.Locator("#f-act").FillAsync("提供虚假材料骗取行政许可");
        await officer.Locator("#f-facts").FillAsync("2026年11月2日申请运行合格证时提交伪造的人员资质证明。");
        await officer.Locator("#f-actDate").FillAsync("2026-11-02");
        await officer.Locator("#f-decisionNumber").FillAsync("西北局罚〔2026〕88号");
        await officer.Locator("#f-decisionDate").FillAsync("2026-11-20");

        // No clause: refused beside the clauses, what was typed kept, nothing stored.
        await officer.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#clauses-error")).ToContainTextAsync("至少选择一项适用的实施办法第八条第一款情形");
        await Assertions.Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync(PageRefusals.SeeFields);
        await Assertions.Expect(officer.Locator("#f-act")).ToHaveValueAsync("提供虚假材料骗取行政许可");
        Assert.Equal(0, world.WithDb(db => db.CreditCases.Count()));
        await host.ScreenshotAsync(officer, "officer-new-case-refused");

        // Item (三) and item (五): the longer validity governs (实施办法第八条第二款、第十七条).
        await officer.Locator("#clause-8-1-3").CheckAsync();
        await officer.Locator("#clause-8-1-5").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("已立案");
        var id = world.WithDb(db => db.CreditCases.Single()).Id;
        Assert.Equal($"/officer/cases/{id}", new Uri(officer.Url).AbsolutePath);
        await Assertions.Expect(officer.Locator("#validity")).ToContainTextAsync("3 年，按实施办法第八条第一款第（三）项");
        // The collection form is due 10 working days after the decision of 11-20: 12-04, 9 working days from today.
        await Assertions.Expect(officer.Locator("#next-step")).ToContainTextAsync("2026年12月4日");
        await Assertions.Expect(officer.Locator("#days-left")).ToHaveTextAsync("9 个工作日");
        await Assertions.Expect(officer.Locator("#next-step")).ToContainTextAsync("实施办法第十二条");
        await NoGuidAsync(officer);

        // The collection form on the case page, with the persons of 实施办法第八条第三款.
        await officer.GetByLabel("法定代表人姓名").FillAsync("周某");
        await officer.GetByLabel("法定代表人身份证件号码").FillAsync("610113197805120038");
        await officer.GetByLabel("法定代表人联系电话").FillAsync("13991234567");
        await officer.GetByLabel("其他直接责任人员2姓名").FillAsync("郑某");
        await officer.GetByLabel("其他直接责任人员2身份证件号码").FillAsync("610112199003140515");
        await officer.GetByLabel("其他直接责任人员2职务").FillAsync("质量部经理");
        await officer.GetByRole(AriaRole.Button, new() { Name = "填报采集单" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("采集单已填报");
        await Assertions.Expect(officer.Locator("#case-state")).ToHaveTextAsync("告知审批");
        await Assertions.Expect(officer.Locator("#case-persons")).ToContainTextAsync("其他直接责任人员");
        await Assertions.Expect(officer.Locator("#case-persons")).ToContainTextAsync("郑某");
        await Assertions.Expect(officer.Locator("#timeline")).ToContainTextAsync("民航行业严重失信行为信息采集单（组织）.pdf");
        await Assertions.Expect(officer.Locator("#step-form")).ToContainTextAsync("等待分管局领导审批");

        // The collection form's PDF downloads from the timeline under its own name; another bureau cannot fetch it.
        const string CollectionPdf = "民航行业严重失信行为信息采集单（组织）.pdf";
        var fileLink = officer.Locator("#timeline").GetByRole(AriaRole.Link, new() { Name = CollectionPdf });
        var download = await officer.RunAndWaitForDownloadAsync(() => fileLink.ClickAsync());
        Assert.Equal(CollectionPdf, download.SuggestedFilename);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!, Ct))[..4]);
        var fileHref = (await fileLink.GetAttributeAsync("href"))!;

        // The leader: returning needs a reason (refused, nothing changed); approving sends the case to the notice.
        var leader = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(leader, TestUsers.Create(host.Factory, "xibei", StaffRole.Leader));
        await Nav(leader, "待审批案件");
        var row = leader.GetByRole(AriaRole.Row).Filter(new() { HasText = Party });
        await Assertions.Expect(row).ToContainTextAsync("实施办法第十三条第一款");
        await NoGuidAsync(leader);
        await row.GetByRole(AriaRole.Link, new() { Name = "查看并审批" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#case-facts")).ToContainTextAsync("西北局罚〔2026〕88号");
        await NoGuidAsync(leader);
        await leader.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#f-note-error")).ToContainTextAsync("审批意见");
        Assert.Equal("notice-approval", world.WithDb(db => db.CreditCases.Single()).State);
        await leader.GetByLabel("审批意见").FillAsync("同意告知");
        await leader.GetByRole(AriaRole.Button, new() { Name = "同意" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("已同意");
        await Assertions.Expect(leader.Locator("#no-approvals")).ToBeVisibleAsync();

        // The officer previews the notice, then issues it from the case page; the reply date is proposed (实施办法第十三条).
        await officer.GotoAsync($"/officer/cases/{id}");
        await Assertions.Expect(officer.Locator("#f-replyDeadline-hint")).ToContainTextAsync("留空则按签发时提出的日期：现在签发为 2026年12月4日");
        var preview = await officer.Context.APIRequest.GetAsync($"/officer/cases/{id}?handler=Preview");
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await preview.BodyAsync())[..4]);
        await officer.GetByLabel("联系人").FillAsync("王某");
        await officer.GetByLabel("联系电话").FillAsync("029-88798000");
        await Assertions.Expect(officer.GetByLabel("电子送达", new() { Exact = true })).ToBeCheckedAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "签发告知书并送达" }).ClickAsync();

        // Issuing stops at the confirmation first: the number it will take (never used again), the reply date, the
        // service mode and the deemed delivery date; nothing is issued until confirmed.
        var confirm = officer.Locator("#confirm-issue");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToHaveTextAsync("确认签发并送达告知书");
        await Assertions.Expect(confirm).ToContainTextAsync("文号一经取得即不能再用于其他文书");
        await Assertions.Expect(confirm).ToContainTextAsync("现在签发为 2026年12月4日");
        await Assertions.Expect(officer.Locator("#confirm-mode")).ToHaveTextAsync("电子送达");
        await Assertions.Expect(officer.Locator("#deemed-date")).ToContainTextAsync("2026年11月26日");
        await Assertions.Expect(officer.Locator("#step-form")).ToHaveCountAsync(0);
        var predicted = await officer.Locator("#predicted-number").InnerTextAsync();
        Assert.StartsWith("西北局信告字〔2026〕", predicted);
        Assert.Equal((0, "notice"), world.WithDb(db => (db.IssuedDocuments.Count(d => d.Number.Contains("信告字")), db.CreditCases.Single().State)));
        await NoGuidAsync(officer);
        await host.ScreenshotAsync(officer, "officer-case-confirm-issue");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认签发并送达" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("告知书已签发并送达");
        var (number, reply) = world.WithDb(db => (db.IssuedDocuments.Single(d => d.Number.Contains("信告字")).Number, db.CreditCases.Single().ReplyDeadline));
        Assert.Equal(predicted, number);
        Assert.Equal(new DateOnly(2026, 12, 4), reply);
        var noticeRow = officer.Locator("#timeline tr").Filter(new() { HasText = "发出告知书并送达" });
        await Assertions.Expect(noticeRow.GetByRole(AriaRole.Link, new() { Name = number })).ToHaveAttributeAsync("href", new Regex("^/officer/documents/"));
        await Assertions.Expect(officer.Locator("#reply-deadline")).ToContainTextAsync("告知书规定 2026年12月4日 前提交");
        await Assertions.Expect(officer.Locator("#next-step")).ToContainTextAsync("2026年12月4日");
        await NoGuidAsync(officer);

        // Asking for the meeting while the period runs is refused as a message above, in Chinese; nothing changes.
        await officer.GetByRole(AriaRole.Button, new() { Name = "期限届满未陈述申辩，提请审议" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#refused")).ToContainTextAsync("期限届满后才能提请审议");
        Assert.Equal("statement", world.WithDb(db => db.CreditCases.Single()).State);
        await host.ScreenshotAsync(officer, "officer-case-page");

        // A case whose decision dates from 10-09: the collection form was due in October — red in 我的案件.
        var api = await TestUsers.SignIn(host.Factory, officerName);
        var late = await api.PostAsJsonAsync("/api/cases", new
        {
            counterpartyId = counterparty, act = "拒不履行行政处罚决定", facts = "逾期未缴纳罚款。", actDate = "2026-09-01", clauses = (string[])["8-1-4"],
            decisionNumber = "西北局罚〔2026〕40号", decisionDate = "2026-10-09", decisionIssuer = "民航西北地区管理局", collectingUnitId = department,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        var lateDue = DateOnly.Parse((await late.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("next").GetProperty("dueDate").GetString()!,
            CultureInfo.InvariantCulture);
        await Nav(officer, "我的案件");
        var lateRow = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "拒不履行行政处罚决定" });
        await Assertions.Expect(lateRow.Locator("td.overdue")).ToHaveTextAsync(new Regex(@"^已逾期 \d+ 个工作日$"));
        await Assertions.Expect(lateRow.Locator("td.overdue")).ToHaveCSSAsync("color", "rgb(176, 0, 32)");
        await Assertions.Expect(lateRow).ToContainTextAsync(Show.Date(lateDue));
        var noticeCase = officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "提供虚假材料骗取行政许可" });
        await Assertions.Expect(noticeCase).ToContainTextAsync("陈述和申辩期间");
        await Assertions.Expect(noticeCase.Locator("td.overdue")).ToHaveCountAsync(0);
        await NoGuidAsync(officer);
        await host.ScreenshotAsync(officer, "officer-my-cases", forDocs: true);

        // On a phone the case pages fit the screen (wide tables scroll in their own box).
        var phone = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await PagesJourneyTests.SignInStaffAsync(phone, officerName);
        foreach (var path in new[] { "/officer/cases", "/officer/cases/new", $"/officer/cases/{id}" })
        {
            var response = await phone.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide on a {widths[1]} px screen");
        }

        // Another bureau sees none of it; an officer is not a leader.
        var other = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(other, TestUsers.Create(host.Factory, "huabei", StaffRole.Officer));
        Assert.Equal(404, (await other.GotoAsync($"/officer/cases/{id}"))!.Status);
        Assert.Equal(404, (await other.GotoAsync($"/officer/cases/{id}?handler=Preview"))!.Status);
        Assert.Equal(404, (await other.Context.APIRequest.GetAsync(fileHref)).Status);
        await other.GotoAsync("/officer/cases");
        await Assertions.Expect(other.Locator("#no-cases")).ToBeVisibleAsync();
        var otherLeader = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(otherLeader, TestUsers.Create(host.Factory, "huabei", StaffRole.Leader));
        Assert.Equal(404, (await otherLeader.GotoAsync($"/leader/approvals/{id}"))!.Status);
        await officer.GotoAsync("/leader/approvals");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/denied"));

        // Legal staff: their list, from their navigation.
        var legal = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await Nav(legal, "待记入信用记录");
        await Assertions.Expect(legal.Locator("#no-entries")).ToBeVisibleAsync();
        // The late case, as if transferred on 11-18 with the entry due 11-20 (the steps between are the API tests' part).
        var lateId = world.WithDb(db => db.CreditCases.Single(c => c.Act == "拒不履行行政处罚决定")).Id;
        world.WithDb(db =>
        {
            db.CaseSteps.Add(new CaseStep
            {
                Id = Guid.NewGuid(), CaseId = lateId, Step = CaseSteps.Transfer, Number = 2, DoneOn = new DateOnly(2026, 11, 18),
                RecordedAt = DateTimeOffset.UtcNow, DoneBy = officerName,
            });
            return db.SaveChanges() + db.CreditCases.Where(c => c.Id == lateId).ExecuteUpdate(u => u.SetProperty(c => c.State, CaseState.Entry)
                .SetProperty(c => c.DueDate, new DateOnly(2026, 11, 20)).SetProperty(c => c.DueRule, "实施办法第十四条第二款：收到移送单之日起 3 个工作日内记入"));
        });
        await legal.ReloadAsync();
        var entry = legal.GetByRole(AriaRole.Row).Filter(new() { HasText = "拒不履行行政处罚决定" });
        await Assertions.Expect(entry).ToContainTextAsync("2026年11月20日");
        await Assertions.Expect(entry.Locator("td.overdue")).ToHaveTextAsync("已逾期 1 个工作日");
        await NoGuidAsync(legal);
        // (The entry itself needs the decision served: PagesRecordsTests enters a case driven there.) Its case, read only.
        await entry.GetByRole(AriaRole.Link, new() { Name = $"查看案件 {Party}" }).ClickAsync();
        Assert.Equal($"/legal/cases/{lateId}", new Uri(legal.Url).AbsolutePath);
        await Assertions.Expect(legal.Locator("#case-facts")).ToContainTextAsync("西北局罚〔2026〕40号");
        await Assertions.Expect(legal.Locator("#step-form")).ToHaveCountAsync(0);
        await NoGuidAsync(legal);
    }

    internal static Task Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Nothing people read is an internal id.</summary>
    internal static async Task NoGuidAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var found = GuidText().Match(text);
        Assert.False(found.Success, $"{page.Url} shows {found.Value}");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    internal static partial Regex GuidText();
}
