using System.Net;
using System.Web;
using Microsoft.Playwright;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Pages;

/// <summary>
/// What the pages must refuse, in a real browser: another counterparty's or bureau's records, a page of another kind
/// of user, a form posted without its anti-forgery token.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OtherCounterpartyAndOtherBureau_SeeNothing_AndFormsNeedTheirToken()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 3, 9, 10)));
        var world = await DeliveryWorld.CreateAsync(host.Factory);
        var (a, _, _) = await world.CounterpartyAsync("甲航空有限公司");
        var (_, _, bNames) = await world.CounterpartyAsync("乙航空有限公司");
        var (docId, number) = await world.IssueAsync(a, "甲航空有限公司");
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;

        // Counterparty B's account asks for A's delivery by its id: not found, in every form, and nothing is recorded.
        var b = await host.NewPageAsync();
        await b.GotoAsync("/signin/account");
        await b.GetByLabel("账号名称").FillAsync(bNames[0]);
        await b.GetByLabel("密码").FillAsync(DeliveryWorld.AccountPassword);
        await b.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        Assert.Equal("/inbox", new Uri(b.Url).AbsolutePath);
        await Assertions.Expect(b.Locator("main")).Not.ToContainTextAsync(number);
        foreach (var path in new[] { $"/inbox/{delivery}", $"/inbox/{delivery}/view", $"/inbox/{delivery}/download", $"/inbox/{delivery}/confirm" })
        {
            Assert.Equal(404, (await b.GotoAsync(path))!.Status);
        }
        Assert.Equal(["served"], world.WithDb(db => db.EvidenceEntries.Where(e => e.DeliveryId == Guid.Parse(delivery)).Select(e => e.Action).ToList()));

        // Posting the confirmation without the form's anti-forgery token confirms nothing: the stale-form check shows
        // the page again instead (PagesStaleFormTests), and this page is another counterparty's, so it is not found.
        var forged = await b.Context.APIRequest.PostAsync($"/inbox/{delivery}/confirm",
            new() { Form = b.Context.APIRequest.CreateFormData().Set("Understood", "true") });
        Assert.Equal((int)HttpStatusCode.NotFound, forged.Status);
        Assert.Null(world.WithDb(db => db.Deliveries.Single(d => d.Id == Guid.Parse(delivery)).ConfirmedAt));

        // An account on a staff page: refused; signed out, a page sends to sign-in while the API answers 401.
        await b.GotoAsync("/officer");
        Assert.Equal("/denied", new Uri(b.Url).AbsolutePath);
        await host.ScreenshotAsync(b, "denied");
        var anonymous = await host.NewPageAsync();
        Assert.Equal(401, (await anonymous.Context.APIRequest.GetAsync("/api/my/deliveries")).Status);
        await anonymous.GotoAsync($"/legal/deliveries/{delivery}");
        Assert.Equal("/signin/staff", new Uri(anonymous.Url).AbsolutePath);
        Assert.Equal($"/legal/deliveries/{delivery}", HttpUtility.ParseQueryString(new Uri(anonymous.Url).Query)["ReturnUrl"]);

        // Staff of another bureau: the delivery and the document do not exist for them.
        var other = await host.NewPageAsync();
        await PagesJourneyTests.SignInStaffAsync(other, TestUsers.Create(host.Factory, "huabei", StaffRole.Officer));
        Assert.Equal(404, (await other.GotoAsync($"/legal/deliveries/{delivery}"))!.Status);
        Assert.Equal(404, (await other.GotoAsync($"/legal/deliveries/{delivery}?handler=Certificate"))!.Status);
        Assert.Equal(404, (await other.GotoAsync($"/officer/documents/{docId}"))!.Status);
        await other.GotoAsync("/legal");
        await other.GetByLabel("文号").FillAsync(number);
        await other.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(other.Locator("main")).ToContainTextAsync("没有符合条件的送达记录");
    }

    [Fact]
    public async Task Pages_AreReadableOnAPhone_AndSendNoScript()
    {
        await using var host = await BrowserHost.StartAsync();
        var phone = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        var response = await phone.GotoAsync("/signin/account");
        Assert.Contains("script-src 'none'", response!.Headers["content-security-policy"]);
        Assert.Equal(0, await phone.Locator("script").CountAsync());
        // Nothing wider than the screen: no sideways scrolling of the page itself.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await host.ScreenshotAsync(phone, "phone-account-signin");
    }
}
