using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Checks the id-aa-signatureTimeStampToken of a SignerInfo (RFC 3161 Appendix A;
/// ETSI EN 319 122-1 §5.3).</summary>
internal static class SignatureTimestampVerifier
{
    public static TimestampInfo? Verify(SignerInformation signer, IReadOnlyCollection<X509Certificate> cmsCertificates,
        IReadOnlyList<X509Certificate> anchors, List<string> problems)
    {
        var attribute = signer.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken];
        if (attribute is null)
        {
            problems.Add(CadesProblems.TimestampMissing); // ETSI EN 319 142-1 §6.3: B-T needs it
            return null;
        }

        TimeStampToken token;
        IReadOnlyList<X509Certificate> tokenCertificates;
        try
        {
            token = new TimeStampToken(ContentInfo.GetInstance(attribute.AttrValues[0]));
            tokenCertificates = [.. token.GetCertificates().EnumerateMatches(null)];
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            problems.Add(CadesProblems.TimestampInvalid);
            return null;
        }

        var info = token.TimeStampInfo;
        var imprintMatches = ImprintMatches(info, signer.GetSignature());
        var tsa = tokenCertificates.FirstOrDefault(c => token.SignerID.Match(c));
        var tokenValid = tsa is not null && TsaCertificates.HasCriticalTimeStampingUsage(tsa) && Validates(token, tsa);
        var genTime = new DateTimeOffset(DateTime.SpecifyKind(info.GenTime, DateTimeKind.Utc));
        var tsaChainValid = tsa is not null && CertificatePathValidator.Validate(
            tsa, [.. tokenCertificates.Concat(cmsCertificates)], anchors, genTime).IsValid;

        if (!imprintMatches) problems.Add(CadesProblems.TimestampImprintMismatch);
        if (!tokenValid) problems.Add(CadesProblems.TimestampInvalid);
        if (!tsaChainValid) problems.Add(CadesProblems.TimestampUntrusted);
        var authority = tsa is null ? "" : DistinguishedNames.ToRfc4514(tsa.SubjectDN);
        return new TimestampInfo(genTime, authority, imprintMatches, tokenValid, tsaChainValid);
    }

    /// <summary>RFC 3161 Appendix A: the imprint is the hash of the signature value, the OCTET STRING contents.</summary>
    private static bool ImprintMatches(TimeStampTokenInfo info, byte[] signatureValue)
    {
        var digestName = SignerInfoSignature.DigestName(info.MessageImprintAlgOid);
        if (digestName is null) return false;
        var expected = CryptographicOperations.HashData(new HashAlgorithmName(digestName), signatureValue);
        return CryptographicOperations.FixedTimeEquals(expected, info.GetMessageImprintDigest());
    }

    /// <summary>BouncyCastle checks the token signature, the ESS certificate id against the certificate, the
    /// certificate's validity at genTime and its extended key usage.</summary>
    private static bool Validates(TimeStampToken token, X509Certificate tsa)
    {
        try
        {
            token.Validate(tsa);
            return true;
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            return false;
        }
    }
}
