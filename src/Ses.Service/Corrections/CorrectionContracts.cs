using Ses.Service.Cases;

namespace Ses.Service.Corrections;

/// <summary>
/// A correction as the original department prepares it (实施办法第二十四条): the record, the day the error or change was
/// discovered, <c>amend</c> or <c>remove</c>, for <c>amend</c> the corrected values (only those that change), and why.
/// </summary>
public sealed record CorrectionRequest(
    Guid? RecordId, DateOnly? DiscoveredOn, string? Kind, string? PartyName, string? Act, string? DecisionNumber, IReadOnlyList<string>? Clauses,
    string? Reason);

/// <summary>
/// A correction as people read it: what it corrects (and the values before, once adjusted), where it stands with its
/// next step and due date, each step's day and how many working days late it was, and the rule applied.
/// </summary>
public sealed record CorrectionView(
    Guid Id, Guid RecordId, Guid CaseId, string Kind, string KindLabel, DateOnly DiscoveredOn, string? PartyName, string? Act, string? DecisionNumber,
    IReadOnlyList<CaseClauseView>? Clauses, string Reason, string State, string StateLabel, CaseStepView? Next, DateOnly PrepareDue,
    DateOnly? ApprovedOn, string? ApprovedBy, string? LeaderNote, DateOnly? TransferredOn, int TransferLateWorkingDays, DateOnly? AdjustedOn,
    int AdjustLateWorkingDays, bool Published, DateOnly? WithdrawnOn, string? WithdrawalNote, int WithdrawalLateWorkingDays,
    IReadOnlyDictionary<string, string?>? Before, string RecordState, string Rule);
