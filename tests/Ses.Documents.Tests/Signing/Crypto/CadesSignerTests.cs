using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.X509;
using Ses.Documents.Signing.Crypto;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace Ses.Documents.Tests.Signing.Crypto;

public sealed class CadesSignerTests(DevelopmentPki pki)
{
    private readonly byte[] content = RandomNumberGenerator.GetBytes(100_000);

    [Fact]
    public void Sign_WithDevelopmentKeyAndLocalTsa_IsDetachedSha256WithPadesSignedAttributesOnly()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, pki.Tsa());

        var signed = CmsEdits.SignedData(cms);
        Assert.Null(signed.EncapContentInfo.Content); // ETSI.CAdES.detached
        Assert.Equal(CmsObjectIdentifiers.Data, signed.EncapContentInfo.ContentType);
        var signer = CmsEdits.SignerInfo(cms);
        Assert.Equal(NistObjectIdentifiers.IdSha256, signer.DigestAlgorithm.Algorithm);
        var attributes = new AttributeTable(signer.SignedAttrs);
        Assert.Equal(
            new[] { CmsAttributes.ContentType.Id, CmsAttributes.MessageDigest.Id, PkcsObjectIdentifiers.IdAASigningCertificateV2.Id }.Order(),
            attributes.ToAttributes().GetAttributes().Select(a => a.AttrType.Id).Order());
        Assert.Null(attributes[CmsAttributes.SigningTime]);
        Assert.Equal(CmsObjectIdentifiers.Data, attributes[CmsAttributes.ContentType].AttrValues[0]);
        Assert.Equal(SHA256.HashData(content), ((Asn1OctetString)attributes[CmsAttributes.MessageDigest].AttrValues[0]).GetOctets());
    }

    [Fact]
    public void Sign_WithoutTsa_IsByteForByteWhatBouncyCastlesGeneratorMakes()
    {
        // The SignedData is assembled by hand around the platform's SHA-256; BouncyCastle's CMS generator, given the
        // same key (RSA PKCS#1 v1.5 is deterministic) and attributes, is the reference it must equal.
        var key = pki.Set.Signing;
        var generator = new Org.BouncyCastle.Cms.CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new Org.BouncyCastle.Cms.SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new PadesSignedAttributeGenerator(key.Certificate))
            .Build(new SigningKeySignatureFactory(key), key.Certificate));
        generator.AddCertificates(Org.BouncyCastle.Utilities.Collections.CollectionUtilities.CreateStore(key.Chain.Prepend(key.Certificate).Distinct()));
        var reference = generator.Generate(new Org.BouncyCastle.Cms.CmsProcessableByteArray(content), false).GetEncoded(Asn1Encodable.Der);

        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), key, null);

        Assert.Equal(Convert.ToHexString(reference), Convert.ToHexString(cms));
    }

    [Fact]
    public void Sign_SigningCertificateV2_HashesSignerCertificateAndNamesItsIssuerSerial()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        var attributes = new AttributeTable(CmsEdits.SignerInfo(cms).SignedAttrs);
        var attribute = attributes[PkcsObjectIdentifiers.IdAASigningCertificateV2].AttrValues[0];
        var certId = SigningCertificateV2.GetInstance(attribute).GetCerts().Single();
        var certificate = pki.Set.Signing.Certificate;
        Assert.Equal(SHA256.HashData(certificate.GetEncoded()), certId.GetCertHash());
        Assert.Equal(NistObjectIdentifiers.IdSha256, certId.HashAlgorithm.Algorithm);
        Assert.Equal(certificate.SerialNumber, certId.IssuerSerial.Serial.Value);
        var issuer = Org.BouncyCastle.Asn1.X509.X509Name.GetInstance(certId.IssuerSerial.Issuer.GetNames()[0].Name);
        Assert.True(certificate.IssuerDN.Equivalent(issuer));
    }

    [Fact]
    public void Sign_IncludesSignerAndRootCertificates()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        var certificates = CmsEdits.SignedData(cms).Certificates.Cast<Asn1Encodable>()
            .Select(c => new X509Certificate(c.GetEncoded())).ToList();
        Assert.Contains(pki.Set.Signing.Certificate, certificates);
        Assert.Contains(pki.Set.Root, certificates);
    }

    [Fact]
    public void Sign_WithTsa_AddsTimestampTokenOverSignatureValue()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, pki.Tsa());

        var token = new Org.BouncyCastle.Tsp.TimeStampToken(
            new Org.BouncyCastle.Cms.CmsSignedData(CmsEdits.SignatureTimestampToken(cms)));
        var signatureValue = CmsEdits.SignerInfo(cms).Signature.GetOctets();
        Assert.Equal(SHA256.HashData(signatureValue), token.TimeStampInfo.GetMessageImprintDigest());
        Assert.Equal(FixedTimeProvider.Default.UtcDateTime, token.TimeStampInfo.GenTime);
    }

    [Fact]
    public void Sign_WithoutTsa_HasNoUnsignedAttributes()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, null);

        Assert.Null(CmsEdits.SignerInfo(cms).UnsignedAttrs);
    }

    [Fact]
    public void Sign_CallsSigningKeyExactlyOnce_NeverTouchingThePrivateKeyDirectly()
    {
        var key = new CountingKey(pki.Set.Signing);

        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), key, null);

        Assert.Equal(1, key.Calls);
        Assert.True(CadesVerifier.Verify(cms, new MemoryStream(content), [pki.Set.Root], pki.Time.GetUtcNow()).SignatureValid);
    }

    [Fact]
    public void Sign_KeyWhoseSignaturesDoNotMatchItsCertificate_ThrowsSigningKeyException()
    {
        var impostor = new SwappedCertificateKey(pki.Set.TimestampKey, pki.Set.Signing.Certificate);

        var error = Assert.Throws<SigningKeyException>(() =>
            CadesSigner.CreateDetachedSignature(new MemoryStream(content), impostor, null));
        Assert.Contains("do not match", error.Message);
    }

    [Fact]
    public void Sign_ReadsStreamFromCurrentPositionOnly()
    {
        var stream = new MemoryStream([.. "prefix"u8, .. content]) { Position = 6 };

        var cms = CadesSigner.CreateDetachedSignature(stream, pki.Set.Signing, null);

        Assert.True(CadesVerifier.Verify(cms, new MemoryStream(content), [pki.Set.Root], pki.Time.GetUtcNow()).DigestMatches);
    }

    private sealed class CountingKey(ISigningKey inner) : ISigningKey
    {
        public int Calls { get; private set; }

        public X509Certificate Certificate => inner.Certificate;

        public IReadOnlyList<X509Certificate> Chain => inner.Chain;

        public string SignatureAlgorithm => inner.SignatureAlgorithm;

        public byte[] Sign(byte[] data)
        {
            Calls++;
            return inner.Sign(data);
        }
    }

    private sealed class SwappedCertificateKey(ISigningKey inner, X509Certificate certificate) : ISigningKey
    {
        public X509Certificate Certificate => certificate;

        public IReadOnlyList<X509Certificate> Chain => [certificate];

        public string SignatureAlgorithm => inner.SignatureAlgorithm;

        public byte[] Sign(byte[] data) => inner.Sign(data);
    }
}
