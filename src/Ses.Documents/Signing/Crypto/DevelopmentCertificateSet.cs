using System.Collections.Concurrent;
using Org.BouncyCastle.X509;
using Ses.Documents.Templates;

namespace Ses.Documents.Signing.Crypto;

/// <summary>A loaded development PKI: root, bureau and unit signing keys and TSA key. NOT FOR PRODUCTION.</summary>
public sealed class DevelopmentCertificateSet
{
    public const string RootCertificateFile = "root-ca.crt";
    public const string SigningPkcs12File = "signing.p12";
    public const string TsaPkcs12File = "tsa.p12";
    public const string PasswordFile = "password.txt";
    public const string SigningChainFile = "signing-chain.pem";
    public const string TsaCertificateFile = "tsa.crt";

    /// <summary>The root's key and certificate, kept so that each bureau's certificate is issued by the one root.</summary>
    public const string RootPkcs12File = "root-ca.p12";

    /// <summary>A further bureau's signing key; {0} is the bureau's code.</summary>
    public const string BureauSigningPkcs12File = "signing-{0}.p12";

    /// <summary>A sealing unit's signing key; {0} is the bureau's code, {1} the unit's id.</summary>
    public const string UnitSigningPkcs12File = "signing-{0}-{1}.p12";

    private readonly ConcurrentDictionary<string, ISigningKey> _bureaus = new(StringComparer.Ordinal);
    private readonly Lock _issuing = new();

    internal DevelopmentCertificateSet(string directory, X509Certificate root, ISigningKey signing,
        ISigningKey timestampKey, string password)
    {
        Directory = directory;
        Root = root;
        Signing = signing;
        TimestampKey = timestampKey;
        Password = password;
    }

    internal string Password { get; }

    public string Directory { get; }

    /// <summary>The development root CA: the trust anchor for both the signing and the TSA certificate.</summary>
    public X509Certificate Root { get; }

    /// <summary>
    /// The signing key of a bureau, under the set's one root: <see cref="Signing"/> when it names the bureau (the
    /// bureau the set was made for), else <c>signing-&lt;code&gt;.p12</c>, made on first use.
    /// </summary>
    /// <exception cref="SigningKeyException">The set cannot issue it (no root key) or a file is unusable.</exception>
    public ISigningKey SigningFor(string bureauCode, string bureauName, TimeProvider time)
    {
        if (_bureaus.TryGetValue(bureauCode, out var key)) return key;
        lock (_issuing)
        {
            return _bureaus.GetOrAdd(bureauCode, _ => DevelopmentCertificates.ForBureau(this, bureauCode, bureauName, time));
        }
    }

    /// <summary>
    /// The signing key of a document's seal: the bureau's (<paramref name="unit"/> null, as <see cref="SigningFor(string,
    /// string, TimeProvider)"/>), else the sealing unit's own, <c>signing-&lt;code&gt;-&lt;unit&gt;.p12</c>, made on first use.
    /// </summary>
    /// <exception cref="SigningKeyException">The set cannot issue it (no root key) or a file is unusable.</exception>
    public ISigningKey SigningFor(BureauProfile bureau, SealingUnit? unit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(bureau);
        if (unit is null) return SigningFor(bureau.Code, bureau.Name, time);
        var holder = $"{bureau.Code}/{unit.Id}";
        if (_bureaus.TryGetValue(holder, out var key)) return key;
        lock (_issuing)
        {
            return _bureaus.GetOrAdd(holder, _ => DevelopmentCertificates.ForUnit(this, bureau, unit, time));
        }
    }

    /// <summary>The signing key of the bureau the set was made for (from signing.p12).</summary>
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
