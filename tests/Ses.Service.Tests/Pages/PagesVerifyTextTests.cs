using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ses.Service.Accounts;
using Ses.Service.Storage;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// The legal staff's pages in Chinese: the verify page explains what it found (no bare problem codes, no English reader
/// messages), the evidence timeline names the system and the channels in Chinese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesVerifyTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_ChangedAndNonPdfFiles_AreExplainedInChinese_CodesOnlyBesideInSmallText()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync("核验测试航空有限公司");
        var (docId, _) = await world.IssueAsync(cp, "核验测试航空有限公司");
        var sha = world.WithDb(db => db.IssuedDocuments.Single(d => d.Id == Guid.Parse(docId)).PdfSha256);
        var pdf = (await host.Factory.Services.GetRequiredService<IFileStore>().GetAsync(sha, Ct))!;
        var legal = await host.NewPageAsync(javaScript: true);
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));

        // A byte changed inside what the signature covers.
        var changed = Path.Combine(host.Factory.Folder, "changed.pdf");
        var bytes = (byte[])pdf.Clone();
        var at = bytes.Length / 3;
        bytes[at] = (byte)(bytes[at] == (byte)'a' ? 'b' : 'a');
        await File.WriteAllBytesAsync(changed, bytes, Ct);
        await legal.GotoAsync("/legal/verify");
        await legal.GetByLabel("PDF 文件").SetInputFilesAsync(changed);
        await legal.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        var problems = legal.Locator("ul.problems li");
        await Assertions.Expect(problems.First).ToBeVisibleAsync();
        await Assertions.Expect(legal.Locator("ul.problems")).ToContainTextAsync("签名后文件内容被改动过");
        // Every problem is a Chinese sentence, with its code only beside it in small text.
        foreach (var li in await problems.AllAsync())
        {
            var sentence = await li.EvaluateAsync<string>("e => e.firstChild.textContent");
            Assert.Matches(@"^\s*[\u4e00-\u9fff]", sentence);
            Assert.DoesNotContain("其他问题", sentence);
            Assert.Equal(1, await li.Locator("small.code").CountAsync());
        }
        var shown = await legal.EvaluateAsync<string>(
            "() => { const m = document.querySelector('main').cloneNode(true); "
            + "m.querySelectorAll('small.code').forEach(c => c.remove()); return m.innerText; }");
        Assert.DoesNotContain("signature.", shown);
        Assert.DoesNotContain("document.modified", shown);
        await host.ScreenshotAsync(legal, "legal-verify-changed");

        // Not a PDF at all: said in Chinese, without the reader's English message.
        var text = Path.Combine(host.Factory.Folder, "letter.pdf");
        await File.WriteAllTextAsync(text, "这不是 PDF 文件", Ct);
        await legal.GetByLabel("PDF 文件").SetInputFilesAsync(text);
        await legal.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await Assertions.Expect(legal.Locator("#verdict")).ToContainTextAsync("文件不是 PDF");
        await Assertions.Expect(legal.Locator("main")).Not.ToContainTextAsync("not a PDF");
    }

    [Fact]
    public async Task Timeline_EventsRecordedByTheSystem_NameItInChinese()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 3, 9, 10));
        await using var host = await BrowserHost.StartAsync(clock);
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (cp, _, _) = await world.CounterpartyAsync("时间线测试航空有限公司");
        var (docId, _) = await world.IssueAsync(cp, "时间线测试航空有限公司");
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;
        clock.Now = TestClock.Beijing(2026, 3, 13, 9); // after the deemed date, Thursday 12 March
        await world.RunJobAsync();

        var legal = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(legal, TestUsers.Create(host.Factory, "xibei", StaffRole.Legal));
        await legal.GotoAsync($"/legal/deliveries/{delivery}");
        var deemed = legal.Locator("ol.timeline li").Filter(new() { HasText = "视为送达（" });
        await Assertions.Expect(deemed).ToContainTextAsync("系统（定时任务）");
        await Assertions.Expect(legal.Locator("ol.timeline")).Not.ToContainTextAsync("· job");
    }
}
