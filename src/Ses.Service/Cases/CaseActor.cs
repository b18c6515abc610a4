using Ses.Service.Accounts;

namespace Ses.Service.Cases;

/// <summary>Who does a step of a case: their bureau, id, user name, and where the request came from (for the audit entry).</summary>
public sealed record CaseActor(string Bureau, Guid UserId, string UserName, string Source)
{
    public static CaseActor From(StaffCaller caller) => new(caller.Bureau, caller.UserId, caller.UserName, caller.Source);
}
