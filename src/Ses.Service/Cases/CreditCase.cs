namespace Ses.Service.Cases;

/// <summary>
/// A credit case: one act of one counterparty, handled by a bureau from collection (实施办法第十一条、第十二条) to its
/// record. The facts of the collection: the act, the clauses of 实施办法第八条第一款 that apply, the underlying handling
/// decision or recognition and the collecting unit.
/// </summary>
public sealed class CreditCase
{
    public Guid Id { get; init; }

    /// <summary>Bureau code (templates/bureaus): the bureau handling the case.</summary>
    public required string Bureau { get; init; }

    /// <summary>A counterparty the bureau supervises.</summary>
    public Guid CounterpartyId { get; init; }

    /// <summary>The act (事由), in one line.</summary>
    public required string Act { get; set; }

    /// <summary>The facts (事实).</summary>
    public required string Facts { get; set; }

    public DateOnly ActDate { get; set; }

    /// <summary>Codes of <see cref="CaseClauses"/>, comma-separated, in the article's order.</summary>
    public required string Clauses { get; set; }

    /// <summary>The handling decision or recognition (处理决定或者性质认定) the case rests on: its number.</summary>
    public required string DecisionNumber { get; set; }

    /// <summary>Its date, from which the collection limit counts (实施办法第十二条).</summary>
    public DateOnly DecisionDate { get; set; }

    /// <summary>The body that issued it (执法单位).</summary>
    public required string DecisionIssuer { get; set; }

    /// <summary>The unit of the bureau collecting (a department or a supervision office).</summary>
    public Guid CollectingUnitId { get; set; }

    /// <summary>One of <see cref="CaseState"/>.</summary>
    public required string State { get; set; }

    /// <summary>
    /// The last day for a statement and defence, as the issued notice states it (实施办法第十三条: 告知书规定的期限); the one
    /// date every page, the inbox and the certificate use.
    /// </summary>
    public DateOnly? ReplyDeadline { get; set; }

    /// <summary>The due date of the step waiting (<see cref="State"/>), when the rules set one and it is known.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>How <see cref="DueDate"/> was found, in Chinese, with its article.</summary>
    public string? DueRule { get; set; }

    /// <summary>The due date reaches a year the calendar has no schedule for.</summary>
    public bool DueProvisional { get; set; }

    /// <summary>The due date a reminder was sent for (the working day before it), so it is sent once.</summary>
    public DateOnly? RemindedFor { get; set; }

    /// <summary>Changed by every step: two steps racing on one case cannot both win.</summary>
    public int Version { get; set; }

    public required string CreatedBy { get; init; }

    /// <summary>The officer whose case it is.</summary>
    public Guid CreatedById { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
