namespace Ses.Service.Registrations;

/// <summary>
/// How many public registration requests one client address or one mobile made in the current window: a row per
/// limit and key, in the database so that every instance of the service counts the same requests.
/// </summary>
public sealed class RegistrationThrottle
{
    /// <summary>SHA-256 (hex) of the limit's name and the address or mobile; neither is stored as such.</summary>
    public required string Key { get; init; }

    public int Count { get; set; }

    /// <summary>The end of the current window; the next request after it starts a new one.</summary>
    public DateTimeOffset WindowEndsAt { get; set; }
}
