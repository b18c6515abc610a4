namespace Ses.Service.Accounts;

/// <summary>
/// Endpoint metadata of a route made by <see cref="RouteGroups"/>: whose route it is (<see cref="SesClaims.StaffKind"/>
/// or <see cref="SesClaims.AccountKind"/>) and the policy it requires.
/// </summary>
public sealed record SecuredRoute(string Kind, string Policy);
