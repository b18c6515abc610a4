using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Rules for a time-stamping authority's certificate.</summary>
internal static class TsaCertificates
{
    /// <summary>RFC 3161 §2.3: the certificate carries exactly one extended key usage, id-kp-timeStamping, in an
    /// extension marked critical.</summary>
    public static bool HasCriticalTimeStampingUsage(X509Certificate certificate)
    {
        var critical = certificate.GetCriticalExtensionOids();
        if (critical is null || !critical.Contains(X509Extensions.ExtendedKeyUsage.Id)) return false;
        var usages = certificate.GetExtendedKeyUsage();
        return usages is { Count: 1 } && usages[0].Equals(KeyPurposeID.id_kp_timeStamping);
    }

    /// <summary>The certificates a token should carry: the TSA's own and any intermediates, but not a self-signed
    /// root, which a relying party must take from its own trust store.</summary>
    public static IEnumerable<X509Certificate> ForToken(IReadOnlyList<X509Certificate> chain) =>
        chain.Where((c, i) => i == 0 || !CertificateChains.IsSelfIssued(c));
}
