using Org.BouncyCastle.X509;

namespace Ses.Documents.Signing.Crypto;

/// <summary>A loaded development PKI: root, bureau signing key and TSA key. NOT FOR PRODUCTION.</summary>
public sealed class DevelopmentCertificateSet
{
    public const string RootCertificateFile = "root-ca.crt";
    public const string SigningPkcs12File = "signing.p12";
    public const string TsaPkcs12File = "tsa.p12";
    public const string PasswordFile = "password.txt";
    public const string SigningChainFile = "signing-chain.pem";
    public const string TsaCertificateFile = "tsa.crt";

    internal DevelopmentCertificateSet(string directory, X509Certificate root, ISigningKey signing,
        ISigningKey timestampKey)
    {
        Directory = directory;
        Root = root;
        Signing = signing;
        TimestampKey = timestampKey;
    }

    public string Directory { get; }

    /// <summary>The development root CA: the trust anchor for both the signing and the TSA certificate.</summary>
    public X509Certificate Root { get; }

    /// <summary>The bureau's signing key (from signing.p12).</summary>
    public ISigningKey Signing { get; }

    /// <summary>The TSA's key (from tsa.p12); see <see cref="CreateTsa"/>.</summary>
    public ISigningKey TimestampKey { get; }

    public string RootCertificatePath => Path.Combine(Directory, RootCertificateFile);

    public string SigningPkcs12Path => Path.Combine(Directory, SigningPkcs12File);

    public string TsaPkcs12Path => Path.Combine(Directory, TsaPkcs12File);

    /// <summary>Holds the PKCS#12 password of both key files; readable by the owner only.</summary>
    public string PasswordPath => Path.Combine(Directory, PasswordFile);

    /// <summary>Signing certificate then root, PEM, for openssl and pdfsig.</summary>
    public string SigningChainPath => Path.Combine(Directory, SigningChainFile);

    /// <summary>The TSA certificate, PEM, for <c>openssl ts -verify -untrusted</c>.</summary>
    public string TsaCertificatePath => Path.Combine(Directory, TsaCertificateFile);

    /// <summary>An in-process TSA with this set's TSA key.</summary>
    public LocalTimestampAuthority CreateTsa(TimeProvider time, string? policyOid = null) =>
        new(TimestampKey, time, policyOid);
}
