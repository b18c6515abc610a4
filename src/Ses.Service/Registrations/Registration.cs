namespace Ses.Service.Registrations;

/// <summary>
/// A counterparty's own registration (《关于开展民航行业监管执法信息系统（SES）相对人注册工作的通知》第二条): its data, two
/// contacts, the accounts it asks for and its scans, owned by the bureau whose office verifies it — derived from the
/// registered address, or for a foreign entity the bureau that approved its operations specifications — until the
/// office approves, rejects or asks for more.
/// </summary>
public sealed class Registration
{
    public Guid Id { get; init; }

    /// <summary>A counterparty kind (domestic legal person, domestic other organisation, foreign).</summary>
    public required string Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>uscc, airline or licence (实施办法第五条).</summary>
    public required string IdScheme { get; set; }

    public required string IdValue { get; set; }

    public required string Address { get; set; }

    /// <summary>The bureau whose staff review it (and who then supervise the counterparty).</summary>
    public required string Bureau { get; set; }

    /// <summary>The office that verifies it, as people read it (陕西监管局, or the bureau's name for a foreign entity).</summary>
    public required string Office { get; set; }

    public required string Contact1Name { get; set; }

    public required string Contact1Mobile { get; set; }

    public required string Contact1Email { get; set; }

    public required string Contact2Name { get; set; }

    public required string Contact2Mobile { get; set; }

    public required string Contact2Email { get; set; }

    /// <summary>One of <see cref="RegistrationState"/>.</summary>
    public required string State { get; set; }

    /// <summary><c>scheme:value</c> while pending, else null: unique, so one identifier has one pending registration at most.</summary>
    public string? PendingKey { get; set; }

    /// <summary>SHA-256 (hex) of the token given to the registrant at submission, to amend it and to follow it.</summary>
    public required string TokenHash { get; init; }

    /// <summary>The client address it came from.</summary>
    public required string Source { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The day the office received the mailed originals (注册通知第二条第（三）项), as the reviewer recorded it.</summary>
    public DateOnly? OriginalReceivedOn { get; set; }

    public string? OriginalReceivedBy { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why it was rejected, or what more the office asks for.</summary>
    public string? Reason { get; set; }

    /// <summary>The counterparty it became, once approved.</summary>
    public Guid? CounterpartyId { get; set; }

    public int Version { get; set; }
}
