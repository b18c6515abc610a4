using System.Globalization;
using Ses.Documents.Validation;

namespace Ses.Documents.Tests.Validation;

/// <summary>
/// Tests for <see cref="IdentifierRules"/>. The check characters used to build test codes come from the helpers at the
/// bottom of this class, which re-derive the standards' weights (powers of 2 mod 11, powers of 3 mod 31) instead of
/// copying the production tables, so a wrong table in the production code cannot hide behind an equally wrong test.
/// </summary>
public sealed class IdentifierRulesTests
{
    // ================================================================= Normalize

    [Theory]
    [InlineData("  ＡＢＣ１２３　", "ABC123")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("（注）０２９－８８８８８８８８", "(注)029-88888888")]
    [InlineData("a\u3000b", "a b")]
    [InlineData("\uFF01\uFF5E", "!~")]
    [InlineData("ｅ１２３４５６７８", "e12345678")]
    [InlineData("\t E12345678 \r\n", "E12345678")]
    [InlineData("\u3000\u3000", "")]
    [InlineData("", "")]
    public void Normalize_FullWidthAndIdeographicSpace_BecomeHalfWidthAndTrimmed(string input, string expected)
    {
        Assert.Equal(expected, IdentifierRules.Normalize(input));
    }

    [Theory]
    [InlineData("\uFF5F")] // FULLWIDTH LEFT WHITE PARENTHESIS: just past the ASCII mirror range
    [InlineData("\uFFE5")] // FULLWIDTH YEN SIGN
    [InlineData("\uFF00")] // unassigned, just before the range
    [InlineData("张三")]
    [InlineData("\uFF61")] // HALFWIDTH IDEOGRAPHIC FULL STOP
    public void Normalize_CharactersOutsideFullWidthAsciiRange_AreKept(string input)
    {
        Assert.Equal(input, IdentifierRules.Normalize(input));
    }

    [Fact]
    public void Normalize_Null_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, IdentifierRules.Normalize(null!));
    }

    [Fact]
    public void Normalize_ThenCheck_AcceptsFullWidthIdNumberAndUscc()
    {
        Assert.Null(IdentifierRules.CheckIdNumber(IdentifierRules.Normalize("　１１０１０５１９４９１２３１００２Ｘ ")));
        Assert.Null(IdentifierRules.CheckUscc(IdentifierRules.Normalize(" ９１１０００００１００００１３４２８　")));
        Assert.Null(IdentifierRules.CheckMobile(IdentifierRules.Normalize("＋８６　１３８１２３４５６７８")));
    }

    // ================================================================= CheckIdNumber

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999 Annex A example; check character X
    [InlineData("110105194912310011")] // sequence code 001: check character 1 (computed by hand)
    [InlineData("110105194912310038")] // sequence code 003: check character 8 (computed by hand)
    public void CheckIdNumber_PublishedAndHandComputedNumbers_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckIdNumber(v));
    }

    [Fact]
    public void CheckIdNumber_ValidNumberWithCheckCharX_ReturnsNull()
    {
        const string v = "11010519491231002X";
        Assert.Equal('X', IdCheckChar(v[..17])); // the helper agrees the check character really is X
        Assert.Null(IdentifierRules.CheckIdNumber(v));
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("44030120000229123")] // leap day 2000
    [InlineData("65010219000101000")] // lower bound of the date window
    [InlineData("91000021001231999")] // upper bound of the date window, area 91
    [InlineData("83000019870705555")] // area 83
    [InlineData("71000019991111333")] // area 71
    [InlineData("81000020040229444")] // area 81, leap day 2004
    [InlineData("82000019800131777")] // area 82
    public void CheckIdNumber_BodyWithIndependentlyComputedCheck_ReturnsNull(string body)
    {
        Assert.Null(IdentifierRules.CheckIdNumber(body + IdCheckChar(body)));
    }

    [Fact]
    public void CheckIdNumber_EveryValidProvinceCode_ReturnsNull()
    {
        int[] provinces =
        [
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
        ];
        foreach (var p in provinces)
        {
            var body = p.ToString("00", CultureInfo.InvariantCulture) + "010219850615123";
            Assert.Null(IdentifierRules.CheckIdNumber(body + IdCheckChar(body)));
        }
    }

    [Theory]
    [InlineData("110105194912310011")]
    [InlineData("11010519491231002X")]
    public void CheckIdNumber_WrongCheckDigit_ReturnsChecksum(string valid)
    {
        Assert.Null(IdentifierRules.CheckIdNumber(valid));
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        Assert.Equal("field.idnumber.checksum", IdentifierRules.CheckIdNumber(wrong));
    }

    [Theory]
    [InlineData("110105194912310022")]
    [InlineData("110105194912310020")]
    [InlineData("11010519491231002" + "9")]
    public void CheckIdNumber_WrongCheckCharacter_ReturnsChecksum(string v)
    {
        Assert.Equal("field.idnumber.checksum", IdentifierRules.CheckIdNumber(v));
    }

    [Fact]
    public void CheckIdNumber_AnySingleDigitChangeInSequenceCode_ReturnsChecksum()
    {
        // MOD 11-2 catches every single-digit substitution; positions 15–17 are outside area and date.
        const string valid = "11010519491231002X";
        for (var pos = 14; pos < 17; pos++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[pos])
                {
                    continue;
                }

                var mutated = valid[..pos] + d + valid[(pos + 1)..];
                Assert.Equal("field.idnumber.checksum", IdentifierRules.CheckIdNumber(mutated));
            }
        }
    }

    [Theory]
    [InlineData("11010519990230123")] // 30 February
    [InlineData("11010519000229123")] // 1900 is not a leap year
    [InlineData("11010521000229123")] // 2100 is not a leap year
    [InlineData("11010519991301123")] // month 13
    [InlineData("11010519990001123")] // month 00
    [InlineData("11010519990100123")] // day 00
    [InlineData("11010519990431123")] // 31 April
    [InlineData("11010518991231123")] // before 1900-01-01
    [InlineData("11010521010101123")] // after 2100-12-31
    public void CheckIdNumber_InvalidBirthDate_ReturnsBirthdate(string body)
    {
        // The check character is correct, so only the date can be at fault.
        Assert.Equal("field.idnumber.birthdate", IdentifierRules.CheckIdNumber(body + IdCheckChar(body)));
    }

    [Fact]
    public void CheckIdNumber_StandardExampleBornIn1880_ReturnsBirthdateBecauseOfWindow()
    {
        // GB 11643-1999 Annex A example: checksum is right, but 1880 is outside the 1900–2100 window.
        Assert.Equal('4', IdCheckChar("44052418800101001"));
        Assert.Equal("field.idnumber.birthdate", IdentifierRules.CheckIdNumber("440524188001010014"));
    }

    [Theory]
    [InlineData("00010519491231002")]
    [InlineData("10010519491231002")]
    [InlineData("16010519491231002")]
    [InlineData("24010519491231002")]
    [InlineData("38010519491231002")]
    [InlineData("47010519491231002")]
    [InlineData("55010519491231002")]
    [InlineData("66010519491231002")]
    [InlineData("72010519491231002")]
    [InlineData("84010519491231002")]
    [InlineData("90010519491231002")]
    [InlineData("99010519491231002")]
    public void CheckIdNumber_UnknownProvinceCode_ReturnsArea(string body)
    {
        Assert.Equal("field.idnumber.area", IdentifierRules.CheckIdNumber(body + IdCheckChar(body)));
    }

    [Fact]
    public void CheckIdNumber_BadAreaAndBadDate_ReportsAreaFirst()
    {
        Assert.Equal("field.idnumber.area", IdentifierRules.CheckIdNumber("990105199902301230"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002x")] // lowercase x is not accepted
    [InlineData("110105491231002")] // 15-digit first-generation number
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("11010519491231002XX")] // 19 characters
    [InlineData("1101051949123100XX")] // X outside the check position
    [InlineData("11010519491231002Y")]
    [InlineData("1101051949-231002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width digits, not normalised
    [InlineData("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X")] // Arabic-Indic digits
    [InlineData(" 1010519491231002X")]
    public void CheckIdNumber_WrongLengthOrCharacters_ReturnsFormat(string v)
    {
        Assert.Equal("field.idnumber.format", IdentifierRules.CheckIdNumber(v));
    }

    [Fact]
    public void CheckIdNumber_Null_ReturnsFormat()
    {
        Assert.Equal("field.idnumber.format", IdentifierRules.CheckIdNumber(null!));
    }

    // ================================================================= CheckUscc

    // Codes published by the holders themselves or on official documents; each was also checked against the
    // helpers below (final MOD 31 character and GB 11714 organisation-code check both hold).
    [Theory]
    [InlineData("911000001000013428")] // Bank of China Ltd (serialNumber in the www.boc.cn EV certificate)
    [InlineData("91100000100003962T")] // Industrial and Commercial Bank of China Ltd
    [InlineData("914403001922038216")] // Huawei Technologies Co., Ltd.
    [InlineData("9144030071526726XG")] // Tencent Technology (Shenzhen) Co., Ltd.; org-code check X
    [InlineData("91330100716105852F")] // Alibaba (China) Network Technology Co., Ltd.
    [InlineData("91440000100017600N")] // China Southern Airlines Co., Ltd.
    [InlineData("913100007416029816")] // China Eastern Airlines Co., Ltd.
    public void CheckUscc_PublishedRealCodes_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckUscc(v));
    }

    [Theory]
    [InlineData("911000001000013428")]
    [InlineData("91100000100003962T")]
    [InlineData("914403001922038216")]
    [InlineData("9144030071526726XG")]
    [InlineData("91330100716105852F")]
    [InlineData("91440000100017600N")]
    [InlineData("913100007416029816")]
    public void UsccHelpers_ReproducePublishedCheckCharacters(string v)
    {
        // Cross-checks the test's own reference implementation against real codes before it is trusted below.
        Assert.Equal(v[17], UsccCheckChar(v[..17]));
        Assert.Equal(v[16], OrgCheckChar(v[8..16]));
    }

    [Theory]
    [InlineData("91", "110108", "MA01ABCD")]
    [InlineData("52", "320500", "50712345")]
    [InlineData("12", "100000", "40000000")]
    [InlineData("Y1", "440300", "MAKQ1R2T")]
    [InlineData("93", "510104", "MA7NKWHA")]
    public void CheckUscc_GeneratedWithReferenceAlgorithm_ReturnsNull(string authorityAndType, string area, string org8)
    {
        Assert.Null(IdentifierRules.CheckUscc(BuildUscc(authorityAndType + area + org8 + OrgCheckChar(org8))));
    }

    [Fact]
    public void CheckUscc_ManyGeneratedCodes_AreValidAndEverySingleSubstitutionIsCaught()
    {
        var rng = new Random(32100);
        for (var n = 0; n < 200; n++)
        {
            var org8 = string.Concat(Enumerable.Range(0, 8).Select(_ => TestUsccAlphabet[rng.Next(TestUsccAlphabet.Length)]));
            var code = BuildUscc("91" + "310000" + org8 + OrgCheckChar(org8));
            Assert.Null(IdentifierRules.CheckUscc(code));

            var pos = rng.Next(18);
            var replacement = TestUsccAlphabet[rng.Next(TestUsccAlphabet.Length)];
            if (replacement == code[pos])
            {
                continue;
            }

            var mutated = code[..pos] + replacement + code[(pos + 1)..];
            Assert.Equal("field.uscc.checksum", IdentifierRules.CheckUscc(mutated));
        }
    }

    [Theory]
    [InlineData("911000001000013428", '9')]
    [InlineData("91100000100003962T", 'A')]
    [InlineData("914403001922038216", '7')]
    [InlineData("9144030071526726XG", 'H')]
    [InlineData("91330100716105852F", '0')]
    public void CheckUscc_WrongFinalChar_ReturnsChecksum(string valid, char wrong)
    {
        Assert.NotEqual(valid[17], wrong);
        Assert.Equal("field.uscc.checksum", IdentifierRules.CheckUscc(valid[..17] + wrong));
    }

    [Theory]
    [InlineData("911000001000013428", 16, '3')] // org-code check 2 -> 3
    [InlineData("9144030071526726XG", 16, '0')] // org-code check X -> 0
    [InlineData("914403001922038216", 16, 'X')] // org-code check 1 -> X
    [InlineData("91330100716105852F", 9, '2')] // org-code body changed, its check character left alone
    public void CheckUscc_RightFinalChecksumButWrongOrgCodeCheck_ReturnsOrgcode(string valid, int pos, char replacement)
    {
        var first17 = valid[..pos] + replacement + valid[(pos + 1)..17];
        Assert.NotEqual(first17[16], OrgCheckChar(first17[8..16])); // the org-code check really is wrong
        var code = first17 + UsccCheckChar(first17); // final check made right by the independent helper
        Assert.Equal("field.uscc.orgcode", IdentifierRules.CheckUscc(code));
    }

    [Fact]
    public void CheckUscc_OrgCodeAndFinalCheckBothWrong_ReturnsChecksumFirst()
    {
        const string first17 = "91100000100001343"; // Bank of China with the org-code check changed 2 -> 3
        var wrongFinal = UsccCheckChar(first17) == '0' ? '1' : '0';
        Assert.Equal("field.uscc.checksum", IdentifierRules.CheckUscc(first17 + wrongFinal));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void CheckUscc_ForbiddenLetter_ReturnsFormat(char forbidden)
    {
        // Placed in the organisation code and also as the final character.
        Assert.Equal("field.uscc.format", IdentifierRules.CheckUscc("91100000" + forbidden + "00003962T"));
        Assert.Equal("field.uscc.format", IdentifierRules.CheckUscc("91100000100003962" + forbidden));
    }

    [Theory]
    [InlineData("")]
    [InlineData("91100000100003962")] // 17 characters
    [InlineData("91100000100003962TT")] // 19 characters
    [InlineData("91100000100003962t")] // lowercase
    [InlineData("9110000010000396-T")]
    [InlineData("91100000 00003962T")]
    [InlineData("９１１０００００１００００３９６２Ｔ")] // full-width, not normalised
    [InlineData("911000001000013428\n")]
    public void CheckUscc_WrongLengthOrCharacters_ReturnsFormat(string v)
    {
        Assert.Equal("field.uscc.format", IdentifierRules.CheckUscc(v));
    }

    [Fact]
    public void CheckUscc_Null_ReturnsFormat()
    {
        Assert.Equal("field.uscc.format", IdentifierRules.CheckUscc(null!));
    }

    // ================================================================= CheckAirlineCode

    [Theory]
    [InlineData("CA")]
    [InlineData("MU")]
    [InlineData("CZ")]
    [InlineData("3U")]
    [InlineData("9C")]
    [InlineData("CX")]
    [InlineData("NX")]
    [InlineData("CI")]
    [InlineData("G5")]
    public void CheckAirlineCode_TwoCharacterDesignator_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckAirlineCode(v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C")]
    [InlineData("CAA")] // ICAO three-letter code, not IATA
    [InlineData("12")] // both digits
    [InlineData("00")]
    [InlineData("ca")]
    [InlineData("Ca")]
    [InlineData("C-")]
    [InlineData("C ")]
    [InlineData("ＣＡ")] // full-width, not normalised
    [InlineData("ÇA")]
    public void CheckAirlineCode_NotTwoUpperAlnumOrBothDigits_ReturnsFormat(string v)
    {
        Assert.Equal("field.airline.format", IdentifierRules.CheckAirlineCode(v));
    }

    [Fact]
    public void CheckAirlineCode_Null_ReturnsFormat()
    {
        Assert.Equal("field.airline.format", IdentifierRules.CheckAirlineCode(null!));
    }

    // ================================================================= CheckPassport

    [Theory]
    [InlineData("E12345678")] // Chinese ordinary passport, E series
    [InlineData("G12345678")] // Chinese ordinary passport, G series
    [InlineData("EA1234567")]
    [InlineData("123456789")] // digits only is allowed
    [InlineData("X1234")] // 5 characters, the minimum
    [InlineData("A1234567890123456789")] // 20 characters, the maximum
    [InlineData("C01X00T47")] // German style alphanumeric
    public void CheckPassport_UpperAlnumWithDigit_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckPassport(v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("E123")] // 4 characters
    [InlineData("A12345678901234567890")] // 21 characters
    [InlineData("ABCDEFGH")] // no digit
    [InlineData("e12345678")] // lowercase
    [InlineData("E1234-5678")]
    [InlineData("E 12345678")]
    [InlineData("Ｅ１２３４５６７８")] // full-width, not normalised
    [InlineData("护照12345")]
    public void CheckPassport_BadLengthCharactersOrNoDigit_ReturnsFormat(string v)
    {
        Assert.Equal("field.passport.format", IdentifierRules.CheckPassport(v));
    }

    [Fact]
    public void CheckPassport_Null_ReturnsFormat()
    {
        Assert.Equal("field.passport.format", IdentifierRules.CheckPassport(null!));
    }

    // ================================================================= CheckLicence

    [Theory]
    [InlineData("ABC")] // 3 characters, the minimum
    [InlineData("123")]
    [InlineData("DL 2019/0042")]
    [InlineData("No. 123-456 (A)")]
    [InlineData("lic-7/b.2")]
    [InlineData("粤A12345")]
    [InlineData("执照号")] // CJK ideographs count as letters
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十")] // 40, the maximum
    [InlineData("鿿鿿1")] // U+9FFF, top of the range
    public void CheckLicence_AllowedCharactersWithLetterOrDigit_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckLicence(v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB")] // 2 characters
    [InlineData("12345678901234567890123456789012345678901")] // 41 characters
    [InlineData("---")] // no letter or digit
    [InlineData("( )")]
    [InlineData("./-")]
    [InlineData("ABC_123")] // underscore not allowed
    [InlineData("ABC#1")]
    [InlineData("abc\t1")]
    [InlineData("Ä123")] // Latin letter outside A–Z
    [InlineData("ABC（1）")] // full-width parentheses, not normalised
    [InlineData("가나다")] // Hangul is outside U+4E00–U+9FFF
    [InlineData("㐀㐀1")] // U+3400 (CJK Extension A) is outside the range
    public void CheckLicence_BadLengthCharactersOrNoLetterOrDigit_ReturnsFormat(string v)
    {
        Assert.Equal("field.licence.format", IdentifierRules.CheckLicence(v));
    }

    [Fact]
    public void CheckLicence_Null_ReturnsFormat()
    {
        Assert.Equal("field.licence.format", IdentifierRules.CheckLicence(null!));
    }

    // ================================================================= CheckMobile

    [Theory]
    [InlineData("13812345678")]
    [InlineData("19912345678")]
    [InlineData("16600000000")]
    [InlineData("+8613812345678")]
    [InlineData("8613812345678")]
    [InlineData("+86 13812345678")]
    [InlineData("+86-13812345678")]
    [InlineData("86 15912345678")]
    [InlineData("86-17712345678")]
    public void CheckMobile_ElevenDigitsWithOptionalCountryCode_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckMobile(v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12812345678")] // second digit 2
    [InlineData("10012345678")]
    [InlineData("23812345678")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("+86  13812345678")] // two separators
    [InlineData("+8713812345678")]
    [InlineData("+86 + 13812345678")]
    [InlineData("138-1234-5678")]
    [InlineData("13812345678\n")]
    [InlineData("１３８１２３４５６７８")] // full-width digits, not normalised
    [InlineData("١٣٨١٢٣٤٥٦٧٨")] // Arabic-Indic digits
    [InlineData("029-88888888")] // a landline is not a mobile
    public void CheckMobile_NotAMainlandMobile_ReturnsFormat(string v)
    {
        Assert.Equal("field.mobile.format", IdentifierRules.CheckMobile(v));
    }

    [Fact]
    public void CheckMobile_Null_ReturnsFormat()
    {
        Assert.Equal("field.mobile.format", IdentifierRules.CheckMobile(null!));
    }

    // ================================================================= CheckPhone

    [Theory]
    [InlineData("029-88888888")]
    [InlineData("02988888888")]
    [InlineData("010-12345678-123")]
    [InlineData("010 1234567")]
    [InlineData("0755-8888888转123")]
    [InlineData("0991-1234567-1")]
    [InlineData("021-12345678-123456")] // 6-digit extension, the maximum
    [InlineData("400-810-1111")]
    [InlineData("4008101111")]
    [InlineData("400 810 1111")]
    [InlineData("13812345678")] // a mobile is a phone too
    [InlineData("+86 13812345678")]
    public void CheckPhone_LandlineMobileOr400_ReturnsNull(string v)
    {
        Assert.Null(IdentifierRules.CheckPhone(v));
    }

    [Theory]
    [InlineData("")]
    [InlineData("29-88888888")] // no leading 0
    [InlineData("001-12345678")] // 00 is the international prefix, not an area code
    [InlineData("029-888888")] // 6-digit local number
    [InlineData("029-888888888")] // 9-digit local number
    [InlineData("010-12345678-1234567")] // 7-digit extension
    [InlineData("010-12345678转")] // extension marker without digits
    [InlineData("010-12345678 123")] // extension must be introduced by - or 转
    [InlineData("010--12345678")]
    [InlineData("400-810-111")]
    [InlineData("800-810-1111")]
    [InlineData("12812345678")]
    [InlineData("abc")]
    [InlineData("029-88888888\n")]
    [InlineData("０２９－８８８８８８８８")] // full-width, not normalised
    public void CheckPhone_NeitherLandlineMobileNor400_ReturnsFormat(string v)
    {
        Assert.Equal("field.phone.format", IdentifierRules.CheckPhone(v));
    }

    [Fact]
    public void CheckPhone_Null_ReturnsFormat()
    {
        Assert.Equal("field.phone.format", IdentifierRules.CheckPhone(null!));
    }

    // ================================================================= independent reference helpers

    /// <summary>GB 11643-1999 check character for a 17-digit body, with weights derived as 2^(17-i) mod 11.</summary>
    private static char IdCheckChar(string body17)
    {
        Assert.Equal(17, body17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = PowMod(2, 17 - i, 11);
            sum += (body17[i] - '0') * weight;
        }

        // Choose c so that sum + c ≡ 1 (mod 11); 10 is written X.
        var c = ((1 - sum) % 11 + 11) % 11;
        return c == 10 ? 'X' : (char)('0' + c);
    }

    private const string TestUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015 final check character for 17 characters, with weights derived as 3^i mod 31.</summary>
    private static char UsccCheckChar(string first17)
    {
        Assert.Equal(17, first17.Length);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = TestUsccAlphabet.IndexOf(first17[i], StringComparison.Ordinal);
            Assert.True(value >= 0, $"'{first17[i]}' is not in the GB 32100 alphabet");
            sum += value * PowMod(3, i, 31);
        }

        // Choose c so that sum + c ≡ 0 (mod 31).
        return TestUsccAlphabet[((-sum % 31) + 31) % 31];
    }

    /// <summary>GB 11714 organisation-code check character for 8 characters, with weights derived as 2^(9-i) mod 11.</summary>
    private static char OrgCheckChar(string org8)
    {
        Assert.Equal(8, org8.Length);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var ch = org8[i];
            var value = char.IsAsciiDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * PowMod(2, 8 - i, 11);
        }

        var c = 11 - (sum % 11);
        return c switch { 10 => 'X', 11 => '0', _ => (char)('0' + c) };
    }

    private static string BuildUscc(string first17) => first17 + UsccCheckChar(first17);

    private static int PowMod(int b, int e, int m)
    {
        var r = 1;
        for (var i = 0; i < e; i++)
        {
            r = r * b % m;
        }

        return r;
    }
}
