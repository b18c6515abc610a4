using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace Ses.Documents.Signing.Crypto;

/// <summary>The signed attributes of a PAdES baseline signature: content-type, message-digest and
/// signing-certificate-v2, and deliberately no signing-time (ETSI EN 319 142-1 §6.3: the time is the PDF /M
/// entry).</summary>
internal sealed class PadesSignedAttributeGenerator(X509Certificate signer) : CmsAttributeTableGenerator
{
    public CmsAttributeTable GetAttributes(IDictionary<CmsAttributeTableParameter, object> parameters)
    {
        var contentType = (DerObjectIdentifier)parameters[CmsAttributeTableParameter.ContentType];
        var digest = (byte[])parameters[CmsAttributeTableParameter.Digest];
        var attributes = new Asn1EncodableVector
        {
            // RFC 5652 §11.1; ETSI EN 319 122-1 §5.1.1: content-type is id-data for a detached PDF signature
            new CmsAttribute(CmsAttributes.ContentType, new DerSet(contentType)),
            // RFC 5652 §11.2; ETSI EN 319 122-1 §5.1.2
            new CmsAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(digest))),
            // RFC 5035 §3; ETSI EN 319 122-1 §5.2.2.3
            new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(SigningCertificateV2(signer))),
        };
        return new CmsAttributeTable(attributes);
    }

    /// <summary>ESSCertIDv2 with the default hash (SHA-256, so hashAlgorithm is omitted in DER) and issuerSerial.</summary>
    internal static SigningCertificateV2 SigningCertificateV2(X509Certificate certificate)
    {
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(certificate.IssuerDN)),
            new DerInteger(certificate.SerialNumber));
        return new SigningCertificateV2(new EssCertIDv2(SHA256.HashData(certificate.GetEncoded()), issuerSerial));
    }
}
