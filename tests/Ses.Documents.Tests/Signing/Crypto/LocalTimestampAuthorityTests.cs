using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Ses.Documents.Signing.Crypto;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace Ses.Documents.Tests.Signing.Crypto;

public sealed class LocalTimestampAuthorityTests(DevelopmentPki pki)
{
    private static readonly byte[] Imprint = SHA256.HashData("signature value"u8);

    private static byte[] Query(DerObjectIdentifier algorithm, byte[] imprint, bool certReq = true, string? policy = null)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(certReq);
        if (policy is not null) generator.SetReqPolicy(new DerObjectIdentifier(policy));
        return generator.Generate(algorithm, imprint, BigInteger.ValueOf(4242)).GetEncoded();
    }

    private static TimeStampToken Token(byte[] der) => new(new Org.BouncyCastle.Cms.CmsSignedData(der));

    [Fact]
    public void Respond_Sha256Request_GrantsTokenWithPolicyAccuracyNonceAndCertificate()
    {
        var response = new TimeStampResponse(pki.Tsa().Respond(Query(NistObjectIdentifiers.IdSha256, Imprint)));

        Assert.Equal((int)PkiStatus.Granted, response.Status);
        var token = response.TimeStampToken;
        var info = token.TimeStampInfo;
        Assert.Equal(LocalTimestampAuthority.DevelopmentPolicyOid, info.Policy);
        Assert.Equal(FixedTimeProvider.Default.UtcDateTime, info.GenTime);
        Assert.Equal(1, info.Accuracy.Seconds.IntValueExact);
        Assert.Equal(BigInteger.ValueOf(4242), info.Nonce);
        Assert.Equal(Imprint, info.GetMessageImprintDigest());
        var certificate = Assert.Single(token.GetCertificates().EnumerateMatches(null));
        Assert.Equal(pki.Set.TimestampKey.Certificate, certificate);
        token.Validate(certificate); // throws if the signature or the ESSCertIDv2 is wrong
        Assert.Null(token.SignedAttributes[CmsAttributes.SigningTime]); // genTime only, never the system clock
        Assert.NotNull(token.SignedAttributes[PkcsObjectIdentifiers.IdAASigningCertificateV2]); // RFC 5816
    }

    [Fact]
    public void Respond_WithoutCertReq_OmitsCertificate()
    {
        var response = new TimeStampResponse(pki.Tsa().Respond(Query(NistObjectIdentifiers.IdSha256, Imprint, certReq: false)));

        Assert.Equal((int)PkiStatus.Granted, response.Status);
        Assert.Empty(response.TimeStampToken.GetCertificates().EnumerateMatches(null));
    }

    [Fact]
    public void Respond_Sha1Request_RejectsWithBadAlg()
    {
#pragma warning disable CA5350 // SHA-1 on purpose: the test sends a SHA-1 imprint to see the TSA refuse it.
        var response = new TimeStampResponse(pki.Tsa().Respond(Query(OiwObjectIdentifiers.IdSha1, SHA1.HashData("x"u8))));
#pragma warning restore CA5350

        Assert.Equal((int)PkiStatus.Rejection, response.Status);
        Assert.Null(response.TimeStampToken);
        Assert.Equal(PkiFailureInfo.BadAlg, response.GetFailInfo().IntValue);
    }

    [Fact]
    public void Respond_ImprintOfWrongLength_RejectsWithBadDataFormat()
    {
        var response = new TimeStampResponse(pki.Tsa().Respond(Query(NistObjectIdentifiers.IdSha256, new byte[20])));

        Assert.Equal((int)PkiStatus.Rejection, response.Status);
        Assert.Equal(PkiFailureInfo.BadDataFormat, response.GetFailInfo().IntValue);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 })]
    [InlineData(new byte[] { 0x04, 0x02, 0xAB })]
    public void Respond_MalformedRequest_RejectsWithBadDataFormat(byte[] query)
    {
        var response = new TimeStampResponse(pki.Tsa().Respond(query));

        Assert.Equal((int)PkiStatus.Rejection, response.Status);
        Assert.Equal(PkiFailureInfo.BadDataFormat, response.GetFailInfo().IntValue);
    }

    [Fact]
    public void Respond_OtherPolicyRequested_RejectsWithUnacceptedPolicy()
    {
        var response = new TimeStampResponse(pki.Tsa().Respond(Query(NistObjectIdentifiers.IdSha256, Imprint, policy: "1.2.3.4")));

        Assert.Equal((int)PkiStatus.Rejection, response.Status);
        Assert.Equal(PkiFailureInfo.UnacceptedPolicy, response.GetFailInfo().IntValue);
    }

    [Fact]
    public void GetTimestampToken_ConfiguredPolicy_IsUsed()
    {
        var tsa = pki.Set.CreateTsa(pki.Time, "2.25.1");

        var token = Token(tsa.GetTimestampToken(Imprint));

        Assert.Equal("2.25.1", token.TimeStampInfo.Policy);
    }

    [Fact]
    public void GetTimestampToken_ManyThreadsUnderStoppedClock_GetDistinctIncreasingSerials()
    {
        var tsa = pki.Tsa();

        var serials = Enumerable.Range(0, 40).AsParallel()
            .Select(_ => Token(tsa.GetTimestampToken(Imprint)).TimeStampInfo.SerialNumber)
            .ToList();
        var next = Token(tsa.GetTimestampToken(Imprint)).TimeStampInfo.SerialNumber;

        Assert.Equal(40, serials.Distinct().Count());
        Assert.All(serials, s => Assert.True(next.CompareTo(s) > 0));
    }

    [Fact]
    public void GetTimestampToken_ImprintNot32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => pki.Tsa().GetTimestampToken(new byte[20]));
    }

    [Fact]
    public void Constructor_CertificateWithoutTimeStampingUsage_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalTimestampAuthority(pki.Set.Signing, pki.Time));

        Assert.Contains("RFC 3161 §2.3", error.Message);
    }
}
