using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Signed attributes of a time-stamp token's SignerInfo: content-type and message-digest; BouncyCastle's
/// TSP generator adds signing-certificate-v2. No signing-time: the token's time is genTime (RFC 3161 §2.4.2), and
/// BouncyCastle's default would read the system clock instead of the injected <see cref="TimeProvider"/>.</summary>
internal sealed class TsaSignedAttributeGenerator : CmsAttributeTableGenerator
{
    public CmsAttributeTable GetAttributes(IDictionary<CmsAttributeTableParameter, object> parameters)
    {
        var contentType = (DerObjectIdentifier)parameters[CmsAttributeTableParameter.ContentType];
        var digest = (byte[])parameters[CmsAttributeTableParameter.Digest];
        return new CmsAttributeTable(new Asn1EncodableVector
        {
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(contentType)), // RFC 5652 §11.1
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(digest))), // RFC 5652 §11.2
        });
    }
}
