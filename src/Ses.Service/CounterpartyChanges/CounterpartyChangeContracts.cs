using Ses.Service.Counterparties;

namespace Ses.Service.CounterpartyChanges;

/// <summary>
/// The counterparty's data as it wants it: every field given replaces the current value, a field left out keeps it.
/// Contacts are both or none.
/// </summary>
public sealed record DetailsChange(string? Name, string? IdValue, string? Address, IReadOnlyList<ContactData>? Contacts);

/// <summary>A decision on a change waiting for review; the reason is required for a rejection.</summary>
public sealed record ChangeDecision(bool Approve, string? Reason);

/// <summary>A change as the counterparty and the bureau see it, its values in Chinese.</summary>
public sealed record CounterpartyChangeView(Guid Id, Guid CounterpartyId, string CounterpartyName, string Kind, string KindLabel, string State,
    string StateLabel, IReadOnlyDictionary<string, string> Before, IReadOnlyDictionary<string, string> After, string RequestedBy,
    DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>What the counterparty's 配置管理 shows: its data, its accounts and its changes, newest first.</summary>
public sealed record MySettings(CounterpartyResponse Counterparty, IReadOnlyList<AccountResponse> Accounts, IReadOnlyList<CounterpartyChangeView> Changes);

/// <summary>What <see cref="CounterpartyChangeService.DetailsAsync"/> did: the changes applied at once and the one waiting for review.</summary>
public sealed record DetailsResult(CounterpartyChangeView? Applied, CounterpartyChangeView? Pending);
