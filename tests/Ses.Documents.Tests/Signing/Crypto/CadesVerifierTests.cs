using System.Security.Cryptography;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Utilities.Collections;
using Ses.Documents.Signing.Crypto;

namespace Ses.Documents.Tests.Signing.Crypto;

public sealed class CadesVerifierTests(DevelopmentPki pki)
{
    private readonly byte[] content = RandomNumberGenerator.GetBytes(50_000);

    private byte[] SignWithTimestamp() =>
        CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, pki.Tsa());

    private CadesVerification Verify(byte[] cms, byte[]? signedBytes = null, DateTimeOffset? at = null) =>
        CadesVerifier.Verify(cms, new MemoryStream(signedBytes ?? content), [pki.Set.Root], at);

    [Fact]
    public void Verify_SignedWithDevelopmentKeyAndLocalTsa_EverythingValid()
    {
        var result = Verify(SignWithTimestamp());

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.True(result.SignatureValid);
        Assert.True(result.DigestMatches);
        Assert.True(result.ChainValid, result.ChainProblem);
        Assert.Null(result.ChainProblem);
        Assert.True(result.HasSigningCertificateV2);
        Assert.Equal(pki.Set.Signing.Certificate, result.Signer);
        Assert.Equal("CN=民航西北地区管理局,O=民航西北地区管理局,C=CN", result.SignerSubject);
        var timestamp = Assert.IsType<TimestampInfo>(result.Timestamp);
        Assert.Equal(FixedTimeProvider.Default, timestamp.Time);
        Assert.Equal("CN=SES Development TSA — NOT FOR PRODUCTION", timestamp.Authority);
        Assert.True(timestamp.ImprintMatches && timestamp.TokenValid && timestamp.TsaChainValid);
    }

    [Fact]
    public void Verify_ContentWithOneByteFlipped_ReportsDigestMismatch()
    {
        var cms = SignWithTimestamp();
        var changed = (byte[])content.Clone();
        changed[content.Length / 2] ^= 0x01;

        var result = Verify(cms, changed);

        Assert.False(result.DigestMatches);
        Assert.False(result.SignatureValid);
        Assert.Equal([CadesProblems.DigestMismatch], result.Problems);
    }

    [Fact]
    public void Verify_AgainstUnrelatedTrustAnchor_ReportsChainAndTimestampUntrusted()
    {
        var result = CadesVerifier.Verify(SignWithTimestamp(), new MemoryStream(content), [pki.Unrelated.Root]);

        Assert.True(result.SignatureValid);
        Assert.False(result.ChainValid);
        Assert.Contains("not a trust anchor", result.ChainProblem);
        Assert.Contains(CadesProblems.ChainUntrusted, result.Problems);
        Assert.Contains(CadesProblems.TimestampUntrusted, result.Problems);
        Assert.False(result.Timestamp!.TsaChainValid);
    }

    [Fact]
    public void Verify_TimestampTakenOverOtherBytes_ReportsImprintMismatch()
    {
        var otherToken = pki.Tsa().GetTimestampToken(SHA256.HashData("something else"u8));
        var cms = CmsEdits.WithSignatureTimestamp(SignWithTimestamp(), otherToken);

        var result = Verify(cms, at: pki.Time.GetUtcNow());

        Assert.True(result.SignatureValid);
        Assert.False(result.Timestamp!.ImprintMatches);
        Assert.True(result.Timestamp.TokenValid);
        Assert.Equal([CadesProblems.TimestampImprintMismatch], result.Problems);
    }

    [Fact]
    public void Verify_SignatureValueReplacedByAnotherSignatureOfTheSameKey_ReportsSignatureInvalid()
    {
        var forged = pki.Set.Signing.Sign("other signed attributes"u8.ToArray());
        var cms = CmsEdits.WithSignatureValue(SignWithTimestamp(), forged);

        var result = Verify(cms, at: pki.Time.GetUtcNow());

        Assert.True(result.DigestMatches);
        Assert.False(result.SignatureValid);
        Assert.Contains(CadesProblems.Invalid, result.Problems);
        Assert.Contains(CadesProblems.TimestampImprintMismatch, result.Problems); // the token covered the old value
    }

    [Fact]
    public void Verify_RsaSignatureValueWithItsLeadingZeroByteLeftOut_StillVerifies()
    {
        // Some signers write the RSA value as an integer, without the leading zero byte (1 in 256 signatures). The
        // platform's verifier wants the full modulus length; the managed one, asked again, accepts it as before.
        for (var attempt = 0; attempt < 5000; attempt++)
        {
            var data = RandomNumberGenerator.GetBytes(1_000);
            var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(data), pki.Set.Signing, null);
            var value = CmsEdits.SignerInfo(cms).Signature.GetOctets();
            if (value[0] != 0) continue;

            var result = CadesVerifier.Verify(CmsEdits.WithSignatureValue(cms, value[1..]), new MemoryStream(data), [pki.Set.Root], pki.Time.GetUtcNow());

            Assert.True(result.SignatureValid);
            Assert.DoesNotContain(CadesProblems.Invalid, result.Problems);
            return;
        }
        Assert.Fail("no signature began with a zero byte in 5000 attempts");
    }

    [Fact]
    public void Verify_WithoutTimestamp_ReportsMissingTimestampAndJudgesChainAtValidationTime()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        var result = Verify(cms, at: pki.Time.GetUtcNow());

        Assert.Null(result.Timestamp);
        Assert.True(result.ChainValid, result.ChainProblem);
        Assert.Equal([CadesProblems.TimestampMissing], result.Problems);
    }

    [Fact]
    public void Verify_WithoutTimestampOrValidationTime_ReportsTimeUnknown()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        var result = Verify(cms);

        Assert.False(result.ChainValid);
        Assert.Equal([CadesProblems.TimestampMissing, CadesProblems.ChainTimeUnknown], result.Problems);
    }

    [Fact]
    public void Verify_FourYearsLaterWithoutTimestamp_ReportsChainExpired()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        var result = Verify(cms, at: pki.Time.GetUtcNow().AddYears(4));

        Assert.False(result.ChainValid);
        Assert.Contains("expired", result.ChainProblem);
        Assert.Contains(CadesProblems.ChainExpired, result.Problems);
    }

    [Fact]
    public void Verify_FourYearsLaterWithTimestamp_JudgesChainAtTimestampTime()
    {
        var result = Verify(SignWithTimestamp(), at: pki.Time.GetUtcNow().AddYears(4));

        Assert.True(result.ChainValid, result.ChainProblem);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Verify_BeforeCertificatesWereIssued_ReportsNotYetValid()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        var result = Verify(cms, at: pki.Time.GetUtcNow().AddDays(-1));

        Assert.Contains(CadesProblems.ChainNotYetValid, result.Problems);
    }

    [Fact]
    public void Verify_ContentsWithPdfZeroPadding_StillVerifies()
    {
        var cms = SignWithTimestamp();
        var padded = new byte[cms.Length + 4096];
        cms.CopyTo(padded, 0);

        var result = Verify(padded);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Verify_ContentsFollowedByNonZeroBytes_ReportsMalformed()
    {
        var cms = SignWithTimestamp();

        var result = Verify([.. cms, 0x00, 0x42]);

        Assert.Equal([CadesProblems.Malformed], result.Problems);
    }

    [Fact]
    public void Verify_PlainCmsWithSigningTimeAndNoSigningCertificateV2_ReportsBoth()
    {
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .Build(new SigningKeySignatureFactory(pki.Set.Signing), pki.Set.Signing.Certificate));
        generator.AddCertificates(CollectionUtilities.CreateStore(pki.Set.Signing.Chain));
        var cms = generator.Generate(new CmsProcessableByteArray(content), false).GetEncoded();

        var result = Verify(cms, at: pki.Time.GetUtcNow());

        Assert.True(result.SignatureValid);
        Assert.False(result.HasSigningCertificateV2);
        Assert.Contains(CadesProblems.SigningCertificateV2Missing, result.Problems);
        Assert.Contains(CadesProblems.SigningTimePresent, result.Problems);
    }

    [Fact]
    public void Verify_SignerCertificateMissingFromCms_ReportsIt()
    {
        var key = new ChainlessKey(pki.Set.Signing);
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), key, null);
        var signed = CmsEdits.SignedData(cms);
        var stripped = new Org.BouncyCastle.Asn1.Cms.ContentInfo(Org.BouncyCastle.Asn1.Cms.CmsObjectIdentifiers.SignedData,
            new Org.BouncyCastle.Asn1.Cms.SignedData(signed.DigestAlgorithms, signed.EncapContentInfo, null, null, signed.SignerInfos))
            .GetEncoded();

        var result = Verify(stripped, at: pki.Time.GetUtcNow());

        Assert.Null(result.Signer);
        Assert.False(result.SignatureValid);
        Assert.False(result.ChainValid);
        Assert.Contains(CadesProblems.SignerCertificateMissing, result.Problems);
    }

    public static TheoryData<string, byte[]> Garbage() => new()
    {
        { "empty", [] },
        { "random", RandomNumberGenerator.GetBytes(300) },
        { "DER integer", [0x02, 0x01, 0x05] },
        { "sequence claiming more than it has", [0x30, 0x82, 0x10, 0x00, 0x06, 0x09] },
        { "data content info", [0x30, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01] },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Verify_NotASignature_ReportsMalformedWithoutThrowing(string what, byte[] cms)
    {
        var result = Verify(cms);

        Assert.False(result.SignatureValid, what);
        Assert.Equal([CadesProblems.Malformed], result.Problems);
    }

    [Fact]
    public void Verify_TruncatedSignature_ReportsMalformedWithoutThrowing()
    {
        var cms = SignWithTimestamp();

        foreach (var length in new[] { 1, 10, 100, cms.Length / 2, cms.Length - 1 })
            Assert.Contains(CadesProblems.Malformed, Verify(cms[..length]).Problems);
    }

    private sealed class ChainlessKey(ISigningKey inner) : ISigningKey
    {
        public Org.BouncyCastle.X509.X509Certificate Certificate => inner.Certificate;

        public IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> Chain => [inner.Certificate];

        public string SignatureAlgorithm => inner.SignatureAlgorithm;

        public byte[] Sign(byte[] data) => inner.Sign(data);
    }
}
