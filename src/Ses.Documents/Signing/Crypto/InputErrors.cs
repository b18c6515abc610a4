namespace Ses.Documents.Signing.Crypto;

/// <summary>The exceptions BouncyCastle and the BCL raise for malformed or hostile ASN.1, keys and signatures: a
/// verifier turns them into a problem code instead of a crash. Anything else is a bug and propagates.</summary>
internal static class InputErrors
{
    public static bool Is(Exception e) => e is IOException or ArgumentException or InvalidCastException
        or FormatException or InvalidOperationException or OverflowException or IndexOutOfRangeException
        or Org.BouncyCastle.Security.GeneralSecurityException or Org.BouncyCastle.Security.SecurityUtilityException
        or Org.BouncyCastle.Crypto.CryptoException or Org.BouncyCastle.Cms.CmsException
        or Org.BouncyCastle.Tsp.TspException or Org.BouncyCastle.Asn1.Asn1Exception;
}
