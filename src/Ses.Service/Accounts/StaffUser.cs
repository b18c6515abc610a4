namespace Ses.Service.Accounts;

/// <summary>A member of a bureau's staff: officer, legal staff, approving leader or administrator, attached to one bureau.</summary>
public sealed class StaffUser : ICredentials
{
    public Guid Id { get; init; }

    /// <summary>Sign-in name (ASCII).</summary>
    public required string UserName { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>One of <see cref="StaffRole"/>.</summary>
    public required string Role { get; set; }

    /// <summary>Bureau code (templates/bureaus): the only bureau whose data the user sees.</summary>
    public required string Bureau { get; init; }

    /// <summary>
    /// The unit of the bureau the user works in (局机关部门 or 监管局, <see cref="Units.Unit"/>): required for an officer
    /// once the bureau has units; none for users made before units existed.
    /// </summary>
    public Guid? UnitId { get; set; }

    /// <summary>Where the reminders of the user's due dates go (the working day before: Cases/CaseReminders); none when empty.</summary>
    public string? Email { get; set; }

    public required string PasswordHash { get; set; }

    public bool MustChangePassword { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Changes whenever the user's sign-ins must end (sign-out, password change, disabling).</summary>
    public string SecurityStamp { get; set; } = SecurityStamps.New();
}
