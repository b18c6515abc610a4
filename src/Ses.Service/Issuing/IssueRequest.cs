using System.Text.Json;

namespace Ses.Service.Issuing;

/// <summary>
/// What to issue: a form with its field values (without a number: issuing assigns it), by whom, from where; from a
/// draft, the draft's version as read, so an edit made meanwhile refuses the issue instead of being lost.
/// </summary>
public sealed record IssueRequest
{
    /// <summary>The form's public id, e.g. <c>notice-org</c>.</summary>
    public required string FormId { get; init; }

    /// <summary>The field values, as a JSON object.</summary>
    public required JsonElement Data { get; init; }

    /// <summary>The issuing bureau's code, or null for the default bureau.</summary>
    public string? Bureau { get; init; }

    /// <summary>The officer who issues it.</summary>
    public required string Officer { get; init; }

    /// <summary>Where the request came from (the client address, <c>cli</c>), for the audit entry.</summary>
    public required string Source { get; init; }

    /// <summary>The document this one corrects, if any.</summary>
    public Guid? Replaces { get; init; }

    /// <summary>The draft it is issued from, if any: marked issued in the same transaction.</summary>
    public Guid? DraftId { get; init; }

    /// <summary>The draft's version as read: a draft changed since refuses the issue.</summary>
    public int? DraftVersion { get; init; }

    /// <summary>The registered counterparty the document is addressed to, if any.</summary>
    public Guid? CounterpartyId { get; init; }

    /// <summary>The counterparty's registered name, recorded as the party instead of the form's party field.</summary>
    public string? CounterpartyName { get; init; }
}
