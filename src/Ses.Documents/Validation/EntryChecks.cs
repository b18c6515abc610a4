using System.Globalization;
using System.Text.Json;
using Ses.Documents.Templates;

namespace Ses.Documents.Validation;

/// <summary>
/// What is checked when text is entered, before it is stored: the characters (<see cref="TextRules"/>), the
/// template's maximum length and the fonts' coverage — the rules the renderer applies later, so a stored value never
/// makes a document (a delivery certificate included) impossible to print. Drafts may still be incomplete: required
/// fields and formats are checked when the draft is issued.
/// </summary>
public static class EntryChecks
{
    /// <summary>Every problem of the strings in a draft's field values (unknown fields' strings included).</summary>
    public static IReadOnlyList<Problem> Draft(DocumentEngine engine, string formId, JsonElement data)
    {
        var problems = new List<Problem>();
        var fields = engine.Templates.FindForm(formId)?.Fields;
        if (data.ValueKind == JsonValueKind.Object) Object(engine, fields, data, "", problems);
        return problems;
    }

    /// <summary>One text a person entered: its characters, length and whether the fonts draw it; null when it may be stored.</summary>
    public static Problem? Text(DocumentEngine engine, string field, string label, string text, int? maxLength = null, bool lineBreaks = true)
    {
        if (TextRules.Problem(field, label, text, lineBreaks) is { } problem) return problem;
        if (maxLength is { } max && text.Trim().Length > max) return RuleMessages.Problem(field, label, ErrorCodes.FieldTooLong, max);
        var missing = engine.Fonts.Body.Missing(text).Distinct().ToList();
        if (missing.Count == 0) return null;
        var names = string.Join("、", missing.Select(r => string.Create(CultureInfo.InvariantCulture, $"「{r}」(U+{r.Value:X4})")));
        return RuleMessages.Problem(field, label, ErrorCodes.FieldGlyphMissing, names);
    }

    /// <summary>A JSON string's text, or false when its encoding is invalid (bad UTF-8, a lone surrogate escape).</summary>
    public static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>The problem of a JSON string whose encoding is invalid.</summary>
    public static Problem Encoding(string field, string label) => RuleMessages.Problem(field, label, ErrorCodes.FieldEncoding);

    private static void Object(DocumentEngine engine, IReadOnlyList<FieldSpec>? fields, JsonElement o, string prefix, List<Problem> problems)
    {
        foreach (var property in o.EnumerateObject())
        {
            var spec = fields?.FirstOrDefault(f => f.Name == property.Name);
            Value(engine, spec, property.Value, prefix + property.Name, problems);
        }
    }

    private static void Value(DocumentEngine engine, FieldSpec? spec, JsonElement value, string path, List<Problem> problems)
    {
        var label = spec?.Label ?? "";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (!TryGetText(value, out var text))
                {
                    problems.Add(Encoding(path, label));
                    return;
                }
                if (spec?.Kind == FieldKind.Multiline) text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
                if (Text(engine, path, label, text, spec?.MaxLength) is { } problem) problems.Add(problem);
                return;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]");
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        Object(engine, spec?.Kind == FieldKind.Rows ? spec.Columns : null, item, itemPath + ".", problems);
                    }
                    else
                    {
                        Value(engine, null, item, itemPath, problems);
                    }
                }
                return;
            case JsonValueKind.Object:
                Object(engine, null, value, path + ".", problems);
                return;
        }
    }
}
