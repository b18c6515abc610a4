using Ses.Service.Http;

namespace Ses.Service.Accounts;

/// <summary>
/// Who calls a counterparty account's route, bound once per request with <c>[AsParameters]</c>: the account's
/// counterparty, the account and where the request came from, and the request's cancellation. Only on routes of an
/// account group (<see cref="RouteGroups.MapAccountGroup"/>).
/// </summary>
public sealed record AccountCaller(HttpContext Http, CancellationToken RequestAborted)
{
    public Guid CounterpartyId => Http.User.AccountCounterparty();

    public Guid UserId => Http.User.UserId();

    public string UserName => Http.User.UserName();

    public string Source => Http.Source();
}
