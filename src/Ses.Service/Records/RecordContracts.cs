namespace Ses.Service.Records;

/// <summary>
/// What legal staff enter in SES at the end of a credit case (实施办法第十四条第二款): the party, the act, the clauses and
/// the decision with its delivery date (from which the validity runs, 实施办法第十七条), and the persons recorded with an
/// organisation (实施办法第八条第三款).
/// </summary>
public sealed record RecordEntry(
    Guid CaseId, string Bureau, Guid CounterpartyId, string PartyName, string PartyKind, string IdScheme, string IdValue, string Act,
    string Clauses, string GoverningClause, int ValidityYears, string DecisionNumber, Guid DecisionDocumentId, DateOnly DecisionDeliveredOn,
    DateOnly EnteredOn, IReadOnlyList<RecordPerson> Persons);

/// <summary>A person recorded with an organisation (实施办法第八条第三款): role (Cases/PersonRoles), name, identifier and position.</summary>
public sealed record RecordPerson(string Role, string Name, string IdScheme, string IdValue, string? Position);

/// <summary>A reconsideration or litigation filed against a record (实施办法第二十七条).</summary>
public sealed record MarkRequest(string? Kind, DateOnly? FiledOn, string? Note);
