using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Orders certificates from a leaf towards its root, by name and verified issuer signature.</summary>
internal static class CertificateChains
{
    private const int MaxLength = 10;

    /// <summary>The leaf, then each issuer found in <paramref name="pool"/>; certificates outside the chain are
    /// dropped.</summary>
    public static IReadOnlyList<X509Certificate> Order(X509Certificate leaf, IEnumerable<X509Certificate> pool)
    {
        var candidates = pool.Where(c => !c.Equals(leaf)).Distinct().ToList();
        var chain = new List<X509Certificate> { leaf };
        var current = leaf;
        while (chain.Count < MaxLength && !IsSelfIssued(current))
        {
            var issuer = candidates.FirstOrDefault(c => !chain.Contains(c) && IsIssuedBy(current, c));
            if (issuer is null) break;
            chain.Add(issuer);
            current = issuer;
        }
        return chain;
    }

    public static bool IsSelfIssued(X509Certificate certificate) =>
        certificate.SubjectDN.Equivalent(certificate.IssuerDN);

    /// <summary>True if <paramref name="issuer"/>'s subject is <paramref name="certificate"/>'s issuer and its key
    /// verifies the certificate's signature (RFC 5280 §6.1.3 (a)(1), (a)(4)).</summary>
    public static bool IsIssuedBy(X509Certificate certificate, X509Certificate issuer)
    {
        if (!certificate.IssuerDN.Equivalent(issuer.SubjectDN)) return false;
        try
        {
            return certificate.IsSignatureValid(issuer.GetPublicKey());
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException
            or Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SecurityUtilityException)
        {
            return false;
        }
    }
}
