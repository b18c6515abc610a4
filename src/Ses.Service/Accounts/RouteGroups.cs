namespace Ses.Service.Accounts;

/// <summary>
/// The only way to map staff and account routes: a group that always requires a signed-in user of the right kind and
/// the policy, and refuses everything until the initial password is changed. Whether the session is still active and
/// not revoked is checked for every signed-in request by <see cref="SessionCheck"/>. So a new route cannot forget
/// any of it (a test walks every endpoint).
/// </summary>
public static class RouteGroups
{
    private static readonly string[] StaffPolicies =
        [
            AuthSetup.StaffPolicy, AuthSetup.OfficerPolicy, AuthSetup.LeaderPolicy, AuthSetup.LegalPolicy, AuthSetup.AdminPolicy, AuthSetup.SystemAdminPolicy,
            AuthSetup.AlertsPolicy, AuthSetup.AdminOrLegalPolicy,
        ];

    /// <summary>
    /// Routes for staff: <paramref name="policy"/> is one of the staff policies (staff, officer, leader, legal, admin, sysadmin, alerts,
    /// admin-or-legal).
    /// </summary>
    public static RouteGroupBuilder MapStaffGroup(this IEndpointRouteBuilder app, string prefix, string policy = AuthSetup.StaffPolicy)
    {
        if (!StaffPolicies.Contains(policy)) throw new ArgumentException($"not a staff policy: {policy}", nameof(policy));
        return Secure(app.MapGroup(prefix), new SecuredRoute(SesClaims.StaffKind, policy));
    }

    /// <summary>Routes for a counterparty's accounts.</summary>
    public static RouteGroupBuilder MapAccountGroup(this IEndpointRouteBuilder app, string prefix) =>
        Secure(app.MapGroup(prefix), new SecuredRoute(SesClaims.AccountKind, AuthSetup.AccountPolicy));

    private static RouteGroupBuilder Secure(RouteGroupBuilder group, SecuredRoute route)
    {
        group.RequireAuthorization(route.Policy).RequirePasswordChanged().WithMetadata(route);
        return group;
    }
}
