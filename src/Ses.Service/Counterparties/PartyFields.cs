using System.Text;
using System.Text.Json.Nodes;
using Ses.Documents.Templates;
using Ses.Documents.Validation;

namespace Ses.Service.Counterparties;

/// <summary>
/// The fields of a form that name the party a document is addressed to or concerns, as the form declares them
/// (templates/forms/*.json: <c>"party": { "name": …, "ids": […], "kind": … }</c>), taken from the registered
/// counterparty: an empty field is filled from the record, a typed value that differs is refused — a document printed
/// for one party never lands in another's inbox.
/// </summary>
public static class PartyFields
{
    /// <summary>Fills the empty party fields of <paramref name="data"/> from <paramref name="c"/>; the problems of those that differ.</summary>
    public static List<Problem> Apply(FormTemplate form, JsonObject data, Counterparty c)
    {
        var problems = new List<Problem>();
        if (form.Party is not { } party) return problems;
        var person = c.Kind == CounterpartyKind.Individual;
        foreach (var field in form.Fields)
        {
            // The template reader has checked the declared fields' types (name: text; ids: org-id or person-id; kind: choice).
            if (field.Name == party.Name)
            {
                var given = Text(data[field.Name]);
                if (given is null)
                {
                    data[field.Name] = c.Name;
                }
                else if (Canonical(given) != Canonical(c.Name))
                {
                    problems.Add(new(field.Name, ErrorCodes.PartyMismatch, $"「{field.Label}」应与登记的相对人「{c.Name}」一致（留空则自动填写）"));
                }
            }
            else if (party.Ids.Contains(field.Name))
            {
                var (scheme, value) = Identifier(data[field.Name]);
                var fits = (field.Kind == FieldKind.PersonId) == person;
                if (!fits)
                {
                    // An organisation's form field on a person (or the reverse) stays empty; a required one is the
                    // validator's to report.
                    if (value is not null)
                    {
                        problems.Add(new(field.Name, ErrorCodes.PartyIdMismatch,
                            $"「{field.Label}」与登记的相对人不符：相对人登记的是{IdSchemes.Label(c.IdScheme)}"));
                    }
                    continue;
                }
                if (value is null)
                {
                    data[field.Name] = new JsonObject { ["scheme"] = c.IdScheme, ["value"] = c.IdValue };
                }
                else if ((scheme is not null && scheme != c.IdScheme)
                    || !string.Equals(Identifiers.Normalize(value), Identifiers.Normalize(c.IdValue), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new(field.Name, ErrorCodes.PartyIdMismatch,
                        $"「{field.Label}」应与登记的相对人的{IdSchemes.Label(c.IdScheme)} {c.IdValue} 一致（留空则自动填写）"));
                }
            }
            else if (field.Name == party.Kind)
            {
                var kind = person ? "person" : "org";
                if (field.FindOption(kind) is null) continue;
                var given = Text(data[field.Name]);
                if (given is null)
                {
                    data[field.Name] = kind;
                }
                else if (given != kind)
                {
                    problems.Add(new(field.Name, ErrorCodes.PartyKindMismatch, $"「{field.Label}」应与登记的相对人一致：{field.FindOption(kind)!.Label}"));
                }
            }
        }
        return problems;
    }

    /// <summary>A string value, trimmed, or null when absent or empty; anything but a string is left to the validator (not null).</summary>
    private static string? Text(JsonNode? node)
    {
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return node.ToJsonString();
    }

    private static (string? Scheme, string? Value) Identifier(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            var scheme = o["scheme"] is JsonValue sv && sv.TryGetValue<string>(out var s) ? s : null;
            var value = o["value"] is JsonValue vv && vv.TryGetValue<string>(out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;
            return (scheme, value);
        }
        return (null, Text(node));
    }

    // Full-width and half-width forms (（） and ()) and runs of spaces are the same name.
    private static string Canonical(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
