using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// The signer's private-key operation. The key itself never leaves the implementation, so a PKCS#12 file (the
/// development default) can be replaced by an HSM or a USB token without touching the CMS code.
/// </summary>
public interface ISigningKey
{
    /// <summary>The certificate of the key's public half.</summary>
    X509Certificate Certificate { get; }

    /// <summary>The signer's certificate first, then intermediates and the root as far as they are known.</summary>
    IReadOnlyList<X509Certificate> Chain { get; }

    /// <summary>BouncyCastle signature algorithm name, e.g. "SHA256WITHRSA" or "SHA256WITHECDSA".</summary>
    string SignatureAlgorithm { get; }

    /// <summary>Hashes and signs <paramref name="data"/> with <see cref="SignatureAlgorithm"/>; returns the raw
    /// signature value (PKCS#1 v1.5 block for RSA, DER ECDSA-Sig-Value for ECDSA).</summary>
    byte[] Sign(byte[] data);
}
