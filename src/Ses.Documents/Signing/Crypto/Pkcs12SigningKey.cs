using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>A signing key read from a PKCS#12 (.p12/.pfx) file: the development default for key custody
/// (电子签名法第十三条; production uses an HSM behind <see cref="ISigningKey"/>).</summary>
public sealed class Pkcs12SigningKey : ISigningKey
{
    private readonly SoftwareKey key;

    private Pkcs12SigningKey(SoftwareKey key) => this.key = key;

    public X509Certificate Certificate => key.Certificate;

    public IReadOnlyList<X509Certificate> Chain => key.Chain;

    public string SignatureAlgorithm => key.SignatureAlgorithm;

    public byte[] Sign(byte[] data) => key.Sign(data);

    /// <summary>Loads the first key entry of the PKCS#12 file at <paramref name="path"/>.</summary>
    /// <exception cref="SigningKeyException">The file is missing, unreadable, not PKCS#12, the password is wrong, or
    /// it holds no usable key; the message names the file.</exception>
    public static Pkcs12SigningKey Load(string path, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(password);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SigningKeyException($"Cannot read PKCS#12 file '{path}': {e.Message}", e);
        }
        return Load(content, password, $"PKCS#12 file '{path}'");
    }

    /// <summary>Loads the first key entry of PKCS#12 content held in memory.</summary>
    public static Pkcs12SigningKey Load(byte[] pkcs12, string password) =>
        Load(pkcs12, password, "PKCS#12 data");

    private static Pkcs12SigningKey Load(byte[] pkcs12, string password, string source)
    {
        ArgumentNullException.ThrowIfNull(pkcs12);
        ArgumentNullException.ThrowIfNull(password);
        var store = new Pkcs12StoreBuilder().Build();
        var secret = password.ToCharArray();
        try
        {
            using var stream = new MemoryStream(pkcs12, writable: false);
            store.Load(stream, secret);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException
            or InvalidOperationException or Org.BouncyCastle.Security.GeneralSecurityException
            or Org.BouncyCastle.Crypto.CryptoException or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            // The underlying message carries no secret, but it is also no help; say what the user can fix.
            throw new SigningKeyException($"Cannot open {source}: wrong password or not a PKCS#12 file.", e);
        }
        finally
        {
            Array.Clear(secret);
        }

        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
            ?? throw new SigningKeyException($"{source} holds no private key.");
        var privateKey = store.GetKey(alias).Key;
        var certificates = (store.GetCertificateChain(alias) ?? [])
            .Select(entry => entry.Certificate)
            .Concat(store.Aliases.Where(store.IsCertificateEntry).Select(a => store.GetCertificate(a).Certificate));
        return new Pkcs12SigningKey(SoftwareKey.Create(privateKey, certificates, source));
    }

    public override string ToString() => $"PKCS#12 key of {Certificate.SubjectDN}";
}
