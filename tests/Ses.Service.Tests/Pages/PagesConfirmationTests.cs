using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// 签发 issues what is on the screen, and the acts that cannot be undone — issuing, serving, voiding, disabling — first
/// show their consequence (the number, the deemed date, the number staying taken, signed out everywhere) and do nothing
/// until confirmed. In a real browser without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesConfirmationTests
{
    private const string Party = "签发确认测试航空有限公司";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> DraftAsync(DeliveryWorld world, string counterpartyId, string description)
    {
        var created = await world.Officer.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org", counterpartyId, data = new { party = Party, actDate = "2025-01-06", actDescription = description },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await DeliveryWorld.Json(created)).GetProperty("id").GetString()!;
    }

    private static string Description(string dataJson) => JsonDocument.Parse(dataJson).RootElement.GetProperty("actDescription").GetString()!;

    [Fact]
    public async Task Issue_SavesTheEditsOnTheScreen_ShowsThePredictedNumber_IssuesOnlyWhenConfirmed()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync(Party);
        Assert.Equal("西北局信告字〔2026〕1号", (await world.IssueAsync(cp, Party)).Number);
        var draftId = await DraftAsync(world, cp, "保存过的事由");
        var page = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(page, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));

        // An edit not saved, then 签发: the edit is saved and the confirmation shows it with the next number; nothing is issued yet.
        await page.GotoAsync($"/officer/draft/{draftId}");
        await page.GetByLabel("失信行为事由").FillAsync("屏幕上改过的事由");
        await page.GetByRole(AriaRole.Button, new() { Name = "签发…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#predicted-number")).ToHaveTextAsync("西北局信告字〔2026〕2号");
        await Assertions.Expect(page.Locator("#confirm-issue")).ToContainTextAsync("预计文号");
        await Assertions.Expect(page.Locator("#issue-values")).ToContainTextAsync("屏幕上改过的事由");
        await Assertions.Expect(page.Locator("#issue-values")).ToContainTextAsync(Party);
        await host.ScreenshotAsync(page, "officer-issue-confirm", forDocs: true);
        Assert.Equal(1, world.WithDb(db => db.IssuedDocuments.Count()));
        Assert.Equal("屏幕上改过的事由", Description(world.WithDb(db => db.Drafts.Single(d => d.Id == Guid.Parse(draftId)).DataJson)));

        await page.GetByRole(AriaRole.Button, new() { Name = "确认签发" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已签发：西北局信告字〔2026〕2号");
        var issued = world.WithDb(db => db.IssuedDocuments.AsNoTracking().Single(d => d.DraftId == Guid.Parse(draftId)));
        Assert.Equal("西北局信告字〔2026〕2号", issued.Number);
        Assert.Equal("屏幕上改过的事由", Description(issued.DataJson));
    }

    [Fact]
    public async Task Issue_WithAnInvalidEdit_OrAChangeAfterConfirming_IsRefusedWithTheReason_AndNothingIsIssued()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync(Party);
        var draftId = await DraftAsync(world, cp, "保存过的事由");
        var page = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(page, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));

        // A wrong value typed and 签发 pressed: refused with the reason beside the field, the typed value kept.
        await page.GotoAsync($"/officer/draft/{draftId}");
        await page.GetByLabel("联系电话").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "签发…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("未签发");
        await Assertions.Expect(page.Locator("#f-contactPhone-error")).ToContainTextAsync("联系电话");
        await Assertions.Expect(page.GetByLabel("联系电话")).ToHaveValueAsync("12345");
        await Assertions.Expect(page.Locator("#confirm-issue")).ToHaveCountAsync(0);

        // Corrected and confirmed on the page, but changed elsewhere before 确认签发: not issued, the page says why.
        await page.GetByLabel("联系电话").FillAsync("029-88888888");
        await page.GetByRole(AriaRole.Button, new() { Name = "签发…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#predicted-number")).ToHaveTextAsync("西北局信告字〔2026〕1号");
        var version = world.WithDb(db => db.Drafts.Single(d => d.Id == Guid.Parse(draftId)).Version);
        var changed = await world.Officer.PutAsJsonAsync($"/api/drafts/{draftId}", new
        {
            data = new { party = Party, actDate = "2025-01-06", actDescription = "别处改过的事由", contactPhone = "029-88888888" }, version,
        }, Ct);
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync(Ct));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认签发" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("确认之后草稿又被修改过");
        Assert.Equal(0, world.WithDb(db => db.IssuedDocuments.Count()));
    }

    [Fact]
    public async Task Serve_Void_Disable_ShowTheirConsequence_AndHappenOnlyWhenConfirmed()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync(Party);
        var (served, _) = await world.IssueAsync(cp, Party);
        var (voided, voidedNumber) = await world.IssueAsync(cp, Party);
        var page = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(page, TestUsers.Create(host.Factory, "xibei", StaffRole.Officer));

        // Serving electronically on Monday 9 March: the confirmation names the mode and the deemed date, Thursday 12 March.
        await page.GotoAsync($"/officer/documents/{served}");
        await page.GetByRole(AriaRole.Button, new() { Name = "送达…", Exact = true }).ClickAsync();
        var confirm = page.Locator("#confirm-serve");
        await Assertions.Expect(confirm).ToContainTextAsync("电子送达");
        await Assertions.Expect(page.Locator("#deemed-date")).ToContainTextAsync("2026年3月12日（发送之日后第三个工作日）");
        await host.ScreenshotAsync(page, "officer-serve-confirm");
        Assert.False(world.WithDb(db => db.Deliveries.Any()));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认送达" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已送达");
        Assert.Equal(new DateOnly(2026, 3, 12), world.WithDb(db => db.Deliveries.Single(d => d.DocumentId == Guid.Parse(served)).DeemedOn));

        // Voiding: the number stays taken; nothing is voided before the confirmation.
        await page.GotoAsync($"/officer/documents/{voided}");
        await page.GetByLabel("作废理由").FillAsync("文书内容有误");
        await page.GetByRole(AriaRole.Button, new() { Name = "作废文书…" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-void")).ToContainTextAsync($"文号 {voidedNumber} 保留、不再使用");
        await Assertions.Expect(page.Locator("#confirm-void")).ToContainTextAsync("文书内容有误");
        Assert.Null(world.WithDb(db => db.IssuedDocuments.Single(d => d.Id == Guid.Parse(voided)).VoidedAt));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认作废" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("文书已作废");
        Assert.Equal("文书内容有误", world.WithDb(db => db.IssuedDocuments.Single(d => d.Id == Guid.Parse(voided)).VoidReason));

        // Disabling a staff member: signed out everywhere, said before it is done.
        var admin = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(admin, TestUsers.Create(host.Factory, "xibei", StaffRole.Admin));
        var legal = TestUsers.Create(host.Factory, "xibei", StaffRole.Legal);
        await admin.GotoAsync("/admin/staff");
        await admin.GetByRole(AriaRole.Button, new() { Name = "停用 " + legal }).ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-disable")).ToContainTextAsync("所有设备上的登录");
        Assert.True(world.WithDb(db => db.StaffUsers.Single(u => u.UserName == legal).Active));
        await admin.GetByRole(AriaRole.Button, new() { Name = "确认停用" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{legal} 已停用");
        Assert.False(world.WithDb(db => db.StaffUsers.Single(u => u.UserName == legal).Active));
    }
}
