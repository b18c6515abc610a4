using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.Http;

/// <summary>
/// Staff and account routes come from one group helper (<see cref="RouteGroups"/>): every API route but the few that
/// must work before signing in, or before the initial password is changed, requires a signed-in user and the
/// password-change rule — a new route cannot forget them.
/// </summary>
public sealed class RouteSecurityTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Anonymous today: signing in, the list of forms, the public list of credit records (实施办法第二十条), and registration by the
    /// counterparty itself (注册通知附件2: rate-limited, proven by an SMS code and then by the registration's token).</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "POST /api/auth/staff/login",
        "POST /api/auth/account/login",
        "GET /api/forms/",
        "GET /public/credit-records.json",
        "GET /public/credit-records.csv",
        "GET /public/ga-evaluations.json",
        "GET /public/ga-evaluations.csv",
        "POST /api/registrations/codes",
        "GET /api/registrations/account-name",
        "POST /api/registrations/confirmation-letter",
        "POST /api/registrations/",
        "GET /api/registrations/{id:guid}",
        "GET /api/registrations/{id:guid}/confirmation-letter",
        "PUT /api/registrations/{id:guid}",
    ];

    /// <summary>Signed in, but usable before the initial password is changed.</summary>
    private static readonly HashSet<string> BeforePasswordChange =
    [
        "POST /api/auth/password",
        "POST /api/auth/logout",
        "GET /api/auth/antiforgery",
    ];

    /// <summary>Outside /api, for the load balancer and monitoring: anonymous, and naming no secret (docs/operations.md).</summary>
    private static readonly HashSet<string> AnonymousProbes = ["GET /health", "GET /health/live", "GET /health/ready"];

    [Fact]
    public async Task HealthProbes_AreAnonymous_AndMetrics_AreNotServedToAnAnonymousCallerFromElsewhere()
    {
        factory.CreateClient().Dispose();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => AnonymousProbes.Contains(Route(e))).ToList();
        Assert.Equal(AnonymousProbes.Count, endpoints.Count);
        Assert.All(endpoints, e => Assert.Empty(e.Metadata.OfType<IAuthorizeData>()));
        var anonymous = factory.CreateClient();
        foreach (var probe in AnonymousProbes)
        {
            var response = await anonymous.GetAsync(probe[4..], Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe}: {(int)response.StatusCode}");
        }
        // The test server's connection has no remote address: not loopback, so only signed-in staff may scrape (ObservabilityTests).
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/metrics", Ct)).StatusCode);
    }

    [Fact]
    public void EveryApiRoute_RequiresSignIn_AndThePasswordChange_ButTheAllowedFew()
    {
        var failures = new List<string>();
        var seen = new HashSet<string>();
        foreach (var endpoint in ApiContractTests.ApiEndpoints(factory))
        {
            var route = Route(endpoint);
            seen.Add(route);
            if (Anonymous.Contains(route)) continue;
            if (!endpoint.Metadata.OfType<IAuthorizeData>().Any()) failures.Add($"{route}: no authorization");
            if (endpoint.Metadata.OfType<IAllowAnonymous>().Any()) failures.Add($"{route}: allows anonymous");
            if (BeforePasswordChange.Contains(route)) continue;
            if (endpoint.Metadata.GetMetadata<PasswordChangeRule>() is null) failures.Add($"{route}: no password-change rule");
        }
        Assert.Empty(failures);
        // The allow-lists name real routes (a renamed route does not silently leave a hole).
        Assert.Subset(seen, Anonymous);
        Assert.Subset(seen, BeforePasswordChange);
    }

    [Fact]
    public async Task EveryApiRoute_Answers401_WithoutSignIn_AndWithADisabledUsersToken()
    {
        var officerName = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var adminName = TestUsers.Create(factory, "xibei", StaffRole.Admin);
        var account = TestUsers.CreateAccount(factory, "xibei");
        var disabled = new[]
        {
            ("disabled officer", await TestUsers.SignIn(factory, officerName)),
            ("disabled administrator", await TestUsers.SignIn(factory, adminName)),
            ("disabled account", await TestUsers.SignIn(factory, account.UserName, loginPath: "/api/auth/account/login")),
        };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            await db.StaffUsers.Where(u => u.UserName == officerName || u.UserName == adminName)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Active, false), Ct);
            await db.CounterpartyAccounts.Where(a => a.Id == account.Account).ExecuteUpdateAsync(a => a.SetProperty(x => x.Active, false), Ct);
        }
        var anonymous = factory.CreateClient();
        var failures = new List<string>();
        foreach (var endpoint in ApiContractTests.ApiEndpoints(factory).Where(e => !Anonymous.Contains(Route(e))))
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                var path = Regex.Replace(endpoint.RoutePattern.RawText!, @"\{(\w+)(:(\w+))?\}",
                    m => m.Groups[3].Value is "long" or "int" ? "1" : Guid.NewGuid().ToString());
                foreach (var (who, client) in disabled.Prepend(("no sign-in", anonymous)))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    // A body of the type the route accepts: routing answers 415 to another type before any endpoint runs.
                    var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types ? types[0] : "application/json";
                    if (method is "POST" or "PUT") request.Content = new StringContent(accepts == "application/json" ? "{}" : "", Encoding.UTF8, accepts);
                    var response = await client.SendAsync(request, Ct);
                    if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{method} {path} ({who}): {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void StaffAndAccountRoutes_AreMarkedWithTheirKind()
    {
        var endpoints = ApiContractTests.ApiEndpoints(factory);
        Assert.Equal(SesClaims.StaffKind, endpoints.Single(e => Route(e) == "POST /api/documents/{id:guid}/serve").Metadata.GetMetadata<SecuredRoute>()?.Kind);
        Assert.Equal(AuthSetup.OfficerPolicy, endpoints.Single(e => Route(e) == "POST /api/drafts/").Metadata.GetMetadata<SecuredRoute>()?.Policy);
        Assert.Equal(SesClaims.AccountKind,
            endpoints.Single(e => Route(e) == "POST /api/my/deliveries/{id:guid}/confirm").Metadata.GetMetadata<SecuredRoute>()?.Kind);
    }

    [Fact]
    public void StaffGroup_RefusesAPolicyThatIsNotForStaff()
    {
        var app = WebApplication.CreateBuilder().Build();
        Assert.Throws<ArgumentException>(() => app.MapStaffGroup("/api/x", AuthSetup.AccountPolicy));
    }

    private static string Route(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";
}
