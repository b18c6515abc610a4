namespace Ses.Service.OrganisationChanges;

/// <summary>
/// A change of an organisation (实施办法第二十二条) and what it did to the credit records: renamed (the records follow the
/// new name), split with a surviving organisation (it keeps the records, the others start clean), split by dissolution or
/// merged into a new organisation (the new organisations start clean), merged by absorption (the absorbed organisation's
/// records in force pass to the survivor). The values before are kept in <see cref="Before"/>.
/// </summary>
public sealed class OrganisationChange
{
    public Guid Id { get; init; }

    /// <summary>The bureau that recorded it (the counterparty's supervising bureau).</summary>
    public required string Bureau { get; init; }

    /// <summary>One of <see cref="OrganisationChangeKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The organisation that changed (renamed, split, absorbed, merged).</summary>
    public Guid CounterpartyId { get; init; }

    /// <summary>The other organisation: the survivor of an absorption, a new or split-off organisation.</summary>
    public Guid? ToCounterpartyId { get; init; }

    /// <summary>The organisation's name before the change.</summary>
    public required string OldName { get; init; }

    public string? NewName { get; init; }

    /// <summary>The day the change took effect.</summary>
    public DateOnly On { get; init; }

    /// <summary>
    /// The records changed, with their values before (JSON array of {record, counterpartyId, partyName, idScheme, idValue});
    /// empty when nothing moves.
    /// </summary>
    public required string Before { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
