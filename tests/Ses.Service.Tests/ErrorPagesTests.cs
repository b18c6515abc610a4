using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Accounts;

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

    [Fact]
    public async Task Api401_403_404_AreProblemDetailsWithACodeAndAChineseTitle()
    {
        var anonymous = factory.CreateClient();
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        await Expect(await anonymous.GetAsync($"/api/drafts/{Guid.NewGuid()}", Ct), HttpStatusCode.Unauthorized, "auth.required");
        await Expect(await officer.GetAsync("/api/staff", Ct), HttpStatusCode.Forbidden, "auth.forbidden");
        await Expect(await officer.GetAsync($"/api/drafts/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound, "not-found");
        await Expect(await anonymous.GetAsync("/api/no-such-route", Ct), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
    }
}
