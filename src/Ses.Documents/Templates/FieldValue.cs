using System.Globalization;

namespace Ses.Documents.Templates;

/// <summary>A validated field value.</summary>
public abstract record FieldValue
{
    /// <summary>The text the value puts into the document.</summary>
    public abstract string Display { get; }
}

public sealed record TextValue(string Text) : FieldValue
{
    public override string Display => Text;
}

/// <summary>A date, printed without zero padding: 2026年3月1日 (GB/T 9704-2012 §7.3.5).</summary>
public sealed record DateValue(DateOnly Date) : FieldValue
{
    public override string Display => FormatChinese(Date);

    /// <summary>The key of the English form of a date in a placeholder: <c>{{signDate.en}}</c>.</summary>
    public const string English = "en";

    public static string FormatChinese(DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");

    /// <summary>The English date line of a bilingual form, in the order the form prints (Month Date, Year): March 1, 2026.</summary>
    public static string FormatEnglish(DateOnly d) =>
        string.Create(CultureInfo.InvariantCulture, $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)} {d.Day}, {d.Year}");
}

public sealed record ChoiceValue(ChoiceOption Option) : FieldValue
{
    public override string Display => Option.Label;
}

/// <summary>How a party is identified (实施办法第五条).</summary>
public enum IdScheme
{
    Uscc,
    AirlineCode,
    Licence,
    IdNumber,
    Passport,
}

public sealed record IdentifierValue(IdScheme Scheme, string Value) : FieldValue
{
    public override string Display => Value;
}

public sealed record RowsValue(IReadOnlyList<IReadOnlyDictionary<string, FieldValue>> Rows) : FieldValue
{
    public override string Display => string.Create(CultureInfo.InvariantCulture, $"{Rows.Count}");
}
