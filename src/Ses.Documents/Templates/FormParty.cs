namespace Ses.Documents.Templates;

/// <summary>
/// The fields of a form that name the party its document is addressed to or concerns (<c>"party"</c> in the file):
/// the service fills them from the registered counterparty and refuses values typed differently.
/// </summary>
/// <param name="Name">The text field with the party's name.</param>
/// <param name="Ids">The <c>org-id</c> and <c>person-id</c> fields with the party's identifier.</param>
/// <param name="Kind">The choice field with the party's kind (options <c>org</c>, <c>person</c>), or null.</param>
public sealed record FormParty(string Name, IReadOnlyList<string> Ids, string? Kind);
