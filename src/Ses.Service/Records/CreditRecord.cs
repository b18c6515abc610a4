namespace Ses.Service.Records;

/// <summary>
/// A credit record (信用记录) of serious dishonesty, entered in SES by legal staff when a credit case ends in a decision
/// (实施办法第十四条第二款): the organisation's or individual's record, and one linked record per person recorded with an
/// organisation (实施办法第八条第三款). In force until its validity ends (实施办法第十七条), it is repaired
/// (实施办法第十八条、第十九条) or corrected (实施办法第二十四条); a record is never deleted, its removal is a state.
/// </summary>
public sealed class CreditRecord
{
    public Guid Id { get; init; }

    /// <summary>Bureau code (templates/bureaus): the bureau that recorded it.</summary>
    public required string Bureau { get; init; }

    /// <summary>The credit case that led to it.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The counterparty of the case (for a linked person: the organisation's).</summary>
    public Guid CounterpartyId { get; set; }

    public required string PartyName { get; set; }

    /// <summary><c>org</c> or <c>person</c> (<see cref="RecordParty"/>).</summary>
    public required string PartyKind { get; init; }

    /// <summary>The identifier's scheme (uscc, airline, licence, id, passport: 实施办法第五条).</summary>
    public required string IdScheme { get; set; }

    public required string IdValue { get; set; }

    /// <summary>The act (事由), in one line.</summary>
    public required string Act { get; set; }

    /// <summary>Codes of Cases/CaseClauses that apply, comma-separated, in the article's order.</summary>
    public required string Clauses { get; set; }

    /// <summary>The clause whose validity the record takes (实施办法第八条第二款).</summary>
    public required string GoverningClause { get; set; }

    /// <summary>1, or 3 under 实施办法第八条第一款第（三）项 (实施办法第十七条).</summary>
    public int ValidityYears { get; set; }

    /// <summary>The number of the decision (决定书) that recorded it.</summary>
    public required string DecisionNumber { get; set; }

    public Guid DecisionDocumentId { get; set; }

    /// <summary>The decision's delivery date, from which the validity runs (实施办法第十七条).</summary>
    public DateOnly DecisionDeliveredOn { get; set; }

    /// <summary>The day legal staff entered it (实施办法第十四条第二款), from which the repair's waiting period runs.</summary>
    public DateOnly EnteredOn { get; init; }

    public required string EnteredBy { get; init; }

    /// <summary>The last day the record is in force (实施办法第十七条); it is removed the day after.</summary>
    public DateOnly ValidUntil { get; set; }

    /// <summary>The first day a repair may be applied for: the day after the waiting period ends (实施办法第十八条).</summary>
    public DateOnly RepairEligibleFrom { get; set; }

    /// <summary>For a person recorded with an organisation (实施办法第八条第三款): the organisation's record.</summary>
    public Guid? LinkedToRecordId { get; init; }

    /// <summary>For a linked person: one of Cases/PersonRoles.</summary>
    public string? PersonRole { get; init; }

    /// <summary>For a linked person: the position held, when given.</summary>
    public string? PersonPosition { get; init; }

    /// <summary>One of <see cref="RecordState"/>.</summary>
    public required string State { get; set; }

    /// <summary>The day the record stopped being in force (for an expired record, the day after its last day).</summary>
    public DateOnly? RemovedOn { get; set; }

    /// <summary>Why, in Chinese, as it was recorded.</summary>
    public string? RemovedReason { get; set; }

    /// <summary><c>reconsideration</c> or <c>litigation</c> while one is pending (实施办法第二十七条; <see cref="RecordMarks"/>).</summary>
    public string? Mark { get; set; }

    /// <summary>The day the reconsideration or litigation was filed.</summary>
    public DateOnly? MarkedOn { get; set; }

    public string? MarkNote { get; set; }

    /// <summary>When the public list began to show it (organisations only, 实施办法第二十条第一款).</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When the public list stopped showing it as in force (实施办法第二十条第二款).</summary>
    public DateTimeOffset? UnpublishedAt { get; set; }

    /// <summary>Concurrency token: two changes of one record cannot both win.</summary>
    public int Version { get; set; }
}
