using Org.BouncyCastle.Asn1.X509;

namespace Ses.Documents.Signing.Crypto;

internal static class DistinguishedNames
{
    /// <summary>RFC 4514 string form (most specific RDN first, RFC 2253 attribute names); non-ASCII characters such
    /// as Chinese bureau names are kept as they are, not hex-escaped.</summary>
    public static string ToRfc4514(X509Name name) => name.ToString(true, X509Name.RFC2253Symbols);
}
