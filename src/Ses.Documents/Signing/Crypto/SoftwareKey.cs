using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>A private key held in process memory, shared by the file-based <see cref="ISigningKey"/>s. The key is
/// never returned, printed or serialised.</summary>
internal sealed class SoftwareKey
{
    private static readonly byte[] Probe = "SES key/certificate match probe"u8.ToArray();

    private readonly AsymmetricKeyParameter privateKey;

    // The platform's RSA (OpenSSL on Linux) signs several times faster than the managed implementation; same result.
    private readonly RSA? native;

    private SoftwareKey(AsymmetricKeyParameter privateKey, X509Certificate certificate,
        IReadOnlyList<X509Certificate> chain, string algorithm)
    {
        this.privateKey = privateKey;
        native = privateKey is RsaPrivateCrtKeyParameters rsa && algorithm == "SHA256WITHRSA" ? ToPlatform(rsa) : null;
        Certificate = certificate;
        Chain = chain;
        SignatureAlgorithm = algorithm;
    }

    public X509Certificate Certificate { get; }

    public IReadOnlyList<X509Certificate> Chain { get; }

    public string SignatureAlgorithm { get; }

    /// <summary>Pairs a private key with the certificate among <paramref name="certificates"/> that holds its public
    /// half, and orders the rest into a chain. <paramref name="source"/> names the file for error messages.</summary>
    public static SoftwareKey Create(AsymmetricKeyParameter privateKey, IEnumerable<X509Certificate> certificates,
        string source)
    {
        if (!privateKey.IsPrivate) throw new SigningKeyException($"{source}: the key is not a private key.");
        var algorithm = privateKey switch
        {
            RsaKeyParameters => "SHA256WITHRSA",
            ECPrivateKeyParameters => "SHA256WITHECDSA",
            _ => throw new SigningKeyException(
                $"{source}: unsupported key type {privateKey.GetType().Name}; use RSA or ECDSA."),
        };
        var pool = certificates.ToList();
        var probeSignature = Sign(privateKey, algorithm, Probe);
        var own = pool.FirstOrDefault(c => Verifies(c, algorithm, probeSignature))
            ?? throw new SigningKeyException($"{source}: no certificate matches the private key.");
        return new SoftwareKey(privateKey, own, CertificateChains.Order(own, pool), algorithm);
    }

    public byte[] Sign(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return native is not null
            ? native.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : Sign(privateKey, SignatureAlgorithm, data);
    }

    private static RSA ToPlatform(RsaPrivateCrtKeyParameters k)
    {
        var size = (k.Modulus.BitLength + 7) / 8;
        var half = (size + 1) / 2;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Pad(k.Modulus, size),
            Exponent = k.PublicExponent.ToByteArrayUnsigned(),
            D = Pad(k.Exponent, size),
            P = Pad(k.P, half),
            Q = Pad(k.Q, half),
            DP = Pad(k.DP, half),
            DQ = Pad(k.DQ, half),
            InverseQ = Pad(k.QInv, half),
        });
        return rsa;

        static byte[] Pad(Org.BouncyCastle.Math.BigInteger v, int length)
        {
            var bytes = v.ToByteArrayUnsigned();
            if (bytes.Length >= length) return bytes;
            var padded = new byte[length];
            bytes.CopyTo(padded, length - bytes.Length);
            return padded;
        }
    }

    private static byte[] Sign(AsymmetricKeyParameter key, string algorithm, byte[] data)
    {
        var signer = SignerUtilities.GetSigner(algorithm);
        signer.Init(true, key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    private static bool Verifies(X509Certificate certificate, string algorithm, byte[] signature)
    {
        try
        {
            var verifier = SignerUtilities.GetSigner(algorithm);
            verifier.Init(false, certificate.GetPublicKey());
            verifier.BlockUpdate(Probe, 0, Probe.Length);
            return verifier.VerifySignature(signature);
        }
        catch (Exception e) when (e is InvalidKeyException or ArgumentException or InvalidCastException)
        {
            return false; // a certificate of another key type
        }
    }
}
