namespace Ses.Service.Accounts;

/// <summary>What signing in needs of a staff member or a counterparty account: one password and session rule for both.</summary>
public interface ICredentials
{
    string UserName { get; }

    string PasswordHash { get; set; }

    bool MustChangePassword { get; set; }

    bool Active { get; }

    /// <summary>
    /// Carried in every token and cookie issued at sign-in and compared on each request (<see cref="SessionCheck"/>): a
    /// new stamp ends every sign-in made before it.
    /// </summary>
    string SecurityStamp { get; set; }
}
