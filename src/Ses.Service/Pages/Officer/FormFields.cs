using System.Globalization;
using System.Text.Json.Nodes;
using Ses.Documents.Templates;

namespace Ses.Service.Pages.Officer;

/// <summary>
/// A form's fields as HTML inputs, generated from its schema: input names are <c>f.</c> and the field's path as the
/// validator names it (<c>f.party</c>, <c>f.orgRecords[0].orgName</c>), identifiers as <c>.scheme</c> and <c>.value</c>.
/// Reading the posted form gives the same JSON object the API takes; empty inputs are left out.
/// </summary>
public static class FormFields
{
    public const string Prefix = "f.";

    public static JsonObject Read(FormTemplate form, IFormCollection posted) => ReadFields(form.Fields, posted, Prefix);

    private static JsonObject ReadFields(IReadOnlyList<FieldSpec> fields, IFormCollection posted, string prefix)
    {
        var data = new JsonObject();
        foreach (var field in fields)
        {
            var name = prefix + field.Name;
            switch (field.Kind)
            {
                case FieldKind.Rows:
                    var rows = new JsonArray();
                    for (var i = 0; i < Math.Max(field.MaxRows, 1) && i < 200; i++)
                    {
                        var rowPrefix = string.Create(CultureInfo.InvariantCulture, $"{name}[{i}].");
                        if (!posted.Keys.Any(k => k.StartsWith(rowPrefix, StringComparison.Ordinal))) continue;
                        var row = ReadFields(field.Columns, posted, rowPrefix);
                        if (row.Count > 0) rows.Add(row);
                    }
                    if (rows.Count > 0) data[field.Name] = rows;
                    break;
                case FieldKind.OrgId or FieldKind.PersonId:
                    var value = posted[name + ".value"].ToString().Trim();
                    var scheme = posted[name + ".scheme"].ToString();
                    if (value.Length > 0) data[field.Name] = scheme.Length > 0 ? new JsonObject { ["scheme"] = scheme, ["value"] = value } : value;
                    break;
                default:
                    var text = posted[name].ToString();
                    if (!string.IsNullOrWhiteSpace(text)) data[field.Name] = text;
                    break;
            }
        }
        return data;
    }

    /// <summary>The text a field holds in <paramref name="data"/>, for the input's value.</summary>
    public static string? Text(JsonNode? data, string name) =>
        data?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The scheme and value of an identifier field.</summary>
    public static (string? Scheme, string? Value) Identifier(JsonNode? data, string name) => data?[name] switch
    {
        JsonObject o => (Text(o, "scheme"), Text(o, "value")),
        JsonValue v when v.TryGetValue<string>(out var s) => (null, s),
        _ => (null, null),
    };

    public static IReadOnlyList<JsonNode?> Rows(JsonNode? data, string name) => data?[name] is JsonArray a ? [.. a] : [];

    /// <summary>The filled values as the officer reads them back before issuing: label and text, in the form's order.</summary>
    public static IReadOnlyList<(string Label, string Text)> Summary(IReadOnlyList<FieldSpec> fields, JsonNode? data)
    {
        var lines = new List<(string, string)>();
        foreach (var field in fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Rows:
                    var rows = Rows(data, field.Name);
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var text = string.Join("；", Summary(field.Columns, rows[i]).Select(l => l.Label + "：" + l.Text));
                        lines.Add((string.Create(CultureInfo.InvariantCulture, $"{field.Label}（第 {i + 1} 行）"), text));
                    }
                    break;
                case FieldKind.OrgId or FieldKind.PersonId:
                    if (Identifier(data, field.Name).Value is { } id) lines.Add((field.Label, id));
                    break;
                case FieldKind.Choice:
                    if (Text(data, field.Name) is { } choice) lines.Add((field.Label, field.FindOption(choice)?.Label ?? choice));
                    break;
                case FieldKind.Date:
                    if (Text(data, field.Name) is { } date)
                    {
                        var shown = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                            ? Show.Date(d)
                            : date;
                        lines.Add((field.Label, shown));
                    }
                    break;
                default:
                    if (Text(data, field.Name) is { } value) lines.Add((field.Label, value));
                    break;
            }
        }
        return lines;
    }

    public static string InputId(string name) => "f-" + name.Replace('.', '-').Replace('[', '-').Replace(']', '-');

    /// <summary>The identifier schemes an organisation or person may be identified by (实施办法第五条).</summary>
    public static IReadOnlyList<(string Value, string Label)> Schemes(FieldKind kind) =>
        [("", "按号码自动判断"), .. kind == FieldKind.OrgId ? Counterparties.IdSchemes.Organisation : Counterparties.IdSchemes.Person];

    public static string? InputMode(FieldKind kind) => kind switch
    {
        FieldKind.Phone => "tel",
        _ => null,
    };
}

/// <summary>One generated field with its current value, the problems of its path, and how many rows a rows field shows.</summary>
public sealed record FormFieldModel(FieldSpec Spec, string Path, JsonNode? Data, IReadOnlyDictionary<string, List<string>> Problems,
    IReadOnlyDictionary<string, int> RowsShown, string? Proposal = null)
{
    public string Name => FormFields.Prefix + Path;

    public string Id => FormFields.InputId(Path);

    public string? Error => Problems.TryGetValue(Path, out var list) ? string.Join("；", list) : null;

    public string? Value => FormFields.Text(Data, Spec.Name);
}
