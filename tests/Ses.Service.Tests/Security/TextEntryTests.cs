using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Text is refused when it is entered if the renderer would refuse it later (a stored value that no document can
/// print makes the delivery certificate impossible to export forever): controls, bidi overrides, zero-width
/// characters, bad encodings, characters the fonts lack, and a field longer than the template allows.
/// </summary>
public sealed class TextEntryTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<(string? Field, string? Code, string? Message)>> Problems(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        return [.. problem.GetProperty("problems").EnumerateArray().Select(p =>
            (p.GetProperty("field").GetString(), p.GetProperty("code").GetString(), p.GetProperty("message").GetString()))];
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("某\u202E公司", "field.bidi")]
    [InlineData("某\u2066公司", "field.bidi")]
    [InlineData("某\u200B公司", "field.zero-width")]
    [InlineData("某\uFEFF公司", "field.zero-width")]
    [InlineData("某\u2060公司", "field.zero-width")]
    [InlineData("某\u0007公司", "field.control-char")]
    [InlineData("某\uE000公司", "field.glyph.missing")]
    public async Task Counterparty_UnprintableName_IsRefusedAndNotStored(string name, string code)
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
        var response = await admin.PostAsJsonAsync("/api/counterparties", new
        {
            kind = "foreign", name, idScheme = "airline", idValue = "QX", address = "",
            contacts = new[]
            {
                new { name = "甲", mobile = "13800000011", email = (string?)null },
                new { name = "乙", mobile = "13800000012", email = (string?)null },
            },
        }, Ct);
        var problem = Assert.Single(await Problems(response));
        Assert.Equal(("name", code), (problem.Field, problem.Code));
        Assert.Contains("「名称」", problem.Message); // the field as people call it; its path stays in Field
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SesDbContext>().Counterparties.AnyAsync(c => c.Name == name, Ct));
    }

    [Fact]
    public async Task StaffDisplayName_VoidReason_AndPaperFields_UseTheSameCheck()
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Admin));
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        Assert.Contains(
            await Problems(await admin.PostAsJsonAsync("/api/staff", new { userName = "zw_user", displayName = "张\u200B三", role = StaffRole.Officer }, Ct)),
            p => p is ("displayName", "field.zero-width", _));
        Assert.Contains(await Problems(await officer.PostAsJsonAsync($"/api/documents/{Guid.NewGuid()}/void", new { reason = "笔误\u202E" }, Ct)),
            p => p is ("reason", "field.bidi", _));
        Assert.Contains(
            await Problems(await officer.PostAsJsonAsync($"/api/deliveries/{Guid.NewGuid()}/paper", new { signedBy = "李\uE000", method = "EMS" }, Ct)),
            p => p is ("signedBy", "field.glyph.missing", _));
    }

    /// <summary>The pages call the services directly (no JSON body to check): the services refuse the same text.</summary>
    [Fact]
    public async Task ThroughTheServicesThePagesUse_UnprintableText_IsRefusedAndNotStored()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SesDbContext>();

        var contacts = new[] { new Counterparties.ContactData("甲", "13800000011", null), new Counterparties.ContactData("乙‍", "13800000012", null) };
        var (party, refused) = await services.GetRequiredService<Counterparties.CounterpartyAdmin>().CreateAsync(
            new Counterparties.CounterpartyRequest("foreign", "页面航空", "airline", "QY", "西安‮", contacts), "xibei", "admin", "test", Ct);
        Assert.Null(party);
        Assert.Contains(refused!.Problems, p => p is { Field: "name", Code: "field.glyph.missing" });
        Assert.Contains(refused.Problems, p => p is { Field: "address", Code: "field.bidi" });
        Assert.Contains(refused.Problems, p => p is { Field: "contacts[1].name", Code: "field.zero-width" });
        Assert.False(await db.Counterparties.AnyAsync(c => c.IdValue == "QY", Ct));

        var (staff, _, staffRefused) = await services.GetRequiredService<StaffAdmin>()
            .CreateAsync("page_user", "王五", StaffRole.Officer, unitId: null, "xibei", "admin", "test", Ct);
        Assert.Null(staff);
        Assert.Contains(staffRefused!.Problems, p => p is { Field: "displayName", Code: "field.control-char" });
        Assert.False(await db.StaffUsers.AnyAsync(u => u.UserName == "page_user", Ct));

        var (voided, voidRefused) = await services.GetRequiredService<Issuing.DocumentRegister>()
            .VoidAsync(Guid.NewGuid(), "笔误​", "xibei", "officer", "test", Ct);
        Assert.Null(voided);
        Assert.Contains(voidRefused!.Problems, p => p is { Field: "reason", Code: "field.zero-width" });
    }

    [Fact]
    public async Task Draft_TooLongOrUnprintableField_IsRefusedOnCreateAndUpdate_AndNothingIsStored()
    {
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        var count = await Drafts();
        Assert.Contains(
            await Problems(await officer.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data = new { party = new string('航', 101) } }, Ct)),
            p => p is ("party", "field.too-long", _) && p.Message!.Contains("相对人名称"));
        Assert.Contains(
            await Problems(await officer.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data = new { actDescription = "事由\u202E" } }, Ct)),
            p => p is ("data.actDescription", "field.bidi", _));
        // A lone surrogate escape is not text at all.
        Assert.Contains(await Problems(await officer.PostAsync("/api/drafts", Json("{\"formId\":\"notice-org\",\"data\":{\"party\":\"\\ud800\"}}"), Ct)),
            p => p is ("data.party", "field.encoding", _));
        Assert.Equal(count, await Drafts());

        var created = await officer.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data = new { party = "某公司" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        Assert.Contains(await Problems(await officer.PutAsJsonAsync($"/api/drafts/{id}", new { data = new { party = "某\u200D公司" }, version = 1 }, Ct)),
            p => p is ("data.party", "field.zero-width", _));
        var draft = await (await officer.GetAsync($"/api/drafts/{id}", Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("某公司", draft.GetProperty("data").GetProperty("party").GetString());
    }

    [Fact]
    public async Task JsonBody_OverTheLimit_Is413WithACode()
    {
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        var response = await officer.PostAsync("/api/drafts", Json("{\"formId\":\"notice-org\",\"data\":{\"x\":\"" + new string('a', 1_100_000) + "\"}}"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request.too-large", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    private async Task<int> Drafts()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().Drafts.CountAsync(Ct);
    }
}
