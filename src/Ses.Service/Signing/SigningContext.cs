using Org.BouncyCastle.X509;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;

namespace Ses.Service.Signing;

/// <summary>
/// The signing key, timestamp source and trust anchors in use, built once from <see cref="SigningOptions"/>: the
/// configured key and TSA, or — where allowed — the development certificates and an in-process TSA.
/// </summary>
public sealed class SigningContext
{
    private SigningContext(SignatureSettings settings, IReadOnlyList<X509Certificate> anchors, LocalTimestampAuthority? localTsa, string description, bool development)
    {
        Settings = settings;
        TrustAnchors = anchors;
        LocalTsa = localTsa;
        Description = description;
        IsDevelopment = development;
    }

    public SignatureSettings Settings { get; }

    public IReadOnlyList<X509Certificate> TrustAnchors { get; }

    /// <summary>The in-process TSA, served at <c>POST /tsa</c>, when the development certificates are used.</summary>
    public LocalTimestampAuthority? LocalTsa { get; }

    /// <summary>What is used, for /health and the command line (never key material).</summary>
    public string Description { get; }

    public bool IsDevelopment { get; }

    /// <exception cref="SigningConfigurationException">The settings are wrong; the message names the key.</exception>
    public static SigningContext Create(SigningOptions options, string developmentDirectory, string bureauName, TimeProvider time, bool allowDevelopment, HttpClient http)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new SigningConfigurationException(string.Join("; ", problems));
        var anchors = options.TrustAnchors.SelectMany(ReadCertificates).ToList();
        if (options.UsesConfiguredKey)
        {
            ISigningKey key;
            try
            {
                key = !string.IsNullOrWhiteSpace(options.Pkcs12Path)
                    ? Pkcs12SigningKey.Load(options.Pkcs12Path, options.Pkcs12Password ?? File.ReadAllText(options.PasswordFile!).Trim())
                    : PemSigningKey.Load(options.KeyPemPath!, options.ChainPemPath!);
            }
            catch (SigningKeyException e)
            {
                throw new SigningConfigurationException($"Signing: {e.Message}", e);
            }
            ITimestampSource? tsa = string.IsNullOrWhiteSpace(options.TsaUrl) ? null : new HttpTimestampClient(new Uri(options.TsaUrl), http);
            var what = $"signing key of {key.Certificate.SubjectDN}; " + (tsa?.Description ?? "no timestamp authority (PAdES B-B)");
            return new SigningContext(new SignatureSettings(key, tsa, options.AllowWithoutTimestamp), anchors, null, what, false);
        }
        if (!allowDevelopment)
        {
            throw new SigningConfigurationException("Signing:Pkcs12Path or Signing:KeyPemPath is required outside Development (see certs/README.md)");
        }
        var dev = DevelopmentCertificates.LoadOrCreate(developmentDirectory, time, bureauName);
        var local = dev.CreateTsa(time);
        anchors.Add(dev.Root);
        ITimestampSource source = string.IsNullOrWhiteSpace(options.TsaUrl) ? local : new HttpTimestampClient(new Uri(options.TsaUrl), http);
        var description = $"DEVELOPMENT certificates in {dev.Directory} (not for production); {source.Description}";
        return new SigningContext(new SignatureSettings(dev.Signing, source, options.AllowWithoutTimestamp), anchors, local, description, true);
    }

    /// <summary>
    /// The configured folder; else certs/dev of the checkout the working directory is in (the folder holding
    /// Ses.sln); else certs/dev beside the templates folder.
    /// </summary>
    public static string DevelopmentDirectory(SigningOptions options, string templatesRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.DevelopmentCertificatesPath)) return Path.GetFullPath(options.DevelopmentCertificatesPath);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) return Path.Combine(dir.FullName, "certs", "dev");
        }
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templatesRoot).TrimEnd(Path.DirectorySeparatorChar))!, "certs", "dev");
    }

    private static IEnumerable<X509Certificate> ReadCertificates(string path)
    {
        using var stream = File.OpenRead(path);
        var certs = new X509CertificateParser().ReadCertificates(stream).ToList();
        return certs.Count > 0 ? certs : throw new SigningConfigurationException($"Signing:TrustAnchors: no certificate in {path}");
    }
}
