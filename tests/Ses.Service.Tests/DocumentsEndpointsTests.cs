using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Accounts;

namespace Ses.Service.Tests;

public sealed class DocumentsEndpointsTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    // A draft is unnumbered: the render route refuses a number (SigningSecurityTests).
    private static readonly object NoticeData = new
    {
        party = "西安某某航空服务有限公司",
        actDate = "2025-01-06",
        actDescription = "在申请许可过程中提交虚假材料",
        replyDeadline = "2026-03-20",
    };

    [Fact]
    public async Task Health_ReportsOkAndTheForms()
    {
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("forms").GetInt32() >= 1);
        Assert.Equal("ok", health.GetProperty("database").GetString());
        Assert.Equal("ok", health.GetProperty("fileStore").GetString());
    }

    [Fact]
    public async Task ListForms_ReturnsTypedSchemas()
    {
        var forms = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/forms", TestContext.Current.CancellationToken);
        var notice = forms.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "notice-org");
        Assert.Equal("信告", notice.GetProperty("series").GetString());
    }

    private Task<HttpClient> Staff() => TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));

    [Fact]
    public async Task Render_ValidData_ReturnsTheDraftPdf()
    {
        var response = await (await Staff()).PostAsJsonAsync("/api/forms/notice-org/render", NoticeData, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("西北局信告字〔　〕号", text);
        Assert.Contains("样稿", text);
    }

    [Fact]
    public async Task Render_InvalidData_IsAProblemDetailsWithCodesAndChineseMessages()
    {
        var response = await (await Staff()).PostAsJsonAsync("/api/forms/notice-org/render",
            new { party = "某公司", actDate = "2026-13-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == "actDate" && p.GetProperty("code").GetString() == "field.date.format");
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == "replyDeadline" && p.GetProperty("code").GetString() == "field.required");
        Assert.All(problems, p => Assert.Contains("「", p.GetProperty("message").GetString()));
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Render_UnknownForm_Is404()
    {
        var response = await (await Staff()).PostAsJsonAsync("/api/forms/no-such-form/render", NoticeData, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ApiReferenceTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task OpenApi_DescribesTheIssuingRoutes()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/drafts/{id}/issue", out _));
        Assert.True(paths.TryGetProperty("/api/register/csv", out _));
    }

    [Fact]
    public async Task ReferencePage_ListsRoutesInHtml()
    {
        var html = await factory.CreateClient().GetStringAsync("/api-reference", TestContext.Current.CancellationToken);
        Assert.Contains("/api/drafts/{id:guid}/issue", html);
        Assert.Contains("/openapi/v1.json", html);
    }
}
