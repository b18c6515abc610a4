namespace Ses.Documents.Signing.Crypto;

/// <summary>The signature time-stamp of a CAdES signature as found by <see cref="CadesVerifier"/>.</summary>
/// <param name="Time">genTime of the token.</param>
/// <param name="Authority">Subject of the TSA certificate (RFC 4514), or "" when the token carries none.</param>
/// <param name="ImprintMatches">The token's imprint is the digest of the SignerInfo's signature value
/// (RFC 3161 Appendix A).</param>
/// <param name="TokenValid">The token's signature verifies with the TSA certificate it carries, valid at genTime,
/// and that certificate has a critical id-kp-timeStamping extended key usage (RFC 3161 §2.3).</param>
/// <param name="TsaChainValid">The TSA certificate chains to one of the trust anchors, valid at genTime.</param>
public sealed record TimestampInfo(
    DateTimeOffset Time,
    string Authority,
    bool ImprintMatches,
    bool TokenValid,
    bool TsaChainValid);
