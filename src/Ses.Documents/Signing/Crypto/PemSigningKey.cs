using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>A signing key read from an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC 1) and a PEM file holding
/// its certificate and chain. Meant for interoperability with openssl-made keys; prefer PKCS#12 or an HSM.</summary>
public sealed class PemSigningKey : ISigningKey
{
    private readonly SoftwareKey key;

    private PemSigningKey(SoftwareKey key) => this.key = key;

    public X509Certificate Certificate => key.Certificate;

    public IReadOnlyList<X509Certificate> Chain => key.Chain;

    public string SignatureAlgorithm => key.SignatureAlgorithm;

    public byte[] Sign(byte[] data) => key.Sign(data);

    /// <exception cref="SigningKeyException">A file is missing, unreadable, encrypted, not PEM, or the key matches no
    /// certificate; the message names the file.</exception>
    public static PemSigningKey Load(string keyPemPath, string chainPemPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPemPath);
        ArgumentException.ThrowIfNullOrEmpty(chainPemPath);
        var privateKey = ReadObjects(keyPemPath, "private key").FirstOrDefault() switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } single => single,
            _ => throw new SigningKeyException($"PEM file '{keyPemPath}' holds no private key."),
        };
        var certificates = ReadObjects(chainPemPath, "certificate chain").OfType<X509Certificate>().ToList();
        if (certificates.Count == 0)
            throw new SigningKeyException($"PEM file '{chainPemPath}' holds no certificate.");
        return new PemSigningKey(SoftwareKey.Create(privateKey, certificates, $"PEM files '{keyPemPath}', '{chainPemPath}'"));
    }

    private static List<object> ReadObjects(string path, string what)
    {
        try
        {
            using var reader = new PemReader(File.OpenText(path));
            var objects = new List<object>();
            while (reader.ReadObject() is { } item) objects.Add(item);
            return objects;
        }
        catch (PasswordException e)
        {
            throw new SigningKeyException($"PEM file '{path}' is encrypted; use a PKCS#12 file for protected keys.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SigningKeyException($"Cannot read {what} PEM file '{path}': {e.Message}", e);
        }
        catch (Exception e) when (e is PemException or ArgumentException or InvalidCastException
            or Org.BouncyCastle.Asn1.Asn1Exception or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            throw new SigningKeyException($"The {what} file '{path}' is not valid PEM.", e);
        }
    }

    public override string ToString() => $"PEM key of {Certificate.SubjectDN}";
}
