using System.Diagnostics.Metrics;

namespace Ses.Service.Accounts;

/// <summary>
/// Every password verification of the service, counted (<c>ses.auth.password_checks</c>): a sign-in verifies exactly
/// one hash whether or not the name exists, and none once the name is locked out.
/// </summary>
public sealed class PasswordChecks
{
    public const string MeterName = "Ses.Service.Accounts";
    public const string CounterName = "ses.auth.password_checks";

    // The hash an unknown (or disabled) name is checked against, so that refusing it takes as long as refusing a
    // wrong password; no password matches it.
    private static readonly string NoUserHash = Passwords.Hash(Passwords.Random() + Passwords.Random());

    private readonly Counter<long> _checks;

    public PasswordChecks(IMeterFactory meters) => _checks = meters.Create(MeterName).CreateCounter<long>(CounterName);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; a null hash is checked against a
    /// hash no password matches, at the same cost.</summary>
    public bool Verify(string? hash, string? password)
    {
        _checks.Add(1);
        var matches = Passwords.Verify(hash ?? NoUserHash, password ?? "");
        return hash is not null && matches;
    }
}
