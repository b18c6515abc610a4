namespace Ses.Service.Cases;

/// <summary>A new credit case, as the officer collects it (实施办法第十一条).</summary>
public sealed record CaseRequest(
    Guid? CounterpartyId, string? Act, string? Facts, DateOnly? ActDate, IReadOnlyList<string>? Clauses,
    string? DecisionNumber, DateOnly? DecisionDate, string? DecisionIssuer, Guid? CollectingUnitId);

/// <summary>A clause of 实施办法第八条第一款 as the case cites it.</summary>
public sealed record CaseClauseView(string Code, string Label, string Text, int ValidityYears)
{
    public static CaseClauseView From(CaseClause c) => new(c.Code, c.Label, c.Text, c.ValidityYears);
}

/// <summary>The underlying handling decision or recognition.</summary>
public sealed record CaseDecisionView(string Number, DateOnly Date, string Issuer);

/// <summary>
/// The next step of a case: what, by when (a Beijing date; none when the rules set no limit), how many working days are
/// left from today (negative when overdue), and the rule that applies.
/// </summary>
public sealed record CaseStepView(string Step, DateOnly? DueDate, bool Provisional, int? WorkingDaysLeft, bool Overdue, string Rule);

/// <summary>
/// A credit case. <see cref="ValidityYears"/> is the validity of the record it would lead to, taken from
/// <see cref="GoverningClause"/> (实施办法第八条第二款、第十七条).
/// </summary>
public sealed record CaseView(
    Guid Id, string Bureau, Guid CounterpartyId, string CounterpartyName, string Act, string Facts, DateOnly ActDate,
    IReadOnlyList<CaseClauseView> Clauses, string GoverningClause, int ValidityYears, CaseDecisionView Decision,
    Guid CollectingUnitId, string CollectingUnitName, string CollectingUnitKind, string State, string StateLabel,
    string CreatedBy, DateTimeOffset CreatedAt, CaseStepView? Next, DateOnly? ReplyDeadline, IReadOnlyList<CasePersonView> Persons,
    IReadOnlyList<CaseStepRecordView> Steps);

/// <summary>One line of "my cases".</summary>
public sealed record MyCaseView(Guid Id, string CounterpartyName, string Act, string State, string StateLabel, CaseStepView Next);
