namespace Ses.Documents.Signing.Crypto;

/// <summary>Stable problem codes reported by <see cref="CadesVerifier"/>; the host maps them to messages.</summary>
public static class CadesProblems
{
    /// <summary>Not a DER/BER CMS SignedData with one signer and signed attributes including message-digest.</summary>
    public const string Malformed = "signature.malformed";
    public const string SignerCertificateMissing = "signature.signer-certificate-missing";
    /// <summary>Digest or signature algorithm outside SHA-256/384/512 with RSA PKCS#1 v1.5 or ECDSA.</summary>
    public const string UnsupportedAlgorithm = "signature.unsupported-algorithm";
    /// <summary>The signed bytes changed: message-digest differs from their digest (RFC 5652 §5.6).</summary>
    public const string DigestMismatch = "signature.digest-mismatch";
    /// <summary>The signature value does not verify over the signed attributes with the signer's key.</summary>
    public const string Invalid = "signature.invalid";
    /// <summary>PAdES baseline forbids the CMS signing-time attribute (ETSI EN 319 142-1 §6.3).</summary>
    public const string SigningTimePresent = "signature.signing-time-present";
    public const string ChainUntrusted = "chain.untrusted";
    public const string ChainExpired = "chain.expired";
    public const string ChainNotYetValid = "chain.not-yet-valid";
    /// <summary>Neither a trusted time-stamp nor a validation time: certificate validity could not be judged.</summary>
    public const string ChainTimeUnknown = "chain.time-unknown";
    /// <summary>The signer's keyUsage has neither digitalSignature nor nonRepudiation (RFC 5280 §4.2.1.3).</summary>
    public const string ChainKeyUsage = "chain.key-usage";
    public const string SigningCertificateV2Missing = "signing-certificate-v2.missing";
    public const string SigningCertificateV2Mismatch = "signing-certificate-v2.mismatch";
    public const string TimestampMissing = "timestamp.missing";
    /// <summary>The token is malformed, its signature fails, or its certificate is no proper TSA certificate.</summary>
    public const string TimestampInvalid = "timestamp.invalid";
    public const string TimestampImprintMismatch = "timestamp.imprint-mismatch";
    /// <summary>The TSA certificate does not chain to a trust anchor.</summary>
    public const string TimestampUntrusted = "timestamp.untrusted";
}
