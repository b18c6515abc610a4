using System.Globalization;
using System.Text.RegularExpressions;

namespace Ses.Documents.Numbering;

/// <summary>
/// A document number such as 西北局信告字〔2026〕1号: {bureau prefix}{series}字〔{year}〕{n}号.
/// 〔〕 are U+3014/U+3015, the year has four digits, n has no leading zero and no 第 (GB/T 9704-2012 §7.2.5).
/// </summary>
public sealed partial record DocumentNumber(string Prefix, string Series, int Year, int Sequence)
{
    public const char OpenBracket = '\u3014';
    public const char CloseBracket = '\u3015';

    public string Format()
    {
        if (Year is < 1000 or > 9999) throw new ArgumentOutOfRangeException(nameof(Year), Year, "year must have four digits");
        if (Sequence < 1) throw new ArgumentOutOfRangeException(nameof(Sequence), Sequence, "sequence starts at 1");
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Series}字{OpenBracket}{Year}{CloseBracket}{Sequence}号");
    }

    public override string ToString() => Format();

    /// <summary>The unnumbered form of a draft, with the blank brackets of the statutory form: 西北局信告字〔 〕号.</summary>
    public static string Blank(string prefix, string series) => $"{prefix}{series}字{OpenBracket}\u3000{CloseBracket}号";

    public static bool TryParse(string text, out DocumentNumber? number)
    {
        var m = Pattern().Match(text);
        number = m.Success
            ? new DocumentNumber(m.Groups["prefix"].Value, m.Groups["series"].Value,
                int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))
            : null;
        return number is not null;
    }

    /// <summary>
    /// Finds the first well-formed number in a longer text (e.g. text extracted from a PDF), trying each known
    /// bureau prefix, so that text before the number cannot be mistaken for part of the prefix.
    /// </summary>
    public static DocumentNumber? FindIn(string text, IEnumerable<string> knownPrefixes)
    {
        DocumentNumber? first = null;
        var firstAt = int.MaxValue;
        foreach (var prefix in knownPrefixes)
        {
            for (var at = text.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(prefix, at + 1, StringComparison.Ordinal))
            {
                var m = Pattern().Match(text, at);
                if (m.Success && m.Index == at && m.Groups["prefix"].Value == prefix && at < firstAt
                    && TryParse(m.Value, out var parsed))
                {
                    first = parsed;
                    firstAt = at;
                    break;
                }
            }
        }
        return first;
    }

    // Series are CJK words before 字 (实施办法附件3至6、9、10: 信告, 信决, 信不决, 信不受); the prefix ends in 局 (西北局, 华东局, ...).
    [GeneratedRegex(@"(?<prefix>\p{IsCJKUnifiedIdeographs}{1,6}?局)(?<series>\p{IsCJKUnifiedIdeographs}{1,4})字〔(?<year>\d{4})〕(?<n>[1-9]\d{0,8})号")]
    private static partial Regex Pattern();
}
