using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>What <see cref="CadesVerifier"/> found. Every failed check adds a code from <see cref="CadesProblems"/>
/// to <see cref="Problems"/>.</summary>
/// <param name="SignatureValid">The signature verifies over the signed attributes with the signer's key and the
/// message-digest attribute matches the signed bytes.</param>
/// <param name="DigestMatches">The message-digest attribute equals the digest of the signed bytes.</param>
/// <param name="Signer">The signer's certificate from the CMS, if found.</param>
/// <param name="SignerSubject">The signer's subject, RFC 4514 order, Chinese kept; "" when unknown.</param>
/// <param name="ChainValid">The signer chains to a trust anchor, every certificate valid at the time used and the
/// signer's key usage allowing signatures.</param>
/// <param name="ChainProblem">Why the chain is not valid, in English, for logs and evidence.</param>
/// <param name="HasSigningCertificateV2">signing-certificate-v2 is present and names the signer's certificate.</param>
/// <param name="Timestamp">The signature time-stamp, if any.</param>
/// <param name="Problems">Problem codes, empty when everything checks out.</param>
public sealed record CadesVerification(
    bool SignatureValid,
    bool DigestMatches,
    X509Certificate? Signer,
    string SignerSubject,
    bool ChainValid,
    string? ChainProblem,
    bool HasSigningCertificateV2,
    TimestampInfo? Timestamp,
    IReadOnlyList<string> Problems)
{
    /// <summary>No problem at all: a trusted PAdES B-T signature over unchanged bytes.</summary>
    public bool IsValid => Problems.Count == 0;
}
