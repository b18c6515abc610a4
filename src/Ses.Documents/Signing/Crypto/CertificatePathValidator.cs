using System.Globalization;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// A small RFC 5280 §6 path check for signature verification: builds the path from a certificate to one of the
/// trust anchors through the certificates at hand, verifies every link's signature and every certificate's validity
/// at the given time. Revocation is not checked here (the PDF's DSS and the host's CRL/OCSP policy handle that).
/// </summary>
internal static class CertificatePathValidator
{
    private const int MaxDepth = 8;

    public static PathResult Validate(X509Certificate leaf, IReadOnlyCollection<X509Certificate> pool,
        IReadOnlyList<X509Certificate> anchors, DateTimeOffset? at)
    {
        var path = Build(leaf, pool, anchors, out var problem);
        if (path is null) return new PathResult(CadesProblems.ChainUntrusted, problem);
        if (at is not { } time)
        {
            return new PathResult(CadesProblems.ChainTimeUnknown,
                "No trusted time-stamp and no validation time: certificate validity was not checked.");
        }

        var instant = time.UtcDateTime;
        foreach (var certificate in path)
        {
            var subject = DistinguishedNames.ToRfc4514(certificate.SubjectDN);
            // RFC 5280 §6.1.3 (a)(2): the certificate validity period includes the time
            if (instant < certificate.NotBefore)
            {
                return new PathResult(CadesProblems.ChainNotYetValid,
                    $"'{subject}' is not valid before {Utc(certificate.NotBefore)}; time used {Utc(instant)}.");
            }

            if (instant > certificate.NotAfter)
            {
                return new PathResult(CadesProblems.ChainExpired,
                    $"'{subject}' expired {Utc(certificate.NotAfter)}; time used {Utc(instant)}.");
            }
        }
        return PathResult.Valid;
    }

    /// <summary>Leaf, issuing CAs from the pool, and the trust anchor; null when no anchor is reached.</summary>
    private static List<X509Certificate>? Build(X509Certificate leaf, IReadOnlyCollection<X509Certificate> pool,
        IReadOnlyList<X509Certificate> anchors, out string? problem)
    {
        var path = new List<X509Certificate> { leaf };
        var current = leaf;
        while (path.Count <= MaxDepth)
        {
            if (anchors.Contains(current))
            {
                problem = null;
                return path;
            }
            var anchor = anchors.FirstOrDefault(a => CertificateChains.IsIssuedBy(current, a));
            if (anchor is not null)
            {
                path.Add(anchor);
                problem = null;
                return path;
            }
            var next = pool.FirstOrDefault(c => !path.Contains(c) && IsCa(c) && CertificateChains.IsIssuedBy(current, c));
            if (next is null)
            {
                var subject = DistinguishedNames.ToRfc4514(current.SubjectDN);
                problem = CertificateChains.IsSelfIssued(current)
                    ? $"The chain ends at '{subject}', which is not a trust anchor."
                    : $"No certificate or trust anchor issued '{subject}' (issuer " +
                      $"'{DistinguishedNames.ToRfc4514(current.IssuerDN)}').";
                return null;
            }
            path.Add(next);
            current = next;
        }
        problem = $"The chain is longer than {MaxDepth} certificates.";
        return null;
    }

    /// <summary>RFC 5280 §6.1.4 (k), (n): an intermediate must be a CA allowed to sign certificates.</summary>
    private static bool IsCa(X509Certificate certificate)
    {
        var keyUsage = certificate.GetKeyUsage();
        return certificate.GetBasicConstraints() >= 0 && (keyUsage is null || keyUsage[5]);
    }

    private static string Utc(DateTime instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
