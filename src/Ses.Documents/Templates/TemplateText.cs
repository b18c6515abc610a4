using System.Globalization;
using Ses.Documents.Numbering;

namespace Ses.Documents.Templates;

/// <summary>
/// Fills template text. Placeholders: <c>{{field}}</c> (the value as printed), <c>{{field.key}}</c> (a text of the
/// chosen option), <c>{{bureau.name}}</c> and the other profile values, <c>{{number}}</c> (the number, or the blank
/// brackets of a draft), and in a repeating table row <c>{{#}}</c> (row number) and the row's columns.
/// <c>{{field?text}}</c> prints <c>text</c> when the field has no value; <c>{{field?bureau.phone}}</c> falls back to
/// the bureau's value. <c>{{date.en}}</c> prints a date field in English (March 1, 2026) for a bilingual form.
/// </summary>
public static class TemplateText
{
    private static readonly string[] BureauKeys =
        ["name", "numberPrefix", "address", "postalCode", "contact", "phone", "legalDepartment", "sealCity", "sealText"];

    public static string Fill(string text, FormInput input, IReadOnlyDictionary<string, FieldValue>? row = null, int rowNumber = 0)
    {
        if (!text.Contains("{{", StringComparison.Ordinal)) return text;
        return FormTemplateReader.Placeholder().Replace(text, m => Resolve(m.Groups[1].Value, input, row, rowNumber));
    }

    /// <summary>True when <paramref name="text"/> has placeholders and every one of them fills in as nothing.</summary>
    internal static bool AllPlaceholdersEmpty(string text, FormInput input)
    {
        var placeholders = FormTemplateReader.Placeholder().Matches(text);
        return placeholders.Count > 0 && placeholders.All(m => Resolve(m.Groups[1].Value, input, null, 0).Length == 0);
    }

    /// <summary>
    /// The part of a template text that every document of the bureau shows: the bureau's values filled in, every other
    /// placeholder (a field, the number, a row number) replaced by a line break.
    /// </summary>
    internal static string FixedPart(string text, BureauProfile bureau)
    {
        if (!text.Contains("{{", StringComparison.Ordinal)) return text;
        return FormTemplateReader.Placeholder().Replace(text, m =>
        {
            var parts = m.Groups[1].Value.Split('?', 2);
            var (name, sub) = Split(parts[0]);
            return name == "bureau" && sub is not null ? OrFallback(BureauValue(bureau, sub), parts.Length > 1 ? parts[1] : "") : "\n";
        });
    }

    internal static bool IsKnown(string placeholder, FormTemplate form, FieldSpec? rowsField)
    {
        var key = placeholder.Split('?', 2)[0];
        if (key == "number") return true;
        if (key == "#") return rowsField is not null;
        var (name, sub) = Split(key);
        if (name == "bureau") return sub is not null && BureauKeys.Contains(sub);
        var field = rowsField?.Columns.FirstOrDefault(c => c.Name == name) ?? form.FindField(name);
        if (field is null) return false;
        return sub is null || (field.Kind == FieldKind.Choice && field.Options.All(o => o.Texts.ContainsKey(sub)))
            || (field.Kind == FieldKind.Date && sub == DateValue.English);
    }

    private static string Resolve(string placeholder, FormInput input, IReadOnlyDictionary<string, FieldValue>? row, int rowNumber)
    {
        var parts = placeholder.Split('?', 2);
        var fallback = parts.Length > 1 ? parts[1] : "";
        var key = parts[0];
        if (key == "number")
        {
            return input.Number?.Format() ?? DocumentNumber.Blank(input.Bureau.NumberPrefix, input.Form.Series ?? "");
        }
        if (key == "#") return rowNumber.ToString(CultureInfo.InvariantCulture);
        var (name, sub) = Split(key);
        if (name == "bureau") return OrFallback(BureauValue(input.Bureau, sub!), fallback);
        FieldValue? value = null;
        if (row is not null && row.TryGetValue(name, out var rv)) value = rv;
        else if ((row is null || !IsColumn(input.Form, name)) && input.Values.TryGetValue(name, out var fv)) value = fv;
        if (value is null)
        {
            return fallback.StartsWith("bureau.", StringComparison.Ordinal) ? BureauValue(input.Bureau, fallback["bureau.".Length..]) : fallback;
        }
        if (sub is not null && value is ChoiceValue choice) return choice.Option.Texts.GetValueOrDefault(sub, "");
        if (sub == DateValue.English && value is DateValue date) return DateValue.FormatEnglish(date.Date);
        return value.Display;
    }

    // In a repeated row, a column left empty stays empty: it never shows a top-level field of the same name.
    private static bool IsColumn(FormTemplate form, string name) =>
        form.Fields.Any(f => f.Kind == FieldKind.Rows && f.Columns.Any(c => c.Name == name));

    private static string OrFallback(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static string BureauValue(BureauProfile b, string key) => key switch
    {
        "name" => b.Name,
        "numberPrefix" => b.NumberPrefix,
        "address" => b.Address,
        "postalCode" => b.PostalCode,
        "contact" => b.Contact,
        "phone" => b.Phone,
        "legalDepartment" => b.LegalDepartment,
        "sealCity" => b.SealCity,
        "sealText" => b.SealText,
        _ => "",
    };

    private static (string Name, string? Sub) Split(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (key, null) : (key[..dot], key[(dot + 1)..]);
    }
}
