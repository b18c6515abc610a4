using System.Buffers;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Verifies a detached CAdES signature as found in a PDF signed with /SubFilter /ETSI.CAdES.detached
/// (ETSI EN 319 142-1 baseline B-B / B-T). Bad input never throws; it yields problem codes.</summary>
public static class CadesVerifier
{
    /// <param name="cmsDer">The CMS ContentInfo from the signature's /Contents, with or without its trailing zero
    /// padding.</param>
    /// <param name="signedBytes">The bytes covered by /ByteRange, read once from the current position to the end;
    /// not disposed.</param>
    /// <param name="trustAnchors">Root (or other) certificates trusted for the signer and the TSA.</param>
    /// <param name="validationTime">Time at which certificates must be valid when the signature has no trusted
    /// time-stamp; the time-stamp's genTime is used when it checks out.</param>
    public static CadesVerification Verify(byte[] cmsDer, Stream signedBytes,
        IReadOnlyList<X509Certificate> trustAnchors, DateTimeOffset? validationTime = null)
    {
        ArgumentNullException.ThrowIfNull(cmsDer);
        ArgumentNullException.ThrowIfNull(signedBytes);
        ArgumentNullException.ThrowIfNull(trustAnchors);
        if (Parse(cmsDer) is not var (signer, certificates))
        {
            return new CadesVerification(false, false, null, "", false, "The signature could not be parsed.", false,
                null, [CadesProblems.Malformed]);
        }

        var problems = new List<string>();
        var digestMatches = DigestMatches(signer, signedBytes, problems);

        var certificate = certificates.FirstOrDefault(c => signer.SignerID.Match(c));
        var signatureVerifies = certificate is not null && SignerInfoSignature.Verifies(signer, certificate);
        if (certificate is null) problems.Add(CadesProblems.SignerCertificateMissing);
        else if (!signatureVerifies && SignerInfoSignature.AlgorithmName(signer) is not null)
            problems.Add(CadesProblems.Invalid);

        var signingCertificateProblem = SigningCertificateV2Check.Problem(signer, certificate);
        if (signingCertificateProblem is not null) problems.Add(signingCertificateProblem);
        // ETSI EN 319 142-1 §6.3: PAdES baseline signatures carry no CMS signing-time
        if (signer.SignedAttributes?[CmsAttributes.SigningTime] is not null)
            problems.Add(CadesProblems.SigningTimePresent);

        var timestamp = SignatureTimestampVerifier.Verify(signer, certificates, trustAnchors, problems);
        // Certificates are judged at the time-stamp's time only when the time-stamp itself checks out
        var chainTime = timestamp is { ImprintMatches: true, TokenValid: true, TsaChainValid: true }
            ? timestamp.Time
            : validationTime;
        var chain = certificate is null
            ? new PathResult(null, "The signer's certificate is not in the signature.")
            : SignerChain(certificate, certificates, trustAnchors, chainTime);
        if (chain.Code is not null) problems.Add(chain.Code);

        return new CadesVerification(
            SignatureValid: signatureVerifies && digestMatches,
            DigestMatches: digestMatches,
            Signer: certificate,
            SignerSubject: certificate is null ? "" : DistinguishedNames.ToRfc4514(certificate.SubjectDN),
            ChainValid: certificate is not null && chain.IsValid,
            ChainProblem: chain.Description,
            HasSigningCertificateV2: signingCertificateProblem is null,
            Timestamp: timestamp,
            Problems: problems);
    }

    private static (SignerInformation Signer, IReadOnlyCollection<X509Certificate> Certificates)? Parse(byte[] cmsDer)
    {
        try
        {
            var signed = new CmsSignedData(ReadContentInfo(cmsDer));
            var signers = signed.GetSignerInfos().GetSigners();
            // ISO 32000-2 §12.8.3: one SignerInfo; RFC 5652 §5.3: signed attributes carry message-digest
            if (signers.Count != 1 || signers[0].SignedAttributes?[CmsAttributes.MessageDigest] is null) return null;
            IReadOnlyCollection<X509Certificate> certificates = [.. signed.GetCertificates().EnumerateMatches(null)];
            _ = signers[0].GetEncodedSignedAttributes();
            return (signers[0], certificates);
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            return null;
        }
    }

    /// <summary>The first BER/DER value; ISO 32000-2 §12.8.1 reserves /Contents, so the value may be followed by
    /// zero padding, but by nothing else.</summary>
    private static ContentInfo ReadContentInfo(byte[] cms)
    {
        using var stream = new MemoryStream(cms, writable: false);
        using var reader = new Asn1InputStream(stream, cms.Length);
        var value = reader.ReadObject() ?? throw new IOException("No ASN.1 value.");
        if (cms.AsSpan((int)stream.Position).ContainsAnyExcept((byte)0))
            throw new IOException("Data after the signature value.");
        return ContentInfo.GetInstance(value);
    }

    /// <summary>RFC 5652 §5.4: the message-digest attribute equals the digest of the content.</summary>
    private static bool DigestMatches(SignerInformation signer, Stream signedBytes, List<string> problems)
    {
        var digestName = SignerInfoSignature.DigestName(signer.DigestAlgorithmID.Algorithm.Id);
        if (digestName is null || SignerInfoSignature.AlgorithmName(signer) is null)
        {
            problems.Add(CadesProblems.UnsupportedAlgorithm);
            return false;
        }
        var attribute = signer.SignedAttributes[CmsAttributes.MessageDigest].AttrValues[0];
        var expected = (attribute as Asn1OctetString)?.GetOctets();
        var matches = expected is not null
            && CryptographicOperations.FixedTimeEquals(expected, Hash(new HashAlgorithmName(digestName), signedBytes));
        if (!matches) problems.Add(CadesProblems.DigestMismatch);
        return matches;
    }

    private static PathResult SignerChain(X509Certificate signer, IReadOnlyCollection<X509Certificate> pool,
        IReadOnlyList<X509Certificate> anchors, DateTimeOffset? at)
    {
        var path = CertificatePathValidator.Validate(signer, pool, anchors, at);
        if (!path.IsValid) return path;
        // RFC 5280 §4.2.1.3: a signing certificate must allow digitalSignature or nonRepudiation (contentCommitment)
        var keyUsage = signer.GetKeyUsage();
        if (keyUsage is null || !(keyUsage[0] || keyUsage[1]))
        {
            return new PathResult(CadesProblems.ChainKeyUsage,
                "The signer's certificate does not allow digitalSignature or nonRepudiation.");
        }

        return path;
    }

    private static byte[] Hash(HashAlgorithmName algorithm, Stream content)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return hash.GetHashAndReset();
    }
}
