using System.Text.Json;

namespace Ses.Service.Issuing;

/// <summary>
/// What to issue: a form with its field values (without a number: issuing assigns it), by whom, from where; from a
/// draft, the draft's version as read, so an edit made meanwhile refuses the issue instead of being lost.
/// </summary>
public sealed record IssueRequest(string FormId, JsonElement Data, string? Bureau, string Officer, string Source, Guid? Replaces = null, Guid? DraftId = null,
    Guid? CounterpartyId = null, string? CounterpartyName = null, int? DraftVersion = null);
