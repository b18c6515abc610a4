namespace Ses.Service.Cases;

/// <summary>
/// A person recorded together with an organisation (实施办法第八条第三款): its legal representative, principal or
/// another directly responsible person, as the collection form lists them. Their records are linked to the
/// organisation's and cannot be repaired on their own application (实施办法第十九条).
/// </summary>
public sealed class CasePerson
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>One of <see cref="PersonRoles"/>.</summary>
    public required string Role { get; init; }

    public required string Name { get; init; }

    /// <summary>The identifier scheme (Counterparties/IdSchemes), e.g. the resident identity card.</summary>
    public required string IdScheme { get; init; }

    public required string IdValue { get; init; }

    public string? Position { get; init; }

    public string? Phone { get; init; }

    /// <summary>The order on the form.</summary>
    public int Order { get; init; }
}
