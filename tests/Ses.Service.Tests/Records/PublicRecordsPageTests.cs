using Microsoft.Playwright;
using Ses.Service.Tests.Pages;

namespace Ses.Service.Tests.Records;

/// <summary>The public list of credit records (实施办法第二十条), in a real browser, without signing in — at desktop width and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicRecordsPageTests
{
    [Fact]
    public async Task PublicPage_ListsOrganisationsInForce_AndTakeDowns_WithoutSignIn_OnAPhoneToo()
    {
        await using var host = await BrowserHost.StartAsync(new TestClock(TestClock.Beijing(2026, 9, 30, 10)));
        var world = await RecordsWorld.CreateAsync(host.Factory, "xibei");
        var name = RecordsWorld.NewName("渭南航空有限公司");
        var identifier = RecordsWorld.NewIdentifier();
        await world.EnterAsync(world.Entry(name, identifier, new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29),
            [RecordsWorld.Person("legal-rep", "蒋法人", RecordsWorld.PersonId())]));
        var removedName = RecordsWorld.NewName("铜川航空有限公司");
        var removed = await world.EnterAsync(world.Entry(removedName, RecordsWorld.NewIdentifier(), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29)));
        await world.RemoveAsync(removed, "corrected", "信用信息错误，予以更正", new DateOnly(2026, 9, 30));
        await world.EnterAsync(world.Entry("沈个人", RecordsWorld.PersonId(), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29), kind: "person"));

        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/public/credit-records");
        Assert.True(response!.Ok, $"{response.Status}");
        Assert.Equal("/public/credit-records", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("严重失信行为信用记录公示");
        var row = page.Locator("#in-force").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(identifier);
        await Assertions.Expect(row).ToContainTextAsync("2027年9月20日");
        var down = page.Locator("#removed").GetByRole(AriaRole.Row).Filter(new() { HasText = removedName });
        await Assertions.Expect(down).ToContainTextAsync("更正移除");
        await Assertions.Expect(down).ToContainTextAsync("2026年9月30日");
        await Assertions.Expect(page.Locator("#rule")).ToContainTextAsync("实施办法第二十条");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("蒋法人");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("沈个人");
        await host.ScreenshotAsync(page, "public-credit-records");

        var phone = await host.NewPageAsync(width: 390, height: 844, javaScript: true);
        Assert.True((await phone.GotoAsync("/public/credit-records"))!.Ok);
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
    }
}
