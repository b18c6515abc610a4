using System.Net;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Cases;
using Ses.Service.Pages;
using Ses.Service.Records;
using Ses.Service.Tests.Cases;
using Ses.Service.Tests.Records;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Credit records in a real browser: 信用记录查询 by name and by identifier with the measures of 实施办法第二十一条, and the
/// answer when there is none; legal staff's records, a record marked as under reconsideration (refusals beside the
/// fields first) and the mark shown on the record and in the answer (实施办法第二十七条); an officer denied the legal
/// pages; a case driven to its record shows the record, legal staff read the case, its files download under their names.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesRecordsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InForce_FindsByNameAndIdentifier_WithMeasures_LegalMarks_MarkShownEverywhere_OfficerDenied()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 9, 30, 10)));
        var world = await RecordsWorld.CreateAsync(host.Factory, "xibei");
        var name = RecordsWorld.NewName("宝鸡航空有限公司");
        var identifier = RecordsWorld.NewIdentifier();
        var id = await world.EnterAsync(world.Entry(name, identifier, new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29),
            [RecordsWorld.Person("legal-rep", "韩法人", RecordsWorld.PersonId())]));

        // An officer asks before licensing: by a part of the name, from the navigation.
        var officer = await host.NewPageAsync();
        var officerName = TestUsers.Create(host.Factory, "xibei", StaffRole.Officer);
        await PagesJourneyTests.SignInStaffAsync(officer, officerName);
        await PagesCasesTests.Nav(officer, "信用记录查询");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/records/in-force$"));
        await Ask(officer, "宝鸡航空");
        var record = officer.Locator("#record-1");
        await Assertions.Expect(officer.Locator("#found")).ToContainTextAsync("查询到 1 条");
        await Assertions.Expect(record).ToContainTextAsync(name);
        await Assertions.Expect(record).ToContainTextAsync(identifier);
        await Assertions.Expect(record).ToContainTextAsync("实施办法第八条第一款第（五）项");
        await Assertions.Expect(record).ToContainTextAsync("西北局信决字〔2026〕1号");
        await Assertions.Expect(record).ToContainTextAsync("2026年9月20日送达");
        await Assertions.Expect(record.Locator(".valid-until")).ToHaveTextAsync("2027年9月20日");
        var measures = officer.Locator("#measures-1 li");
        await Assertions.Expect(measures).ToHaveCountAsync(RecordMeasures.Lines.Count);
        foreach (var measure in new[] { "禁止适用告知承诺制", "依法从重处罚", "禁止适用法定自查容错机制", "加大检查频次" })
        {
            await Assertions.Expect(measures.Filter(new() { HasText = measure })).ToHaveCountAsync(1);
        }
        await Assertions.Expect(officer.Locator("#rule")).ToContainTextAsync("实施办法第二十一条");
        await PagesCasesTests.NoGuidAsync(officer);
        await host.ScreenshotAsync(officer, "records-in-force-found", forDocs: true);

        // By the identifier (in small letters), and the person recorded with the organisation, named with it.
        await Ask(officer, identifier.ToLowerInvariant());
        await Assertions.Expect(officer.Locator("#record-1")).ToContainTextAsync(name);
        await Ask(officer, "韩法人");
        await Assertions.Expect(officer.Locator("#record-1")).ToContainTextAsync($"{name}的法定代表人");

        // Nobody by that name: said in so many words. Too short a question: refused beside the field.
        await Ask(officer, "不存在的航空公司");
        await Assertions.Expect(officer.Locator("#none")).ToHaveTextAsync("未查询到在有效期内的严重失信行为信息。");
        await Assertions.Expect(officer.Locator("article.record")).ToHaveCountAsync(0);
        await Ask(officer, "宝");
        await Assertions.Expect(officer.Locator("#f-q-error")).ToContainTextAsync("至少 2 个字符");
        await Assertions.Expect(officer.Locator("#answer")).ToHaveCountAsync(0);

        // The legal pages are not the officer's.
        await officer.GotoAsync("/legal/records");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/denied"));
        await officer.GotoAsync($"/legal/records/{id}");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/denied"));

        // Legal staff: their records, the record in full.
        var legal = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(legal, world.LegalName);
        await PagesCasesTests.Nav(legal, "信用记录");
        await Assertions.Expect(legal).ToHaveURLAsync(new Regex("/legal/records$"));
        var row = legal.Locator("#records").GetByRole(AriaRole.Row).Filter(new() { HasText = identifier });
        await Assertions.Expect(row).ToContainTextAsync("有效");
        await Assertions.Expect(legal.Locator("#records").GetByRole(AriaRole.Row).Filter(new() { HasText = "韩法人" }))
            .ToContainTextAsync($"{name}的法定代表人");
        await PagesCasesTests.NoGuidAsync(legal);
        await legal.Locator("#f-state").SelectOptionAsync("expired");
        await legal.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#no-records")).ToBeVisibleAsync();
        await legal.Locator("#f-state").SelectOptionAsync("in-force");
        await legal.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await legal.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        Assert.Equal($"/legal/records/{id}", new Uri(legal.Url).AbsolutePath);
        await Assertions.Expect(legal.Locator("#validity")).ToContainTextAsync("2027年9月20日");
        await Assertions.Expect(legal.Locator("#repair")).ToContainTextAsync("2026年12月30日起可以申请");
        await Assertions.Expect(legal.Locator("#record-persons")).ToContainTextAsync("韩法人");
        await Assertions.Expect(legal.Locator("#record-mark")).ToHaveTextAsync("无");
        await PagesCasesTests.NoGuidAsync(legal);

        // A mark without its kind, and filed before the decision was delivered: refused beside the fields, nothing changed.
        await legal.GetByLabel("提起日期").FillAsync("2026-09-01");
        await legal.GetByRole(AriaRole.Button, new() { Name = "标注", Exact = true }).ClickAsync();
        await Assertions.Expect(legal.Locator("#kind-error")).ToContainTextAsync("标注类型");
        await Assertions.Expect(legal.Locator("#f-filedOn-error")).ToContainTextAsync("不能早于认定决定书送达之日");
        await Assertions.Expect(legal.GetByRole(AriaRole.Alert)).ToContainTextAsync(PageRefusals.SeeFields);
        Assert.Null(world.WithDb(db => db.CreditRecords.Single(r => r.Id == id).Mark));

        // 行政复议 filed on 09-29: marked; the record and the answer say 复议中 and the measures are suspended.
        await legal.GetByLabel("行政复议（复议中）").CheckAsync();
        await legal.GetByLabel("提起日期").FillAsync("2026-09-29");
        await legal.GetByLabel("说明").FillAsync("民航局行政复议");
        await legal.GetByRole(AriaRole.Button, new() { Name = "标注", Exact = true }).ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("已标注「复议中」");
        await Assertions.Expect(legal.Locator("#record-mark")).ToContainTextAsync("复议中");
        await Assertions.Expect(legal.Locator("#record-mark")).ToContainTextAsync("2026年9月29日提起行政复议");
        Assert.Equal(RecordMarks.Reconsideration, world.WithDb(db => db.CreditRecords.Single(r => r.Id == id).Mark));
        await host.ScreenshotAsync(legal, "legal-record-marked", forDocs: true);
        await Ask(officer, identifier);
        await Assertions.Expect(officer.Locator("#record-1 .mark").First).ToContainTextAsync("复议中");
        await Assertions.Expect(officer.Locator("#measures-1 li")).ToHaveTextAsync([new Regex("暂停对其实施基于被复议、诉讼信用信息的新的惩戒措施")]);
        await Assertions.Expect(legal.Locator("#records")).ToHaveCountAsync(0);
        await legal.GotoAsync("/legal/records");
        await Assertions.Expect(legal.Locator("#records").GetByRole(AriaRole.Row).Filter(new() { HasText = identifier })).ToContainTextAsync("复议中");

        // The reconsideration ended: the mark comes off, the measures apply again.
        await legal.GotoAsync($"/legal/records/{id}");
        await legal.GetByRole(AriaRole.Button, new() { Name = "撤销标注（复议或诉讼已终结）" }).ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("已撤销");
        await Assertions.Expect(legal.Locator("#record-mark")).ToHaveTextAsync("无");
        await Ask(officer, identifier);
        await Assertions.Expect(officer.Locator("#measures-1 li")).ToHaveCountAsync(RecordMeasures.Lines.Count);

        // Another bureau's legal staff: no such record.
        var other = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(other, TestUsers.Create(host.Factory, "huabei", StaffRole.Legal));
        Assert.Equal(404, (await other.GotoAsync($"/legal/records/{id}"))!.Status);

        // On a phone the pages fit the screen.
        var phone = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        await PagesJourneyTests.SignInStaffAsync(phone, world.LegalName);
        foreach (var path in new[] { $"/records/in-force?q={Uri.EscapeDataString(identifier)}", "/legal/records", $"/legal/records/{id}" })
        {
            var response = await phone.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide on a {widths[1]} px screen");
        }
    }

    [Fact]
    public async Task RecordedCase_DecisionConfirmedOnCasePage_CaseShowsRecord_LegalReadsCase_FilesDownloadUnderTheirNames()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 9, 30, 10));
        await using var host = await BrowserHost.StartAsync(clock);
        var world = await CaseWorld.CreateAsync(host.Factory, "xibei");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}";
        await CaseWorld.Step(world.Officer, $"{path}/collection", new { legalRepresentative = new { name = "周某", idValue = "610113197805120038" } });
        await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        await CaseWorld.Step(world.Officer, $"{path}/notice", new { contact = "王某" });
        clock.Now = TestClock.Beijing(2026, 10, 20, 10);
        await world.Delivery.RunJobAsync();
        await world.SignInAsync();
        await CaseWorld.Step(world.Officer, $"{path}/no-statement");
        await CaseWorld.Step(world.Officer, $"{path}/meeting", new { heldOn = "2026-10-20", kind = "bureau", minutes = Minutes, minutesName = "局务会纪要.pdf" });

        // The decision from the case page: served electronically only is refused beside the choice (确认函第一条) before
        // anything is issued; both ways stops at the confirmation; confirmed, it is issued and served.
        var officer = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(officer, world.OfficerName);
        await officer.GotoAsync($"/officer/cases/{id}");
        await officer.GetByLabel("电子送达", new() { Exact = true }).CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "签发认定决定书并送达" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#mode-error")).ToContainTextAsync("应当同时电子送达和纸质送达");
        Assert.Equal(0, world.Delivery.WithDb(db => db.IssuedDocuments.Count(d => d.Number.Contains("信决字"))));
        await officer.GetByLabel("电子送达并纸质送达").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "签发认定决定书并送达" }).ClickAsync();
        var confirm = officer.Locator("#confirm-issue");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Heading)).ToHaveTextAsync("确认签发并送达认定决定书");
        await Assertions.Expect(officer.Locator("#confirm-mode")).ToHaveTextAsync("电子送达并纸质送达");
        await Assertions.Expect(officer.Locator("#predicted-number")).ToHaveTextAsync("西北局信决字〔2026〕1号");
        await Assertions.Expect(confirm).ToContainTextAsync("文号一经取得即不能再用于其他文书");
        Assert.Equal((0, CaseState.Decision), world.Delivery.WithDb(db =>
            (db.IssuedDocuments.Count(d => d.Number.Contains("信决字")), db.CreditCases.Single(c => c.Id == Guid.Parse(id)).State)));
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认签发并送达" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("认定决定书已签发并送达");
        await Assertions.Expect(officer.Locator("#case-record")).ToHaveCountAsync(0);

        // Served on paper the same day, transferred; legal staff open the case from 待记入信用记录, then enter it.
        var view = await world.ReadAsync(id);
        var delivery = await world.DeliveryOfAsync(view, CaseSteps.Decision);
        var paper = await world.Officer.PostAsJsonAsync($"/api/deliveries/{delivery}/paper", new
        {
            deliveredOn = "2026-10-20", method = "EMS", trackingNumber = "EA123456789CN", signedBy = "周某",
            receiptBase64 = Convert.ToBase64String("%PDF-1.7\n% receipt\n"u8.ToArray()), receiptName = "回证.pdf",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        await CaseWorld.Step(world.Officer, $"{path}/transfer", new { });
        var legal = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await PagesCasesTests.Nav(legal, "待记入信用记录");
        var party = world.Delivery.WithDb(db => db.Counterparties.Single(c => c.Id == Guid.Parse(world.Counterparty)).Name);
        await legal.GetByRole(AriaRole.Link, new() { Name = $"查看案件 {party}" }).ClickAsync();
        Assert.Equal($"/legal/cases/{id}", new Uri(legal.Url).AbsolutePath);
        await Assertions.Expect(legal.Locator("#read-only")).ToContainTextAsync("已移送法制部门");
        await Assertions.Expect(legal.Locator("#step-form")).ToHaveCountAsync(0);
        await PagesCasesTests.NoGuidAsync(legal);
        await legal.GotoAsync("/legal/entries");
        await legal.GetByRole(AriaRole.Button, new() { Name = "记入" }).ClickAsync();
        await Assertions.Expect(legal.GetByRole(AriaRole.Status)).ToContainTextAsync("已记入信用记录");

        // The officer's case page shows the record: in force, 1 year from the decision's delivery (实施办法第十七条); no legal link.
        await officer.GotoAsync($"/officer/cases/{id}");
        await Assertions.Expect(officer.Locator("#record-state")).ToHaveTextAsync("有效");
        await Assertions.Expect(officer.Locator("#record-validity")).ToContainTextAsync("至 2027年10月20日");
        await Assertions.Expect(officer.Locator("#record-link")).ToHaveCountAsync(0);
        await PagesCasesTests.NoGuidAsync(officer);
        // The case file (案卷) from the case page: one ZIP, named without an id, its table of contents first.
        var caseFile = await officer.RunAndWaitForDownloadAsync(() => officer.Locator("#case-file").ClickAsync());
        Assert.StartsWith("案卷-", caseFile.SuggestedFilename);
        Assert.DoesNotMatch(PagesCasesTests.GuidText(), caseFile.SuggestedFilename);
        using (var zip = ZipFile.OpenRead((await caseFile.PathAsync())!))
        {
            Assert.Equal("00-卷内目录.pdf", zip.Entries[0].FullName);
            Assert.Contains(zip.Entries, e => e.FullName == "evidence.jsonl");
        }
        await officer.GotoAsync($"/legal/cases/{id}");
        await Assertions.Expect(officer).ToHaveURLAsync(new Regex("/denied"));

        // Legal staff: the record, then its case (read only) from it, with the link back and the files.
        await PagesCasesTests.Nav(legal, "信用记录");
        await legal.Locator("#records").GetByRole(AriaRole.Link, new() { Name = party }).ClickAsync();
        await legal.Locator("#case-link").ClickAsync();
        Assert.Equal($"/legal/cases/{id}", new Uri(legal.Url).AbsolutePath);
        await Assertions.Expect(legal.Locator("#record-state")).ToHaveTextAsync("有效");
        await Assertions.Expect(legal.Locator("#record-link")).ToHaveAttributeAsync("href", new Regex("^/legal/records/"));
        var minutesLink = legal.Locator("#timeline").GetByRole(AriaRole.Link, new() { Name = "局务会纪要.pdf" });
        var download = await legal.RunAndWaitForDownloadAsync(() => minutesLink.ClickAsync());
        Assert.Equal("局务会纪要.pdf", download.SuggestedFilename);
        Assert.Equal(Minutes, await File.ReadAllBytesAsync((await download.PathAsync())!, Ct));
        var transferLink = legal.Locator("#timeline tr").Filter(new() { HasText = "移送" }).GetByRole(AriaRole.Link).Last;
        var slip = await legal.RunAndWaitForDownloadAsync(() => transferLink.ClickAsync());
        Assert.EndsWith(".pdf", slip.SuggestedFilename);
        Assert.DoesNotMatch(PagesCasesTests.GuidText(), slip.SuggestedFilename);
        await PagesCasesTests.NoGuidAsync(legal);
        await host.ScreenshotAsync(legal, "legal-case-recorded");
        var minutesHref = (await minutesLink.GetAttributeAsync("href"))!;

        // Another bureau: neither the case nor its files; a step without a file has nothing to download.
        var other = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(other, TestUsers.Create(host.Factory, "huabei", StaffRole.Legal));
        Assert.Equal(404, (await other.GotoAsync($"/legal/cases/{id}"))!.Status);
        Assert.Equal(404, (await other.Context.APIRequest.GetAsync(minutesHref)).Status);
        Assert.Equal(404, (await legal.Context.APIRequest.GetAsync($"/legal/cases/{id}?handler=File&step=1")).Status);
        Assert.Equal(200, (await legal.Context.APIRequest.GetAsync(minutesHref)).Status);
    }

    private static readonly byte[] Minutes = "%PDF-1.7\n% minutes of the bureau meeting\n"u8.ToArray();

    private static async Task Ask(IPage page, string query)
    {
        await page.GotoAsync("/records/in-force");
        await page.GetByLabel("相对人名称或者证照号码").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
    }
}
