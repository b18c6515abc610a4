using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> count only when the request comes from the loopback proxy (nginx on
/// the same machine): the audit log then names the client, and the sign-in cookie is marked secure for https.
/// </summary>
public sealed class ForwardedHeadersTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7", true)]
    [InlineData("::1", "203.0.113.8", true)]
    [InlineData("192.0.2.10", "192.0.2.10", false)]
    public async Task ForwardedHeaders_AreHonouredOnlyFromTheLoopbackProxy(string peer, string recorded, bool secure)
    {
        var user = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        using var peered = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Peer())));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/staff/login?cookie=true")
        {
            Content = JsonContent.Create(new { userName = user, password = TestUsers.Password }),
        };
        request.Headers.Add(Peer.Header, peer);
        // A client-written address first, then the one nginx saw: only the last hop counts.
        request.Headers.Add("X-Forwarded-For", "198.51.100.66, " + (peer == "::1" ? "203.0.113.8" : "203.0.113.7"));
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await peered.CreateClient().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("ses=", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var sources = db.AuditEntries.Where(a => a.Actor == user).Select(a => a.Source).ToList();
        Assert.Equal(recorded, Assert.Single(sources));
    }

    /// <summary>The test server has no network peer: this sets the one a request names, before the service's pipeline.</summary>
    private sealed class Peer : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers[Header].ToString());
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
