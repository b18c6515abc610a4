using Ses.Service.Cases;

namespace Ses.Service.Records;

/// <summary>
/// A credit record as staff read it: the party, the clauses, the decision, the validity (its last day and the rule that
/// set it), the first day a repair may be applied for, the state and removal, the mark, publication, and for an
/// organisation the persons recorded with it.
/// </summary>
public sealed record RecordView(
    Guid Id, string Bureau, Guid CaseId, Guid CounterpartyId, string PartyName, string PartyKind, string IdScheme, string IdValue, string Act,
    IReadOnlyList<CaseClauseView> Clauses, string GoverningClause, int ValidityYears, string DecisionNumber, Guid DecisionDocumentId,
    DateOnly DecisionDeliveredOn, DateOnly EnteredOn, string EnteredBy, DateOnly ValidUntil, DateOnly RepairEligibleFrom,
    Guid? LinkedToRecordId, string? PersonRole, string? PersonRoleLabel, string? PersonPosition, string State, string StateLabel,
    DateOnly? RemovedOn, string? RemovedReason, string? Mark, string? MarkLabel, DateOnly? MarkedOn, string? MarkNote,
    DateTimeOffset? PublishedAt, DateTimeOffset? UnpublishedAt, IReadOnlyList<LinkedPersonView> Persons, string Rule);

/// <summary>A person recorded with an organisation (实施办法第八条第三款), as the organisation's record lists them.</summary>
public sealed record LinkedPersonView(Guid Id, string Role, string RoleLabel, string Name, string IdScheme, string IdValue, string? Position, string State);

/// <summary>The bureau's records, with the rule they are kept by.</summary>
public sealed record RecordList(IReadOnlyList<RecordView> Records, string Rule);

/// <summary>
/// "Does this party have a record in force?" (实施办法第二十一条): each record in force that matches, with the measures
/// that follow from it, and the rule applied.
/// </summary>
public sealed record InForceAnswer(string Query, bool InForce, IReadOnlyList<InForceRecord> Records, string Rule);

/// <summary>
/// One record in force: whose (for a person recorded with an organisation, which one), its clause (label and text), its
/// last day, its mark, and the measures of 实施办法第二十一条 as lines — suspended while a reconsideration or litigation
/// is pending (实施办法第二十七条第二款).
/// </summary>
public sealed record InForceRecord(
    Guid Id, string Bureau, string BureauName, string PartyName, string PartyKind, string IdScheme, string IdValue, string? PersonRoleLabel,
    string? LinkedToName, string Act, CaseClauseView Clause, IReadOnlyList<CaseClauseView> Clauses, string DecisionNumber, DateOnly DecisionDeliveredOn,
    DateOnly ValidUntil, string? Mark, string? MarkLabel, DateOnly? MarkedOn, bool MeasuresSuspended, IReadOnlyList<string> Measures, string Rule);

/// <summary>
/// The public list (实施办法第二十条): organisations with records in force, and entries taken down with when and why.
/// Individuals are never listed.
/// </summary>
public sealed record PublicFeed(DateTimeOffset GeneratedAt, IReadOnlyList<PublicRecord> InForce, IReadOnlyList<PublicRecord> Removed, string Rule);

/// <summary>
/// One organisation's entry of the public list. <see cref="Status"/> is <c>in-force</c> or <c>removed</c>; a removed
/// entry says the day it stopped being in force (<see cref="RemovedOn"/>), when the list stopped showing it
/// (<see cref="RemovedAt"/>) and why (<see cref="RemovedReason"/>: <c>expired</c>, <c>repaired</c> or <c>corrected</c>).
/// </summary>
public sealed record PublicRecord(
    Guid Id, string Name, string IdScheme, string Identifier, string Act, string DecisionNumber, DateOnly DecisionDeliveredOn, DateOnly ValidUntil,
    string Bureau, string? Mark, DateTimeOffset PublishedAt, string Status, DateOnly? RemovedOn, DateTimeOffset? RemovedAt, string? RemovedReason,
    string? RemovedReasonLabel);
