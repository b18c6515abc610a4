using System.Text.Json;
using System.Text.Json.Nodes;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Counterparties;

namespace Ses.Service.Registrations;

/// <summary>
/// The 《关于使用民航行业监管执法信息系统（SES）的确认函》 (注册通知附件1, form <c>ses-confirmation</c>) pre-filled with the
/// registrant's name, address, identifier and first contact, to be printed, signed, sealed, scanned and uploaded. It is the
/// counterparty's letter: rendered unsigned and without the bureau's seal.
/// </summary>
public sealed class RegistrationLetters(DocumentEngine engine)
{
    public const string FormId = "ses-confirmation";

    /// <summary>Form field → the registration's field, so a problem names what the registrant typed.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["entityName"] = "name", ["address"] = "address", ["orgId"] = "idValue", ["contactPerson"] = "contacts[0].name",
        ["contactPhone"] = "contacts[0].mobile",
    };

    public string FileName => $"{engine.Templates.FindForm(FormId)!.Title}.pdf";

    /// <summary>The letter for data not yet submitted: the identifier and contacts are checked as a registration checks them.</summary>
    public (byte[]? Pdf, IReadOnlyList<Problem> Problems) Render(LetterRequest r)
    {
        var problems = CounterpartyRules.Check(new CounterpartyRequest(r.Kind ?? "", r.Name ?? "", r.IdScheme ?? "", r.IdValue ?? "", r.Address,
            r.Contacts?.Any(c => c is null) == true ? [] : r.Contacts ?? []));
        if (string.IsNullOrWhiteSpace(r.Address)) problems.Add(new("address", ErrorCodes.FieldRequired, "「住所」必须填写（营业执照或法人证书载明的住所）"));
        if (problems.Count > 0) return (null, problems);
        return Render(r.Name!.Trim(), r.Address!.Trim(), r.IdScheme!, Identifiers.Normalize(r.IdValue!), r.Contacts![0].Name.Trim(),
            Identifiers.Normalize(r.Contacts[0].Mobile));
    }

    /// <summary>The letter for a submitted registration.</summary>
    public byte[] Render(Registration r) =>
        Render(r.Name, r.Address, r.IdScheme, r.IdValue, r.Contact1Name, r.Contact1Mobile).Pdf
        ?? throw new InvalidOperationException("a stored registration's letter did not render");

    private (byte[]? Pdf, IReadOnlyList<Problem> Problems) Render(string name, string address, string scheme, string idValue, string contact, string mobile)
    {
        var data = new JsonObject
        {
            ["entityName"] = name, ["address"] = address, ["orgId"] = new JsonObject { ["scheme"] = scheme, ["value"] = idValue },
            ["contactPerson"] = contact, ["contactPhone"] = mobile,
        };
        using var json = JsonDocument.Parse(data.ToJsonString());
        var (input, problems) = engine.Validate(FormId, json.RootElement);
        if (input is null) return (null, [.. problems.Select(p => p with { Field = Fields.GetValueOrDefault(p.Field.Split('.')[0], p.Field) })]);
        return (engine.Render(input, OutputFormat.Pdf).Content, []);
    }
}
