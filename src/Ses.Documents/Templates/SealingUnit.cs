namespace Ses.Documents.Templates;

/// <summary>
/// A unit of a bureau that seals its own documents (<c>"units"</c> in the bureau's profile): a department of the
/// bureau (局机关部门) or a supervision office (监管局). The collecting unit seals the collection form (采集单位（盖章）)
/// and the department the transfer slip (XX处（盖章）); the bureau itself seals notices and decisions.
/// </summary>
/// <param name="Id">ASCII key, unique in the bureau, e.g. <c>transport</c>; it names the unit's signing key file.</param>
/// <param name="Name">The name people use, e.g. 运输管理处.</param>
/// <param name="SealText">The full legal name on the unit's seal, e.g. 中国民用航空西北地区管理局运输管理处.</param>
public sealed record SealingUnit(string Id, string Name, string SealText)
{
    private const string LegalPrefix = "中国民用航空";
    private const string ShortPrefix = "民航";

    /// <summary>
    /// Whether a form names this unit: by its name, its seal text, or its seal text with 中国民用航空 shortened to 民航
    /// (民航西北地区管理局运输管理处, 民航甘肃安全监督管理局).
    /// </summary>
    public bool IsNamedBy(string value)
    {
        var v = value.Trim();
        return v == Name || v == SealText || v == ShortName(SealText);
    }

    /// <summary>A legal name with 中国民用航空 shortened to 民航, as it is usually written.</summary>
    public static string ShortName(string legalName) =>
        legalName.StartsWith(LegalPrefix, StringComparison.Ordinal) ? ShortPrefix + legalName[LegalPrefix.Length..] : legalName;
}
