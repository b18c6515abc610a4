using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// Whether a signing certificate belongs to a bureau: its subject's O or CN contains the bureau's name or its seal
/// text. A signature's seal, its signer certificate and its bureau must agree (电子签名法第十三条: signing data under
/// the signer's sole control) — a document of one bureau is never signed with another's key.
/// </summary>
public static class SignerNames
{
    public static bool Names(X509Certificate certificate, string bureauName, string? sealText = null)
    {
        var subject = certificate.SubjectDN;
        var values = subject.GetValueList(X509Name.O).Concat(subject.GetValueList(X509Name.CN)).ToList();
        return values.Any(v => Contains(v, bureauName) || (!string.IsNullOrWhiteSpace(sealText) && Contains(v, sealText)));
    }

    private static bool Contains(string value, string name) =>
        !string.IsNullOrWhiteSpace(name) && value.Contains(name.Trim(), StringComparison.Ordinal);
}
