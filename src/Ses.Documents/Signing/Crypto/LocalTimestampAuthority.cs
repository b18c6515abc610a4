using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// An in-process RFC 3161 time-stamping authority for development and for a self-hosted TSA endpoint
/// (application/timestamp-query). Its time is the injected <see cref="TimeProvider"/>: only as good as the host's
/// clock, which is why production should point <see cref="HttpTimestampClient"/> at an accredited TSA.
/// </summary>
public sealed class LocalTimestampAuthority : ITimestampSource
{
    /// <summary>Development TSA policy: an OID in the UUID arc (ITU-T X.667, 2.25), minted for this product so it
    /// can collide with no registered policy. Tokens under it assert nothing beyond "SES development TSA".</summary>
    public const string DevelopmentPolicyOid = "2.25.253643108581059945063916134774447500613";

    private static readonly IList<string> AcceptedAlgorithms =
        [NistObjectIdentifiers.IdSha256.Id, NistObjectIdentifiers.IdSha384.Id, NistObjectIdentifiers.IdSha512.Id];

    private readonly TimeProvider time;
    private readonly TimeStampTokenGenerator tokens;
    private readonly TimeStampResponseGenerator responses;
    private readonly Lock gate = new();
    private long lastSerial;

    /// <param name="key">The TSA's key; its certificate must carry a critical extendedKeyUsage of exactly
    /// id-kp-timeStamping (RFC 3161 §2.3).</param>
    /// <param name="time">Source of genTime.</param>
    /// <param name="policyOid">TSA policy (RFC 3161 §2.4.2 policy); default <see cref="DevelopmentPolicyOid"/>.</param>
    public LocalTimestampAuthority(ISigningKey key, TimeProvider time, string? policyOid = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        if (!TsaCertificates.HasCriticalTimeStampingUsage(key.Certificate))
        {
            throw new ArgumentException(
                $"The TSA certificate '{DistinguishedNames.ToRfc4514(key.Certificate.SubjectDN)}' lacks a critical extendedKeyUsage of exactly " +
                "id-kp-timeStamping (RFC 3161 §2.3).", nameof(key));
        }

        this.time = time;
        PolicyOid = policyOid ?? DevelopmentPolicyOid;
        if (!DerObjectIdentifier.TryFromID(PolicyOid, out var policy))
            throw new ArgumentException($"'{PolicyOid}' is not an object identifier.", nameof(policyOid));
        Certificate = key.Certificate;

        var signerInfo = new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new TsaSignedAttributeGenerator())
            .Build(new SigningKeySignatureFactory(key), key.Certificate);
        // RFC 5816: ESSCertIDv2 (SHA-256) names the TSA certificate in the token
        tokens = new TimeStampTokenGenerator(signerInfo, Asn1DigestFactory.Get(NistObjectIdentifiers.IdSha256),
            policy, true);
        tokens.SetAccuracySeconds(1);
        tokens.SetCertificates(CollectionUtilities.CreateStore(TsaCertificates.ForToken(key.Chain)));
        // RFC 3161 §2.4.1: accept the SHA-2 family, this policy (or none) and no extensions
        responses = new TimeStampResponseGenerator(tokens, AcceptedAlgorithms, [PolicyOid], []);
    }

    public X509Certificate Certificate { get; }

    public string PolicyOid { get; }

    public string Description => $"local development TSA ({DistinguishedNames.ToRfc4514(Certificate.SubjectDN)})";

    /// <summary>A token over a SHA-256 imprint, with the TSA certificate included.</summary>
    public byte[] GetTimestampToken(byte[] sha256Imprint)
    {
        ArgumentNullException.ThrowIfNull(sha256Imprint);
        if (sha256Imprint.Length != 32)
            throw new ArgumentException("A SHA-256 imprint is 32 bytes.", nameof(sha256Imprint));
        var requests = new TimeStampRequestGenerator();
        requests.SetCertReq(true);
        var request = requests.Generate(NistObjectIdentifiers.IdSha256, sha256Imprint);
        lock (gate)
        {
            return tokens.Generate(request, NextSerial(), GenTime()).GetEncoded(Asn1Encodable.Der);
        }
    }

    /// <summary>
    /// Answers a DER TimeStampReq with a DER TimeStampResp (RFC 3161 §2.4.2): granted with a token, or rejection
    /// with failInfo badAlg (hash outside SHA-256/384/512), badDataFormat (not a TimeStampReq, or an imprint of the
    /// wrong length), unacceptedPolicy or unacceptedExtension. The certificate is included when certReq is true.
    /// </summary>
    public byte[] Respond(byte[] timeStampQueryDer)
    {
        ArgumentNullException.ThrowIfNull(timeStampQueryDer);
        TimeStampRequest request;
        try
        {
            request = new TimeStampRequest(timeStampQueryDer);
        }
        catch (Exception e) when (InputErrors.Is(e))
        {
            return responses.GenerateFailResponse(PkiStatus.Rejection, PkiFailureInfo.BadDataFormat,
                "The request is not a DER TimeStampReq.").GetEncoded(Asn1Encodable.Der);
        }
        lock (gate)
        {
            return responses.Generate(request, NextSerial(), GenTime()).GetEncoded(Asn1Encodable.Der);
        }
    }

    /// <summary>RFC 3161 §2.4.2: serial numbers are unique per TSA. They start from the clock's 100 ns ticks and
    /// always increase, so a restarted process does not reuse one unless the clock went back. Caller holds the
    /// lock.</summary>
    private BigInteger NextSerial()
    {
        lastSerial = Math.Max(lastSerial + 1, time.GetUtcNow().UtcTicks);
        return BigInteger.ValueOf(lastSerial);
    }

    private DateTime GenTime() => time.GetUtcNow().UtcDateTime;
}
