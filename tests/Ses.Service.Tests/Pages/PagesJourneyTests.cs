using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using IOPath = System.IO.Path;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// Whole journeys through the pages in a real browser (Debian's Chromium, JavaScript off) against the service on a
/// loopback port. Screenshots of each page go to TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesJourneyTests
{
    // Monday 9 March 2026, 10:00 Beijing time: served today, deemed delivered on Thursday 12 March.
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 3, 9, 10));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A counterparty with one account whose initial password is still to be changed.</summary>
    internal static async Task<(string Id, string UserName, string InitialPassword)> CounterpartyWithNewAccountAsync(DeliveryWorld world, string name)
    {
        var created = await world.Admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "foreign", name, idScheme = "licence", idValue = $"LIC{Guid.NewGuid():N}"[..16].ToUpperInvariant(), address = "",
            contacts = new[]
            {
                new { name = "甲", mobile = "13800000011", email = (string?)"ops@example.com" },
                new { name = "乙", mobile = "13800000012", email = (string?)null },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await DeliveryWorld.Json(created)).GetProperty("id").GetString()!;
        await DeliveryWorld.VerifyLetterAsync(world.Admin, id);
        var userName = $"ops_{Guid.NewGuid():N}"[..14];
        var account = await DeliveryWorld.Json(
            await world.Admin.PostAsJsonAsync($"/api/counterparties/{id}/accounts", new { userName, department = "运行控制部" }, Ct));
        return (id, userName, account.GetProperty("initialPassword").GetString()!);
    }

    /// <summary>Signs a staff member in through the staff sign-in page.</summary>
    internal static async Task SignInStaffAsync(IPage page, string userName, string password = TestUsers.Password)
    {
        await page.GotoAsync("/signin/staff");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static string Path(IPage page) => new Uri(page.Url).AbsolutePath;

    [Fact]
    public async Task Notice_IssuedAndServedByOfficer_ConfirmedByAccount_CertificateExportedAndVerifiedByLegal()
    {
        await using var host = await BrowserHost.StartAsync(_clock);
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        const string party = "页面测试航空有限公司";
        var (_, userName, initial) = await CounterpartyWithNewAccountAsync(world, party);
        var officerName = TestUsers.Create(host.Factory, "xibei", Accounts.StaffRole.Officer);
        var legalName = TestUsers.Create(host.Factory, "xibei", Accounts.StaffRole.Legal);

        // ── The officer: a notice from its form, a message beside the wrong field, preview, issue, serve.
        var officer = await host.NewPageAsync();
        await officer.GotoAsync("/officer");
        Assert.Equal("/signin/staff", Path(officer));
        await SignInStaffAsync(officer, officerName);
        Assert.Equal("/officer", Path(officer));
        await officer.GetByRole(AriaRole.Link, new() { Name = "新建文书" }).First.ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "民航行业严重失信行为认定告知书（组织）" }).ClickAsync();
        await officer.GetByLabel("受送达的相对人").SelectOptionAsync(new SelectOptionValue { Label = party });
        await officer.GetByLabel("相对人名称").FillAsync(party);
        await officer.GetByLabel("失信行为发生日期").FillAsync("2026-03-02");
        await officer.GetByLabel("失信行为事由").FillAsync("在申请许可过程中提交虚假材料");
        await officer.GetByLabel("联系电话").FillAsync("12345");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        Assert.StartsWith("/officer/draft/", Path(officer));
        await Assertions.Expect(officer.Locator("#f-contactPhone-error")).ToContainTextAsync("联系电话");
        await Assertions.Expect(officer.Locator("#f-replyDeadline-hint")).ToContainTextAsync("留空则按签发时提出的日期");
        await host.ScreenshotAsync(officer, "officer-draft-validation", forDocs: true);
        await officer.GetByLabel("联系电话").FillAsync("029-88888888");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status).Last).ToContainTextAsync("内容已通过检查");
        var preview = await officer.Context.APIRequest.GetAsync(officer.Url + "?handler=Preview");
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        const string number = "西北局信告字〔2026〕1号";
        await officer.GetByRole(AriaRole.Button, new() { Name = "签发…" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#predicted-number")).ToHaveTextAsync(number);
        await officer.GetByRole(AriaRole.Button, new() { Name = "确认签发" }).ClickAsync();
        Assert.StartsWith("/officer/documents/", Path(officer));
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("已签发：" + number);
        var docId = Guid.Parse(Path(officer)["/officer/documents/".Length..]);
        await Assertions.Expect(officer.GetByLabel("电子送达（送达至相对人 SES 账户）")).ToBeCheckedAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "送达…", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Locator("#deemed-date")).ToContainTextAsync("2026年3月12日");
        await officer.GetByRole(AriaRole.Button, new() { Name = "确认送达" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("已送达至相对人账户");
        await host.ScreenshotAsync(officer, "officer-document");
        await officer.GetByRole(AriaRole.Link, new() { Name = "工作台" }).First.ClickAsync();
        await Assertions.Expect(officer.Locator("#awaiting + .table-wrap")).ToContainTextAsync(number);
        await Assertions.Expect(officer.Locator("#deemed + .table-wrap")).ToContainTextAsync("2026年3月12日");
        await host.ScreenshotAsync(officer, "officer-dashboard", forDocs: true);
        await officer.GetByRole(AriaRole.Link, new() { Name = "发文登记簿" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync(party);
        var csv = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "导出 CSV" }).ClickAsync());
        Assert.Contains(number, await File.ReadAllTextAsync(await csv.PathAsync(), Ct));
        await host.ScreenshotAsync(officer, "officer-register");
        var pdfSha = world.WithDb(db => db.IssuedDocuments.Single(d => d.Id == docId).PdfSha256);
        var delivery = world.WithDb(db => db.Deliveries.Single(d => d.DocumentId == docId).Id.ToString());

        // ── The counterparty's account, the next morning: first sign-in, password, inbox, download, confirm.
        _clock.Now = TestClock.Beijing(2026, 3, 10, 9, 30);
        var page = await host.NewPageAsync();
        await page.GotoAsync("/inbox");
        Assert.Equal("/signin/account", Path(page));
        await page.GetByLabel("账号名称").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(initial);
        await host.ScreenshotAsync(page, "account-signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The initial password must be changed before anything else.
        Assert.Equal("/password", Path(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("首次登录");
        await page.GotoAsync("/inbox");
        Assert.Equal("/password", Path(page));
        await page.GetByLabel("当前密码").FillAsync(initial);
        await page.Locator("#f-NewPassword").FillAsync("short");
        await page.GetByLabel("再次输入新密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field.invalid .error")).ToContainTextAsync("至少 10 个字符");
        await host.ScreenshotAsync(page, "account-password-change");
        await page.GetByLabel("当前密码").FillAsync(initial);
        await page.Locator("#f-NewPassword").FillAsync("Confirm-Passw0rd");
        await page.GetByLabel("再次输入新密码").FillAsync("Confirm-Passw0rd");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();

        Assert.Equal("/inbox", Path(page));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("新送达");
        await Assertions.Expect(row).ToContainTextAsync("2026年3月12日"); // deemed: the 3rd working day after Monday
        await host.ScreenshotAsync(page, "account-inbox", forDocs: true);

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.Equal($"/inbox/{delivery}", Path(page));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载文书（PDF）" }).ClickAsync());
        var documentPdf = await download.PathAsync();
        Assert.Equal(pdfSha, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(documentPdf, Ct))));
        Assert.Equal($"{number}.pdf", download.SuggestedFilename); // the number a person knows, not an id
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("已查看");
        await host.ScreenshotAsync(page, "account-document");

        await page.GetByRole(AriaRole.Link, new() { Name = "确认收讫…" }).ClickAsync();
        var effect = page.Locator("#legal-effect");
        await Assertions.Expect(effect).ToContainTextAsync("以确认之日为送达日");
        await Assertions.Expect(effect).ToContainTextAsync("2026年3月10日");
        await Assertions.Expect(effect).ToContainTextAsync("陈述和申辩期限");
        // The notice printed 「应当于2026年3月20日前」: later than the 5th working day after 10 March (the 17th), so that
        // printed date is the defence deadline, on every page as in the notice (实施办法第十三条).
        await Assertions.Expect(effect).ToContainTextAsync("2026年3月20日");
        await Assertions.Expect(effect).ToContainTextAsync("不能撤回");
        await host.ScreenshotAsync(page, "account-confirm-step", forDocs: true);

        // Not ticked: nothing is confirmed, the message stands beside the box.
        await page.GetByRole(AriaRole.Button, new() { Name = "确认收讫" }).ClickAsync();
        await Assertions.Expect(page.Locator("#understood-error")).ToContainTextAsync("请先勾选");
        Assert.Null(world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(delivery)).ConfirmedAt));

        await page.GetByLabel("我已阅读并了解").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认收讫" }).ClickAsync();
        Assert.Equal($"/inbox/{delivery}", Path(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认收讫");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("2026年3月10日 09:30（北京时间），账号 " + userName);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "陈述和申辩期限" })).ToContainTextAsync("2026年3月20日");
        await host.ScreenshotAsync(page, "account-confirmed");
        var record = world.WithDb(db => db.Deliveries.AsNoTracking().Single(d => d.Id == Guid.Parse(delivery)));
        Assert.Equal(userName, record.ConfirmedBy);
        Assert.Equal(new DateOnly(2026, 3, 10), record.DeliveredOn);

        // ── Legal staff: search, the timeline in Beijing time, the certificate, and both files verified by upload.
        _clock.Now = TestClock.Beijing(2026, 3, 10, 11);
        var legal = await host.NewPageAsync();
        await SignInStaffAsync(legal, legalName);
        Assert.Equal("/legal", Path(legal));
        await legal.GetByLabel("文号").FillAsync("信告字〔2026〕1号");
        await legal.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Equal("/legal", Path(legal)); // the terms were posted, not put in the address
        Assert.Equal("", new Uri(legal.Url).Query);
        await legal.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.Equal($"/legal/deliveries/{delivery}", Path(legal));
        var timeline = legal.Locator("ol.timeline");
        await Assertions.Expect(timeline.Locator("li")).ToHaveCountAsync(4); // issued, served, downloaded, confirmed
        await Assertions.Expect(timeline).ToContainTextAsync("2026年3月10日 09:30:00.000（北京时间）");
        await Assertions.Expect(timeline).ToContainTextAsync("确认收讫（ConsignmentAcceptance）");
        await host.ScreenshotAsync(legal, "legal-timeline", forDocs: true);
        var certificate = await legal.RunAndWaitForDownloadAsync(() => legal.GetByRole(AriaRole.Link, new() { Name = "导出送达证明（签章 PDF）" }).ClickAsync());
        Assert.Equal($"{number}-送达证明.pdf", certificate.SuggestedFilename);
        var certificatePdf = await certificate.PathAsync();
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(certificatePdf, Ct));

        await legal.GetByRole(AriaRole.Link, new() { Name = "验证文书" }).ClickAsync();
        await legal.GetByLabel("PDF 文件").SetInputFilesAsync(certificatePdf);
        await legal.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#verdict")).ToContainTextAsync("签名有效");
        await Assertions.Expect(legal.Locator("#ours")).ToContainTextAsync("没有这个文件");
        await legal.GetByLabel("PDF 文件").SetInputFilesAsync(documentPdf);
        await legal.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#verdict")).ToContainTextAsync("签名有效");
        await Assertions.Expect(legal.Locator("dl.facts").First).ToContainTextAsync(number);
        await Assertions.Expect(legal.Locator("#ours")).ToContainTextAsync("与本局签发存档的文件完全一致：" + number);
        await Assertions.Expect(legal.Locator("main")).ToContainTextAsync("2026年3月10日 09:30（北京时间），账号 " + userName);
        await host.ScreenshotAsync(legal, "legal-verify", forDocs: true);

        // A changed copy (a byte appended as a new revision would be) is no longer ours and no longer intact.
        var changed = IOPath.Combine(host.Factory.Folder, "changed.pdf");
        var bytes = await File.ReadAllBytesAsync(documentPdf, Ct);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(changed, bytes, Ct);
        await legal.GetByLabel("PDF 文件").SetInputFilesAsync(changed);
        await legal.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#verdict")).Not.ToContainTextAsync("签名有效");
        await Assertions.Expect(legal.Locator("#ours")).Not.ToContainTextAsync("完全一致");
    }
}
