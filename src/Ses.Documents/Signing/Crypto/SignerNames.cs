using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;
using Ses.Documents.Templates;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// Whether a signing certificate belongs to a bureau: its subject's O or CN contains the bureau's name or its seal
/// text. A signature's seal, its signer certificate and its bureau must agree (电子签名法第十三条: signing data under
/// the signer's sole control) — a document of one bureau is never signed with another's key.
/// </summary>
public static class SignerNames
{
    public static bool Names(X509Certificate certificate, string bureauName, string? sealText = null) =>
        OrganisationAndCommonNames(certificate).Any(v => Contains(v, bureauName) || (!string.IsNullOrWhiteSpace(sealText) && Contains(v, sealText)));

    /// <summary>The organisational units (OU) of the certificate's subject: a sealing unit's certificate has one, a bureau's none.</summary>
    public static IReadOnlyList<string> Units(X509Certificate certificate) => [.. certificate.SubjectDN.GetValueList(X509Name.OU)];

    /// <summary>Whether a certificate is the bureau's own: it names the bureau and no unit of it (no OU).</summary>
    public static bool IsBureaus(X509Certificate certificate, BureauProfile bureau) =>
        Names(certificate, bureau.Name, bureau.SealText) && Units(certificate).Count == 0 && !NamesAUnit(certificate, bureau);

    /// <summary>
    /// Whether the subject's O or CN names one of the bureau's units (a department's certificate issued without an OU,
    /// e.g. CN 中国民用航空西北地区管理局运输管理处): such a key never signs as the bureau.
    /// </summary>
    private static bool NamesAUnit(X509Certificate certificate, BureauProfile bureau)
    {
        var values = OrganisationAndCommonNames(certificate);
        return (bureau.Units ?? []).Any(u => values.Any(v => Contains(v, u.Name) || Contains(v, u.SealText) || Contains(v, SealingUnit.ShortName(u.SealText))));
    }

    /// <summary>The subject's O and CN values, where a certificate names its organisation.</summary>
    private static List<string> OrganisationAndCommonNames(X509Certificate certificate) =>
        [.. certificate.SubjectDN.GetValueList(X509Name.O), .. certificate.SubjectDN.GetValueList(X509Name.CN)];

    /// <summary>
    /// Whether a certificate is a sealing unit's: it names the bureau (O or CN, by name or legal name) and the unit (its
    /// only OU, its name exactly), so a unit's seal is never signed with the bureau's key or another unit's. The one check,
    /// when the engine seals and when the service takes a configured unit key.
    /// </summary>
    public static bool NamesUnit(X509Certificate certificate, BureauProfile bureau, SealingUnit unit) =>
        Names(certificate, bureau.Name, bureau.SealText) && Units(certificate) is [var ou] && ou.Trim() == unit.Name.Trim();

    private static bool Contains(string value, string name) =>
        !string.IsNullOrWhiteSpace(name) && value.Contains(name.Trim(), StringComparison.Ordinal);
}
