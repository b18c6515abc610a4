using System.Text;
using System.Text.RegularExpressions;

namespace Ses.Documents.Validation;

/// <summary>
/// Format and check-character rules for the identifiers a form carries. Each <c>Check*</c> method takes a value
/// the caller has already passed through <see cref="Normalize"/> and returns <see langword="null"/> when it is valid,
/// otherwise a stable rule key such as <c>uscc.checksum</c>. No clock, no culture: the same input always gives the same answer.
/// </summary>
internal static partial class IdentifierRules
{
    /// <summary>Trims, turns full-width ASCII (U+FF01–U+FF5E) into half-width and the ideographic space U+3000 into a space.</summary>
    internal static string Normalize(string v)
    {
        if (string.IsNullOrEmpty(v))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(v.Length);
        foreach (var c in v)
        {
            // Unicode Halfwidth and Fullwidth Forms: U+FF01–U+FF5E mirror U+0021–U+007E at offset 0xFEE0.
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                sb.Append((char)(c - 0xFEE0));
            }
            else if (c == '\u3000')
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }

    // ---------------------------------------------------------------- resident identity number

    // GB 11643-1999 §5.5: weights 2^(17-i) mod 11 for positions 1..17, check value (12 - sum mod 11) mod 11.
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";

    /// <summary>PRC resident identity number (GB 11643-1999), 18 characters.</summary>
    internal static string? CheckIdNumber(string v)
    {
        // GB 11643-1999 §5.1: 17 digits + one check character (digit or X); the 15-digit form is not accepted.
        if (v is null || v.Length != 18 || !AllAsciiDigits(v.AsSpan(0, 17)) || !(IsAsciiDigit(v[17]) || v[17] == 'X'))
        {
            return ErrorCodes.FieldIdNumberFormat;
        }

        // GB 11643-1999 §5.2 / GB/T 2260: the first two digits of the address code name a province-level division.
        var province = ((v[0] - '0') * 10) + (v[1] - '0');
        if (!IsProvinceCode(province))
        {
            return ErrorCodes.FieldIdNumberArea;
        }

        // GB 11643-1999 §5.3: birth date yyyyMMdd must be a real date; window 1900-01-01..2100-12-31 (no clock).
        var year = ParseDigits(v.AsSpan(6, 4));
        var month = ParseDigits(v.AsSpan(10, 2));
        var day = ParseDigits(v.AsSpan(12, 2));
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ErrorCodes.FieldIdNumberBirthDate;
        }

        // GB 11643-1999 §5.5: ISO 7064 MOD 11-2 check character.
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (v[i] - '0') * IdWeights[i];
        }

        return IdCheckChars[sum % 11] == v[17] ? null : ErrorCodes.FieldIdNumberChecksum;
    }

    private static bool IsProvinceCode(int p) =>
        p is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46)
            or (>= 50 and <= 54) or (>= 61 and <= 65) or 71 or 81 or 82 or 83 or 91;

    // ---------------------------------------------------------------- unified social credit code

    // GB 32100-2015 §4: the code alphabet, 31 characters (no I, O, Z, S, V); a character's value is its index.
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 check code (per GB/T 17710): weights 3^i mod 31, check value (31 - sum mod 31) mod 31.
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714-1997 organisation code check: weights 2^(9-i) mod 11 for positions 1..8.
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Unified social credit code (GB 32100-2015), 18 characters.</summary>
    internal static string? CheckUscc(string v)
    {
        // GB 32100-2015 §4: 18 characters from the 31-character alphabet.
        if (v is null || v.Length != 18)
        {
            return ErrorCodes.FieldUsccFormat;
        }

        foreach (var c in v)
        {
            if (UsccAlphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return ErrorCodes.FieldUsccFormat;
            }
        }

        // GB 32100-2015 / GB/T 17710: MOD 31 check code (18th character) over the first 17 characters.
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += UsccAlphabet.IndexOf(v[i], StringComparison.Ordinal) * UsccWeights[i];
        }

        if (UsccAlphabet[(31 - (sum % 31)) % 31] != v[17])
        {
            return ErrorCodes.FieldUsccChecksum;
        }

        // GB 11714-1997 (characters 9–17 are the organisation code): its 9th character is a MOD 11 check.
        var orgSum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = v[8 + i];
            orgSum += (IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrgWeights[i];
        }

        var orgCheck = 11 - (orgSum % 11);
        var expected = orgCheck switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + orgCheck),
        };
        return expected == v[16] ? null : ErrorCodes.FieldUsccOrgCode;
    }

    // ---------------------------------------------------------------- airline designator

    /// <summary>IATA two-character airline designator, e.g. CA, MU, 3U, 9C.</summary>
    internal static string? CheckAirlineCode(string v)
    {
        // IATA Resolution 762: two characters from A–Z and 0–9, not both digits.
        if (v is null || v.Length != 2 || !IsUpperAlnum(v[0]) || !IsUpperAlnum(v[1])
            || (IsAsciiDigit(v[0]) && IsAsciiDigit(v[1])))
        {
            return ErrorCodes.FieldAirlineFormat;
        }

        return null;
    }

    // ---------------------------------------------------------------- passport / travel document

    /// <summary>Passport or other travel-document number: 5–20 of A–Z and 0–9, at least one digit.</summary>
    internal static string? CheckPassport(string v)
    {
        // ICAO Doc 9303 document-number characters (A–Z, 0–9); length window and the digit are project policy.
        if (v is null || v.Length is < 5 or > 20)
        {
            return ErrorCodes.FieldPassportFormat;
        }

        var hasDigit = false;
        foreach (var c in v)
        {
            if (!IsUpperAlnum(c))
            {
                return ErrorCodes.FieldPassportFormat;
            }

            hasDigit |= IsAsciiDigit(c);
        }

        return hasDigit ? null : ErrorCodes.FieldPassportFormat;
    }

    // ---------------------------------------------------------------- foreign licence number

    /// <summary>
    /// Licence (certificate) number of a foreign certificate holder: 3–40 characters from A–Z, a–z, 0–9,
    /// <c>- / . ( )</c>, space and CJK U+4E00–U+9FFF, with at least one letter (ASCII or CJK) or digit.
    /// </summary>
    internal static string? CheckLicence(string v)
    {
        // Project policy: issuing countries use free formats, so only the character set and length are fixed.
        if (v is null || v.Length is < 3 or > 40)
        {
            return ErrorCodes.FieldLicenceFormat;
        }

        var hasAlnum = false;
        foreach (var c in v)
        {
            if (IsAsciiLetterOrDigit(c) || c is >= '\u4E00' and <= '\u9FFF')
            {
                hasAlnum = true;
            }
            else if (c is not ('-' or '/' or '.' or ' ' or '(' or ')'))
            {
                return ErrorCodes.FieldLicenceFormat;
            }
        }

        return hasAlnum ? null : ErrorCodes.FieldLicenceFormat;
    }

    // ---------------------------------------------------------------- telephone numbers

    /// <summary>Mainland China mobile number, optionally prefixed with +86 or 86 (and one space or hyphen).</summary>
    internal static string? CheckMobile(string v)
    {
        // MIIT Telecommunications Network Numbering Plan (2017): mobile numbers are 1[3-9] + 9 digits.
        return v is not null && MobileRegex().IsMatch(v) ? null : ErrorCodes.FieldMobileFormat;
    }

    /// <summary>Contact phone: a mobile, a landline with area code (optional extension), or a 400 number.</summary>
    internal static string? CheckPhone(string v)
    {
        if (v is null)
        {
            return ErrorCodes.FieldPhoneFormat;
        }

        // MIIT Telecommunications Network Numbering Plan (2017): 0 + area code, 7–8 digit local number; 400 + 7 digits.
        // Foreign parties (foreign airlines, persons with passports) give international numbers: ITU-T E.164, + and 8–15 digits.
        return CheckMobile(v) is null || LandlineRegex().IsMatch(v) || Service400Regex().IsMatch(v) || InternationalRegex().IsMatch(v)
            ? null
            : ErrorCodes.FieldPhoneFormat;
    }

    // [0-9] rather than \d: \d would also accept non-ASCII Unicode digits. \z rather than $: $ allows a trailing newline.
    [GeneratedRegex(@"^(?:\+?86[ -]?)?1[3-9][0-9]{9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MobileRegex();

    [GeneratedRegex(@"^0[1-9][0-9]{1,2}[ -]?[0-9]{7,8}(?:(?:-|转)[0-9]{1,6})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex LandlineRegex();

    [GeneratedRegex(@"^400[ -]?[0-9]{3}[ -]?[0-9]{4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Service400Regex();

    [GeneratedRegex(@"^\+(?!86)[1-9](?:[ -]?[0-9]){7,14}\z", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalRegex();

    // ---------------------------------------------------------------- helpers (ASCII only, culture-free)

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    private static bool IsUpperAlnum(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool AllAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int ParseDigits(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }
}
