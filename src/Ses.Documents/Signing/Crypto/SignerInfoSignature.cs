using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Checks the signature value of a SignerInfo over its DER signed attributes (RFC 5652 §5.4), apart from
/// the message-digest comparison, so a verifier can tell a changed document from a forged signature.</summary>
internal static class SignerInfoSignature
{
    private static readonly HashSet<string> RsaOids =
    [
        PkcsObjectIdentifiers.RsaEncryption.Id, PkcsObjectIdentifiers.Sha256WithRsaEncryption.Id,
        PkcsObjectIdentifiers.Sha384WithRsaEncryption.Id, PkcsObjectIdentifiers.Sha512WithRsaEncryption.Id,
    ];

    private static readonly HashSet<string> EcdsaOids =
    [
        X9ObjectIdentifiers.IdECPublicKey.Id, X9ObjectIdentifiers.ECDsaWithSha256.Id,
        X9ObjectIdentifiers.ECDsaWithSha384.Id, X9ObjectIdentifiers.ECDsaWithSha512.Id,
    ];

    /// <summary>The BouncyCastle signer name, e.g. "SHA256WITHRSA", or null for an algorithm this product does not
    /// accept (RSASSA-PSS, DSA, SHA-1 and weaker digests among them).</summary>
    public static string? AlgorithmName(SignerInformation signer)
    {
        var digest = DigestName(signer.DigestAlgorithmID.Algorithm.Id);
        if (digest is null) return null;
        var signature = signer.SignatureAlgorithm.Algorithm.Id;
        if (RsaOids.Contains(signature)) return digest + "WITHRSA";
        if (EcdsaOids.Contains(signature)) return digest + "WITHECDSA";
        return null;
    }

    /// <summary>SHA-2 digests only (ETSI TS 119 312 no longer accepts SHA-1 for signatures).</summary>
    public static string? DigestName(string oid) => oid switch
    {
        "2.16.840.1.101.3.4.2.1" => "SHA256",
        "2.16.840.1.101.3.4.2.2" => "SHA384",
        "2.16.840.1.101.3.4.2.3" => "SHA512",
        _ => null,
    };

    /// <summary>True if the signature value verifies over the DER signed attributes with the certificate's key.
    /// False for a wrong signature, key type or unsupported algorithm.</summary>
    public static bool Verifies(SignerInformation signer, X509Certificate certificate)
    {
        var name = AlgorithmName(signer);
        var signedAttributes = signer.GetEncodedSignedAttributes();
        if (name is null || signedAttributes is null) return false;
        try
        {
            // RSA through the platform (OpenSSL on Linux), several times faster than the managed implementation.
            if (name.EndsWith("WITHRSA", StringComparison.Ordinal) && certificate.GetPublicKey() is RsaKeyParameters { IsPrivate: false } rsa
                && PlatformVerifies(rsa, name[..^"WITHRSA".Length], signedAttributes, signer.GetSignature()))
            {
                return true;
            }
            // OpenSSL is stricter than the managed verifier (a signature shorter than the modulus, a DigestInfo without
            // NULL parameters, unusual key sizes): its "no" is asked again here, so what verified before still does.
            var verifier = SignerUtilities.GetSigner(name);
            verifier.Init(false, certificate.GetPublicKey());
            verifier.BlockUpdate(signedAttributes, 0, signedAttributes.Length);
            return verifier.VerifySignature(signer.GetSignature());
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            return false;
        }
    }

    private static bool PlatformVerifies(RsaKeyParameters key, string digest, byte[] data, byte[] signature)
    {
        try
        {
            using var platform = System.Security.Cryptography.RSA.Create(new System.Security.Cryptography.RSAParameters
            {
                Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.Exponent.ToByteArrayUnsigned(),
            });
            return platform.VerifyData(data, signature, new HashAlgorithmName(digest), RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
