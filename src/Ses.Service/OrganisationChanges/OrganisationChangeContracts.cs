namespace Ses.Service.OrganisationChanges;

/// <summary>
/// An organisation change (实施办法第二十二条): the kind, the organisation that changed, for <c>renamed</c> its new name, for
/// <c>merger-absorption</c> the survivor (the new or split-off organisation for the other kinds, optional), the day.
/// </summary>
public sealed record OrganisationChangeRequest(string? Kind, Guid? CounterpartyId, string? NewName, Guid? ToCounterpartyId, DateOnly? On);

/// <summary>A record changed by an organisation change, with its values before.</summary>
public sealed record ChangedRecord(Guid Record, Guid CounterpartyId, string PartyName, string IdScheme, string IdValue);

/// <summary>An organisation change as people read it: what changed, the records it changed with their values before, the rule.</summary>
public sealed record OrganisationChangeView(
    Guid Id, string Kind, string KindLabel, Guid CounterpartyId, string OldName, string? NewName, Guid? ToCounterpartyId, string? ToName, DateOnly On,
    IReadOnlyList<ChangedRecord> Records, string RecordedBy, DateTimeOffset RecordedAt, string Rule);
