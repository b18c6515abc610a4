using Ses.Service.Accounts;

namespace Ses.Service.Counterparties;

/// <summary>
/// An SES account of a counterparty, bound to one of its departments. Every active account of a counterparty has the
/// same rights and sees the same documents (注册通知第二条第（二）项).
/// </summary>
public sealed class CounterpartyAccount : ICredentials
{
    public Guid Id { get; init; }

    public Guid CounterpartyId { get; init; }

    /// <summary>ASCII only, e.g. <c>ceair_ops</c> (注册通知第二条第（二）项: no Chinese characters).</summary>
    public required string UserName { get; init; }

    public required string Department { get; set; }

    public bool Active { get; set; } = true;

    public required string PasswordHash { get; set; }

    /// <summary>Initial passwords are random and must be changed at the first sign-in (注册通知第三条第（一）项).</summary>
    public bool MustChangePassword { get; set; } = true;

    /// <summary>Changes whenever the account's sign-ins must end (sign-out, password change, disabling).</summary>
    public string SecurityStamp { get; set; } = SecurityStamps.New();

    public DateTimeOffset CreatedAt { get; init; }
}
