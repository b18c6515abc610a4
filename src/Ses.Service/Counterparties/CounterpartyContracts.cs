namespace Ses.Service.Counterparties;

public sealed record ContactData(string Name, string Mobile, string? Email);

public sealed record CounterpartyRequest(string Kind, string Name, string IdScheme, string IdValue, string? Address, IReadOnlyList<ContactData> Contacts);

public sealed record CounterpartyResponse(Guid Id, string Kind, string Name, string IdScheme, string IdValue, string Address,
    string SupervisingBureau, IReadOnlyList<ContactData> Contacts)
{
    public static CounterpartyResponse From(Counterparty c) => new(c.Id, c.Kind, c.Name, c.IdScheme, c.IdValue, c.Address, c.SupervisingBureau,
        [new(c.Contact1Name, c.Contact1Mobile, c.Contact1Email), new(c.Contact2Name, c.Contact2Mobile, c.Contact2Email)]);
}

/// <summary>A counterparty as officers and legal staff find it: who it is and how it is identified, without its contacts.</summary>
public sealed record CounterpartySummary(Guid Id, string Kind, string Name, string IdScheme, string IdSchemeLabel, string IdValue, string Address)
{
    public static CounterpartySummary From(Counterparty c) => new(c.Id, c.Kind, c.Name, c.IdScheme, IdSchemes.Label(c.IdScheme), c.IdValue, c.Address);
}

public sealed record AccountRequest(string UserName, string Department);

public sealed record AccountResponse(Guid Id, Guid CounterpartyId, string UserName, string Department, bool Active, bool MustChangePassword)
{
    public static AccountResponse From(CounterpartyAccount a) => new(a.Id, a.CounterpartyId, a.UserName, a.Department, a.Active, a.MustChangePassword);
}

/// <summary>The new account and its initial password, shown once to the administrator who created it.</summary>
public sealed record CreatedAccount(AccountResponse Account, string InitialPassword);
