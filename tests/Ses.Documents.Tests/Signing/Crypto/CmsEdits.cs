using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace Ses.Documents.Tests.Signing.Crypto;

/// <summary>Tampers with a CMS signature at the ASN.1 level, as an attacker would.</summary>
internal static class CmsEdits
{
    public static SignerInfo SignerInfo(byte[] cms) =>
        Org.BouncyCastle.Asn1.Cms.SignerInfo.GetInstance(SignedData(cms).SignerInfos[0]);

    public static byte[] WithSignatureValue(byte[] cms, byte[] signature) => Replace(cms, s =>
        new SignerInfo(s.SignerID, s.DigestAlgorithm, s.SignedAttrs, s.SignatureAlgorithm,
            new DerOctetString(signature), s.UnsignedAttrs));

    public static byte[] WithSignatureTimestamp(byte[] cms, byte[] token) => Replace(cms, s =>
        new SignerInfo(s.SignerID, s.DigestAlgorithm, s.SignedAttrs, s.SignatureAlgorithm, s.Signature,
            new DerSet(new CmsAttribute(PkcsObjectIdentifiers.IdAASignatureTimeStampToken,
                new DerSet(Asn1Object.FromByteArray(token))))));

    public static byte[] SignatureTimestampToken(byte[] cms)
    {
        var unsigned = new AttributeTable(SignerInfo(cms).UnsignedAttrs);
        return unsigned[PkcsObjectIdentifiers.IdAASignatureTimeStampToken].AttrValues[0].GetEncoded(Asn1Encodable.Der);
    }

    public static SignedData SignedData(byte[] cms) =>
        Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(cms)).Content);

    private static byte[] Replace(byte[] cms, Func<SignerInfo, SignerInfo> change)
    {
        var signed = SignedData(cms);
        var changed = new SignedData(signed.DigestAlgorithms, signed.EncapContentInfo, signed.Certificates,
            signed.CRLs, new DerSet(change(SignerInfo(cms))));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, changed).GetEncoded(Asn1Encodable.Der);
    }
}
