using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Checks that the signing-certificate-v2 attribute names the signer's certificate (RFC 5035 §3;
/// ETSI EN 319 122-1 §5.2.2.3), which stops a substitution of a certificate with the same key.</summary>
internal static class SigningCertificateV2Check
{
    /// <summary>Null when it matches, otherwise the problem code.</summary>
    public static string? Problem(SignerInformation signer, X509Certificate? certificate)
    {
        var attribute = signer.SignedAttributes?[PkcsObjectIdentifiers.IdAASigningCertificateV2];
        if (attribute is null) return CadesProblems.SigningCertificateV2Missing;
        if (certificate is null) return CadesProblems.SigningCertificateV2Mismatch;
        try
        {
            // RFC 5035 §3: the first ESSCertIDv2 identifies the signer's certificate
            var certId = SigningCertificateV2.GetInstance(attribute.AttrValues[0]).GetCerts()[0];
            var digestName = SignerInfoSignature.DigestName(certId.HashAlgorithm.Algorithm.Id);
            if (digestName is null) return CadesProblems.SigningCertificateV2Mismatch;
            var hash = CryptographicOperations.HashData(new HashAlgorithmName(digestName), certificate.GetEncoded());
            if (!hash.AsSpan().SequenceEqual(certId.GetCertHash())) return CadesProblems.SigningCertificateV2Mismatch;
            if (certId.IssuerSerial is { } issuerSerial && !Names(issuerSerial, certificate))
                return CadesProblems.SigningCertificateV2Mismatch;
            return null;
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            return CadesProblems.SigningCertificateV2Mismatch;
        }
    }

    private static bool Names(IssuerSerial issuerSerial, X509Certificate certificate) =>
        issuerSerial.Serial.Value.Equals(certificate.SerialNumber)
        && issuerSerial.Issuer.GetNames().Any(name => name.TagNo == GeneralName.DirectoryName
            && X509Name.GetInstance(name.Name).Equivalent(certificate.IssuerDN));
}
