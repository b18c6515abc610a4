namespace Ses.Service.Registrations;

/// <summary>
/// A one-time SMS code proving a registrant holds the mobile of its first contact (注册通知附件2第2项): six digits, stored
/// only as a hash, valid for <see cref="RegistrationCodes.Lifetime"/> and <see cref="RegistrationCodes.MaxTries"/> wrong tries.
/// </summary>
public sealed class RegistrationCode
{
    public Guid Id { get; init; }

    public required string Mobile { get; init; }

    /// <summary>The code hashed like a password.</summary>
    public required string CodeHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Wrong codes tried against it.</summary>
    public int Tries { get; set; }

    /// <summary>When a registration used it (or a newer code replaced it).</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
