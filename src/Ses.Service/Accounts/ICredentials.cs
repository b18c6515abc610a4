namespace Ses.Service.Accounts;

/// <summary>What signing in needs of a staff member or a counterparty account: one lockout and password rule for both.</summary>
public interface ICredentials
{
    string UserName { get; }

    string PasswordHash { get; set; }

    bool MustChangePassword { get; set; }

    int FailedSignIns { get; set; }

    DateTimeOffset? LockedUntil { get; set; }

    bool Active { get; }
}
