using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>
/// Who calls a staff route, bound once per request with <c>[AsParameters]</c>: the bureau, the user and where the
/// request came from (for the audit log), and the request's cancellation. Only on routes of a staff group
/// (<see cref="RouteGroups.MapStaffGroup"/>), where the claims are there.
/// </summary>
public sealed record StaffCaller(HttpContext Http, CancellationToken RequestAborted)
{
    public string Bureau => Http.User.StaffBureau();

    public string UserName => Http.User.UserName();

    public Guid UserId => Http.User.UserId();

    public string Source => Http.Source();

    public bool IsInRole(string role) => Http.User.IsInRole(role);
}
