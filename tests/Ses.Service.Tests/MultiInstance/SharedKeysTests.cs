using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>Data Protection keys in the database: a sign-in and an antiforgery token from one instance hold on another.</summary>
public sealed class SharedKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookieAndAntiforgeryToken_IssuedByOneInstance_AreAcceptedByAnother()
    {
        using var two = new TwoInstances();
        var officer = TestUsers.Create(two.A, "xibei", StaffRole.Officer);
        var options = new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false };
        using var onA = two.A.CreateClient(options);
        using var onB = two.B.CreateClient(options);
        var jar = new CookieJar();

        var login = await onA.PostAsJsonAsync("/api/auth/staff/login?cookie=true", new { userName = officer, password = TestUsers.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        jar.Take(login);
        Assert.True(jar.Has("ses"));
        var antiforgery = new HttpRequestMessage(HttpMethod.Get, "/api/auth/antiforgery");
        jar.Put(antiforgery.Headers);
        var tokenAnswer = await onA.SendAsync(antiforgery, Ct);
        Assert.Equal(HttpStatusCode.OK, tokenAnswer.StatusCode);
        jar.Take(tokenAnswer);
        var token = (await tokenAnswer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString()!;

        // On B, a change with A's cookie and A's antiforgery token (no Origin or Sec-Fetch-Site: only the token vouches).
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/drafts")
        {
            Content = JsonContent.Create(new { formId = "notice-org", data = new { party = "两实例测试公司", actDate = "2025-01-06", actDescription = "提交虚假材料" } }),
        };
        jar.Put(create.Headers);
        create.Headers.Add("RequestVerificationToken", token);
        var created = await onB.SendAsync(create, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Without the token B refuses the same change: the token, not a lax check, made it pass.
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/drafts") { Content = JsonContent.Create(new { formId = "notice-org" }) };
        jar.Put(forged.Headers);
        forged.Headers.Add("RequestVerificationToken", "forged");
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.SendAsync(forged, Ct)).StatusCode);

        // Both instances hold exactly the keys stored in the database.
        using var scope = two.A.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SesDbContext>().DataProtectionKeys.AsNoTracking()
            .Select(k => k.FriendlyName!).ToListAsync(Ct);
        Assert.NotEmpty(stored);
        foreach (var instance in new[] { two.A, two.B })
        {
            var keys = instance.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => "key-" + k.KeyId.ToString()).Order().ToList();
            Assert.Equal(stored.Order().ToList(), keys);
        }
    }
}
