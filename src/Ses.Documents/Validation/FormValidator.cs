using System.Globalization;
using System.Text.Json;
using Ses.Documents.Numbering;
using Ses.Documents.Templates;

namespace Ses.Documents.Validation;

/// <summary>
/// Checks field values against a form's schema and returns every problem at once. The data is a JSON object of
/// field values; the reserved key <c>number</c> holds the document number of a numbered form.
/// </summary>
public static class FormValidator
{
    public const string NumberKey = "number";

    public static (FormInput? Input, IReadOnlyList<Problem> Problems) Validate(FormTemplate form, BureauProfile bureau, JsonElement data)
    {
        var problems = new List<Problem>();
        if (data.ValueKind != JsonValueKind.Object)
        {
            problems.Add(RuleMessages.Problem("", "", ErrorCodes.DataNotObject));
            return (null, problems);
        }
        var number = ValidateNumber(form, bureau, data, problems);
        var values = ValidateFields(form.Fields, data, "", problems);
        CheckSealingUnit(form, bureau, values, problems);
        return problems.Count == 0 ? (new FormInput(form, bureau, number, values), problems) : (null, problems);
    }

    /// <summary>
    /// The unit that seals a department's form must be one of the bureau's sealing units: its seal and signing key are
    /// the unit's own, so a unit the profile does not list cannot seal (实施办法第十条: the collecting supervision office or
    /// department; 附件7: XX处（盖章）).
    /// </summary>
    private static void CheckSealingUnit(FormTemplate form, BureauProfile bureau, Dictionary<string, FieldValue> values, List<Problem> problems)
    {
        if (form.SealByField is not { } name || !values.TryGetValue(name, out var value) || bureau.FindUnit(value.Display) is not null) return;
        problems.Add(RuleMessages.Problem(name, form.FindField(name)!.Label, ErrorCodes.FieldSealingUnitUnknown, bureau.Name, bureau.UnitNames));
    }

    private static DocumentNumber? ValidateNumber(FormTemplate form, BureauProfile bureau, JsonElement data, List<Problem> problems)
    {
        if (!data.TryGetProperty(NumberKey, out var n) || n.ValueKind == JsonValueKind.Null) return null;
        const string label = "文号";
        if (form.Series is null)
        {
            problems.Add(RuleMessages.Problem(NumberKey, label, ErrorCodes.NumberNotNumbered));
            return null;
        }
        var example = new DocumentNumber(bureau.NumberPrefix, form.Series, 2026, 1).Format();
        if (n.ValueKind != JsonValueKind.String
            || !EntryChecks.TryGetText(n, out var numberText)
            || !DocumentNumber.TryParse(numberText.Trim(), out var number))
        {
            problems.Add(RuleMessages.Problem(NumberKey, label, ErrorCodes.NumberFormat, example));
            return null;
        }
        if (number!.Prefix != bureau.NumberPrefix) problems.Add(RuleMessages.Problem(NumberKey, label, ErrorCodes.NumberPrefix, bureau.NumberPrefix));
        if (number.Series != form.Series) problems.Add(RuleMessages.Problem(NumberKey, label, ErrorCodes.NumberSeries, form.Series));
        return number;
    }

    private static Dictionary<string, FieldValue> ValidateFields(IReadOnlyList<FieldSpec> fields, JsonElement data, string path, List<Problem> problems)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (path.Length == 0 && property.Name == NumberKey) continue;
            if (!fields.Any(f => f.Name == property.Name))
            {
                problems.Add(RuleMessages.Problem(path + property.Name, "", ErrorCodes.FieldUnknown));
            }
        }
        foreach (var field in fields)
        {
            var fieldPath = path + field.Name;
            if (!data.TryGetProperty(field.Name, out var raw) || IsEmpty(raw))
            {
                if (field.Required || (field.Kind == FieldKind.Rows && field.MinRows > 0))
                {
                    problems.Add(RuleMessages.Problem(fieldPath, field.Label, ErrorCodes.FieldRequired));
                }
                continue;
            }
            var value = ValidateField(field, raw, fieldPath, problems);
            if (value is not null) values[field.Name] = value;
        }
        return values;
    }

    private static bool IsEmpty(JsonElement raw) => raw.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => EntryChecks.TryGetText(raw, out var text) && string.IsNullOrWhiteSpace(text),
        JsonValueKind.Array => raw.GetArrayLength() == 0,
        _ => false,
    };

    private static FieldValue? ValidateField(FieldSpec field, JsonElement raw, string path, List<Problem> problems)
    {
        switch (field.Kind)
        {
            case FieldKind.Rows:
                return ValidateRows(field, raw, path, problems);
            case FieldKind.OrgId:
            case FieldKind.PersonId:
                return ValidateIdentifier(field, raw, path, problems);
        }
        if (raw.ValueKind != JsonValueKind.String)
        {
            problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldType));
            return null;
        }
        if (!EntryChecks.TryGetText(raw, out var text))
        {
            problems.Add(EntryChecks.Encoding(path, field.Label));
            return null;
        }
        text = text.Trim();
        if (field.Kind is FieldKind.Multiline) text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (TextRules.Problem(path, field.Label, text) is { } unprintable)
        {
            problems.Add(unprintable);
            return null;
        }
        if (field.MaxLength is { } max && text.Length > max)
        {
            problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldTooLong, max));
            return null;
        }
        switch (field.Kind)
        {
            case FieldKind.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return new DateValue(date);
                problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldDateFormat));
                return null;
            case FieldKind.DocumentNumber:
                if (DocumentNumber.TryParse(text, out _)) return new TextValue(text);
                problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldDocumentNumberFormat));
                return null;
            case FieldKind.Choice:
                if (field.FindOption(text) is { } option) return new ChoiceValue(option);
                problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldChoiceUnknown, string.Join("、", field.Options.Select(o => o.Value))));
                return null;
            case FieldKind.IdNumber:
            case FieldKind.Uscc:
            case FieldKind.AirlineCode:
            case FieldKind.Passport:
            case FieldKind.Licence:
            case FieldKind.Phone:
                var normalized = IdentifierRules.Normalize(text);
                var rule = Check(field.Kind, normalized);
                if (rule is null) return new TextValue(normalized);
                problems.Add(RuleMessages.Problem(path, field.Label, rule));
                return null;
            default:
                return new TextValue(text);
        }
    }

    private static string? Check(FieldKind kind, string value) => kind switch
    {
        FieldKind.IdNumber => IdentifierRules.CheckIdNumber(value),
        FieldKind.Uscc => IdentifierRules.CheckUscc(value),
        FieldKind.AirlineCode => IdentifierRules.CheckAirlineCode(value),
        FieldKind.Passport => IdentifierRules.CheckPassport(value),
        FieldKind.Licence => IdentifierRules.CheckLicence(value),
        FieldKind.Phone => IdentifierRules.CheckPhone(value),
        _ => null,
    };

    /// <summary>
    /// An organisation or person identifier: <c>{"scheme": "uscc", "value": "..."}</c>, or a plain string whose scheme
    /// is inferred (18 characters → USCC or ID number, 2 → airline code, otherwise licence or passport).
    /// </summary>
    private static IdentifierValue? ValidateIdentifier(FieldSpec field, JsonElement raw, string path, List<Problem> problems)
    {
        var org = field.Kind == FieldKind.OrgId;
        string? schemeText = null;
        string? text;
        if (raw.ValueKind == JsonValueKind.Object)
        {
            schemeText = raw.TryGetProperty("scheme", out var s) && s.ValueKind == JsonValueKind.String && EntryChecks.TryGetText(s, out var st) ? st : null;
            text = raw.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && EntryChecks.TryGetText(v, out var vt) ? vt : null;
        }
        else if (raw.ValueKind == JsonValueKind.String)
        {
            text = EntryChecks.TryGetText(raw, out var rt) ? rt : null;
        }
        else
        {
            problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldType));
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldRequired));
            return null;
        }
        var value = IdentifierRules.Normalize(text);
        IdScheme? scheme = schemeText switch
        {
            null => org
                ? value.Length == 18 ? IdScheme.Uscc : value.Length == 2 ? IdScheme.AirlineCode : IdScheme.Licence
                : value.Length == 18 && value[..17].All(char.IsAsciiDigit) ? IdScheme.IdNumber : IdScheme.Passport,
            "uscc" when org => IdScheme.Uscc,
            "airline" when org => IdScheme.AirlineCode,
            "licence" when org => IdScheme.Licence,
            "id" when !org => IdScheme.IdNumber,
            "passport" when !org => IdScheme.Passport,
            _ => null,
        };
        if (scheme is null)
        {
            problems.Add(RuleMessages.Problem(path, field.Label, org ? ErrorCodes.FieldOrgIdScheme : ErrorCodes.FieldPersonIdScheme));
            return null;
        }
        if (Identifiers.Check(scheme.Value, value, path, field.Label) is { } problem)
        {
            problems.Add(problem);
            return null;
        }
        return new IdentifierValue(scheme.Value, value);
    }

    private static RowsValue? ValidateRows(FieldSpec field, JsonElement raw, string path, List<Problem> problems)
    {
        if (raw.ValueKind != JsonValueKind.Array)
        {
            problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldType));
            return null;
        }
        var count = raw.GetArrayLength();
        if (count < field.MinRows) problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldRowsMin, field.MinRows));
        if (count > field.MaxRows) problems.Add(RuleMessages.Problem(path, field.Label, ErrorCodes.FieldRowsMax, field.MaxRows));
        var rows = new List<IReadOnlyDictionary<string, FieldValue>>(count);
        var i = 0;
        foreach (var item in raw.EnumerateArray())
        {
            var rowPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(RuleMessages.Problem(rowPath, field.Label, ErrorCodes.FieldType));
                continue;
            }
            rows.Add(ValidateFields(field.Columns, item, rowPath + ".", problems));
        }
        return new RowsValue(rows);
    }
}
