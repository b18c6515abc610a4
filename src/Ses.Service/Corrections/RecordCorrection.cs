namespace Ses.Service.Corrections;

/// <summary>
/// A correction of a credit record (实施办法第二十四条): the original department prepares it within 3 working days of
/// discovering the error or change and the leader approves it, the department sends the transfer slip (移送单, 变更),
/// legal staff adjust the record within 2 working days of receiving it, and where the record was published or notified
/// the publication is withdrawn within 3 working days of the adjustment. <c>amend</c> corrects the party's name, the act,
/// the decision number and/or the clauses (the old values kept in <see cref="Before"/>); <c>remove</c> takes a record
/// entered in error out of force. Each step is also in the case's timeline.
/// </summary>
public sealed class RecordCorrection
{
    public Guid Id { get; init; }

    public required string Bureau { get; init; }

    public Guid RecordId { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>One of <see cref="CorrectionKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The day the error or change was discovered: the 3 working days count from it.</summary>
    public DateOnly DiscoveredOn { get; init; }

    /// <summary>For <c>amend</c>: the corrected name, when it changes.</summary>
    public string? PartyName { get; init; }

    public string? Act { get; init; }

    public string? DecisionNumber { get; init; }

    /// <summary>For <c>amend</c>: the corrected clauses (codes of Cases/CaseClauses, comma-separated, in the article's order).</summary>
    public string? Clauses { get; init; }

    public required string Reason { get; init; }

    /// <summary>One of <see cref="CorrectionState"/>.</summary>
    public required string State { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public string? ApprovedBy { get; set; }

    /// <summary>The leader's note (why it was returned, when it was).</summary>
    public string? LeaderNote { get; set; }

    public DateOnly? TransferredOn { get; set; }

    /// <summary>Working days the transfer slip was sent after the 3 working days from discovery; 0 when on time.</summary>
    public int TransferLateWorkingDays { get; set; }

    public DateOnly? AdjustedOn { get; set; }

    public string? AdjustedBy { get; set; }

    /// <summary>Working days the adjustment came after the 2 working days from the transfer; 0 when on time.</summary>
    public int AdjustLateWorkingDays { get; set; }

    /// <summary>Whether the record had been published or notified when it was adjusted: then the withdrawal is due.</summary>
    public bool Published { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? WithdrawalNote { get; set; }

    /// <summary>Working days the withdrawal came after the 3 working days from the adjustment; 0 when on time.</summary>
    public int WithdrawalLateWorkingDays { get; set; }

    /// <summary>The record's values before the adjustment (JSON: name, act, decision number, clauses, validity), kept as history.</summary>
    public string? Before { get; set; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}
