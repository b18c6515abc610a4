using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Http;

/// <summary>
/// Staff and account routes come from one group helper (<see cref="RouteGroups"/>): every API route but the few that
/// must work before signing in, or before the initial password is changed, requires a signed-in user and the
/// password-change rule — a new route cannot forget them.
/// </summary>
public sealed class RouteSecurityTests(ServiceFixture factory) : IClassFixture<ServiceFixture>
{
    /// <summary>Anonymous today: signing in, and the list of forms.</summary>
    private static readonly HashSet<string> Anonymous =
    [
        "POST /api/auth/staff/login",
        "POST /api/auth/account/login",
        "GET /api/forms/",
    ];

    /// <summary>Signed in, but usable before the initial password is changed.</summary>
    private static readonly HashSet<string> BeforePasswordChange =
    [
        "POST /api/auth/password",
        "POST /api/auth/logout",
        "GET /api/auth/antiforgery",
    ];

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
