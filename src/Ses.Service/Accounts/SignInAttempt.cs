namespace Ses.Service.Accounts;

/// <summary>
/// The failed password checks of one sign-in name as typed (staff or account route), whether or not such a user
/// exists: lockout is kept per name so that it never tells a known name from an unknown one.
/// </summary>
public sealed class SignInAttempt
{
    /// <summary>SHA-256 (hexadecimal) of the route's kind and the name as typed; the name itself is not stored (people
    /// type passwords into the name field).</summary>
    public required string Key { get; init; }

    /// <summary>Password checks reserved since the last success or lockout.</summary>
    public int Failures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset LastAttemptAt { get; set; }
}
