using System.Net;

namespace Ses.Service.Tests;

/// <summary>A browser gets a Chinese error page; the API keeps its status codes without HTML.</summary>
public sealed class ErrorPagesTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownPage_IsAChineseNotFoundPage_UnknownApiRoute_IsNoPage()
    {
        var client = factory.CreateClient();
        var page = await client.GetAsync("/no-such-page", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("没有找到", html);
        Assert.DoesNotContain("   at ", html);

        var api = await client.GetAsync("/api/no-such-route", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);
    }
}
