using System.Security.Claims;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Submissions;

/// <summary>Who submits: the account's counterparty, the account, and where the request came from (for the audit entry).</summary>
public sealed record Submitter(Guid CounterpartyId, Guid AccountId, string AccountName, string Source)
{
    /// <summary>The actor as the evidence log and the case's timeline record it.</summary>
    public string Actor => "account:" + AccountName;

    public static Submitter From(AccountCaller caller) => new(caller.CounterpartyId, caller.UserId, caller.UserName, caller.Source);

    public static Submitter From(ClaimsPrincipal user, HttpContext http) => new(user.AccountCounterparty(), user.UserId(), user.UserName(), http.Source());
}
