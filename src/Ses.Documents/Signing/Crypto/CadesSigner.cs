using System.Buffers;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Operators.Utilities;
using Org.BouncyCastle.Tsp;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using IssuerAndSerialNumber = Org.BouncyCastle.Asn1.Cms.IssuerAndSerialNumber;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;
using SignerInfo = Org.BouncyCastle.Asn1.Cms.SignerInfo;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Creates the CMS signature that goes into a PDF signature dictionary's /Contents with
/// /SubFilter /ETSI.CAdES.detached (ETSI EN 319 142-1, PAdES baseline B-B, or B-T with a time-stamp).</summary>
public static class CadesSigner
{
    /// <summary>
    /// Signs <paramref name="signedBytes"/> — the exact bytes covered by the PDF /ByteRange, read once from the
    /// stream's current position to its end and not buffered, so a caller may pass a stream that concatenates the
    /// two ranges of a large file. The stream is not disposed.
    /// </summary>
    /// <returns>DER ContentInfo holding a detached SignedData with SHA-256 digests, the signed attributes
    /// content-type, message-digest and signing-certificate-v2 (no signing-time), the key's certificate chain, and
    /// when <paramref name="tsa"/> is given a signature-time-stamp unsigned attribute.</returns>
    /// <exception cref="TimestampException">The time-stamp could not be obtained or does not cover the
    /// signature.</exception>
    /// <exception cref="SigningKeyException">The key's signature does not verify with its certificate.</exception>
    /// <exception cref="ArgumentException">The key's algorithm is not SHA-256 based.</exception>
    public static byte[] CreateDetachedSignature(Stream signedBytes, ISigningKey key, ITimestampSource? tsa)
    {
        ArgumentNullException.ThrowIfNull(signedBytes);
        ArgumentNullException.ThrowIfNull(key);
        var factory = new SigningKeySignatureFactory(key);
        var digest = DefaultDigestAlgorithmFinder.Instance.Find((AlgorithmIdentifier)factory.AlgorithmDetails);
        // ETSI TS 119 312: SHA-256 is the recommended hash; this product signs with SHA-256 only
        if (!NistObjectIdentifiers.IdSha256.Equals(digest?.Algorithm))
            throw new ArgumentException($"'{key.SignatureAlgorithm}' is not a SHA-256 signature algorithm.", nameof(key));

        // The platform's SHA-256 (hardware-accelerated) over the ByteRange, streamed; the SignedData is then assembled
        // as RFC 5652 §5 lays it out, which BouncyCastle's generator would produce byte for byte from the same digest.
        var messageDigest = Sha256Of(signedBytes);
        var attributes = new PadesSignedAttributeGenerator(key.Certificate).GetAttributes(new Dictionary<CmsAttributeTableParameter, object>
        {
            // ISO 32000-2 §12.8.3.4: ETSI.CAdES.detached carries no encapsulated content; its type is id-data
            [CmsAttributeTableParameter.ContentType] = CmsObjectIdentifiers.Data,
            [CmsAttributeTableParameter.Digest] = messageDigest,
            [CmsAttributeTableParameter.DigestAlgorithmIdentifier] = digest!,
        });
        // RFC 5652 §5.4: the signature is over the DER encoding of the SET OF signed attributes
        var signedAttributes = new DerSet(attributes.ToAsn1EncodableVector());
        var signatureValue = key.Sign(signedAttributes.GetEncoded(Asn1Encodable.Der));
        var signerInfo = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(key.Certificate.CertificateStructure)), digest,
            signedAttributes, (AlgorithmIdentifier)factory.AlgorithmDetails, new DerOctetString(signatureValue), null);
        var certificates = new DerSet(key.Chain.Prepend(key.Certificate).Distinct().Select(c => (Asn1Encodable)c.CertificateStructure).ToArray());
        var signedData = new SignedData(new DerSet(digest), new ContentInfo(CmsObjectIdentifiers.Data, null), certificates, null, new DerSet(signerInfo));
        var signed = new CmsSignedData(new ContentInfo(CmsObjectIdentifiers.SignedData, signedData));

        var signer = signed.GetSignerInfos().GetSigners().Single();
        if (!SignerInfoSignature.Verifies(signer, key.Certificate))
        {
            throw new SigningKeyException(
                $"The signature made by {key} does not verify with its certificate; the key and certificate do not match.");
        }

        if (tsa is not null) signed = AddSignatureTimestamp(signed, signer, tsa);
        return signed.GetEncoded(Asn1Encodable.Der);
    }

    private static byte[] Sha256Of(Stream content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
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

    /// <summary>Adds id-aa-signatureTimeStampToken over the signature value (RFC 3161 Appendix A;
    /// ETSI EN 319 122-1 §5.3), which makes the signature PAdES B-T.</summary>
    private static CmsSignedData AddSignatureTimestamp(CmsSignedData signed, SignerInformation signer,
        ITimestampSource tsa)
    {
        var imprint = SHA256.HashData(signer.GetSignature());
        var tokenDer = tsa.GetTimestampToken(imprint);
        ContentInfo token;
        try
        {
            token = ContentInfo.GetInstance(Asn1Object.FromByteArray(tokenDer));
            var info = new TimeStampToken(token).TimeStampInfo;
            if (info.MessageImprintAlgOid != NistObjectIdentifiers.IdSha256.Id
                || !info.GetMessageImprintDigest().AsSpan().SequenceEqual(imprint))
            {
                throw new TimestampException($"{tsa.Description} returned a token for another imprint.");
            }
        }
        catch (Exception e) when (e is not TimestampException && InputErrors.Is(e))
        {
            throw new TimestampException($"{tsa.Description} returned a malformed time-stamp token.", e);
        }

        var attribute = new CmsAttribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken, new DerSet(token));
        var unsigned = new CmsAttributeTable(new Asn1EncodableVector(attribute));
        var stamped = SignerInformation.ReplaceUnsignedAttributes(signer, unsigned);
        return CmsSignedData.ReplaceSigners(signed, new SignerInformationStore(stamped));
    }
}
