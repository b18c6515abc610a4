using Ses.Service.Cases;

namespace Ses.Service.Pages.Cases.Officer;

/// <summary>A person as the collection form on the case page takes them (实施办法第八条第三款); a row left empty is no person.</summary>
public sealed class PersonForm
{
    public string? Name { get; set; }

    public string? IdValue { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdValue) && string.IsNullOrWhiteSpace(Position)
        && string.IsNullOrWhiteSpace(Phone);

    /// <summary>The person for the service, or null for a row left empty.</summary>
    public static PersonInput? Input(PersonForm? p) => p is null || p.IsEmpty ? null : new PersonInput(p.Name, null, p.IdValue, p.Position, p.Phone);
}
