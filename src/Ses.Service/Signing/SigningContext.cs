using System.Collections.Concurrent;
using Org.BouncyCastle.X509;
using Ses.Documents.Rendering;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;

namespace Ses.Service.Signing;

/// <summary>
/// The signing keys, timestamp source and trust anchors in use, built once from <see cref="SigningOptions"/>. A key
/// belongs to one bureau: <see cref="For(BureauProfile, SealingUnit?)"/> gives the settings to sign a document of a bureau with, and only with that
/// bureau's own key, so a signature's seal text, signer certificate and bureau always agree (电子签名法第十三条). A
/// configured key (<c>Signing:Pkcs12Path</c> or <c>Signing:KeyPemPath</c>) is the key of <c>Signing:Bureau</c> and
/// its certificate must name that bureau; in Development each bureau gets its own certificate from the one
/// development root, made on first use.
/// </summary>
/// <remarks>
/// Keys are held by <see cref="SealHolder"/>: a bureau, or a sealing unit of it (the collecting department of a
/// collection form, the department of a transfer slip), each with its own key. In Development each unit gets its own
/// certificate from the development root too; in production a unit's key is configured beside its bureau's
/// (<c>Signing:Units:&lt;unit id&gt;</c>), and a unit without one has no key: its forms are refused, never sealed with another's.
/// </remarks>
public sealed class SigningContext
{
    private readonly ConcurrentDictionary<SealHolder, SignatureSettings> _settings = new();
    private readonly Func<BureauProfile, SealingUnit?, ISigningKey?> _keyOf;
    private readonly bool _allowWithoutTimestamp;

    private SigningContext(Func<BureauProfile, SealingUnit?, ISigningKey?> keyOf, ITimestampSource? timestamps, bool allowWithoutTimestamp,
        IReadOnlyList<X509Certificate> anchors, LocalTimestampAuthority? localTsa, string description, bool development)
    {
        _keyOf = keyOf;
        Timestamps = timestamps;
        _allowWithoutTimestamp = allowWithoutTimestamp;
        TrustAnchors = anchors;
        LocalTsa = localTsa;
        Description = description;
        IsDevelopment = development;
    }

    /// <summary>The RFC 3161 source every signature is timestamped by, or null (PAdES B-B, when allowed).</summary>
    public ITimestampSource? Timestamps { get; }

    public IReadOnlyList<X509Certificate> TrustAnchors { get; }

    /// <summary>The in-process TSA, served at <c>POST /tsa</c> to signed-in staff, when the development certificates are used.</summary>
    public LocalTimestampAuthority? LocalTsa { get; }

    /// <summary>What is used, for /health and the command line (never key material).</summary>
    public string Description { get; }

    public bool IsDevelopment { get; }

    /// <summary>The settings to sign a document of <paramref name="bureau"/> with its own key, or null when it has none here.</summary>
    /// <exception cref="SigningKeyException">A development key for the bureau could not be made or read.</exception>
    public SignatureSettings? For(BureauProfile bureau) => For(bureau, null);

    /// <summary>
    /// The settings to sign with the key of the unit that seals (<paramref name="unit"/>; null: the bureau), or null when
    /// it has none here.
    /// </summary>
    /// <exception cref="SigningKeyException">A development key could not be made or read.</exception>
    public SignatureSettings? For(BureauProfile bureau, SealingUnit? unit)
    {
        var holder = new SealHolder(bureau.Code, unit?.Id);
        if (_settings.TryGetValue(holder, out var settings)) return settings;
        var key = _keyOf(bureau, unit);
        return key is null ? null : _settings.GetOrAdd(holder, _ => new SignatureSettings(key, Timestamps, _allowWithoutTimestamp));
    }

    /// <summary>As <see cref="For(BureauProfile)"/>, but a bureau without its key is an error.</summary>
    /// <exception cref="BureauKeyMissingException">The bureau has no signing key here.</exception>
    public SignatureSettings Require(BureauProfile bureau) => Require(bureau, null);

    /// <summary>The settings to sign <paramref name="input"/> with: the key of the unit whose seal it bears, else the bureau's.</summary>
    /// <exception cref="BureauKeyMissingException">That unit or bureau has no signing key here.</exception>
    public SignatureSettings Require(FormInput input) => Require(input.Bureau, DocumentResolver.SealingUnitOf(input));

    /// <exception cref="BureauKeyMissingException">The unit (or the bureau, when null) has no signing key here.</exception>
    public SignatureSettings Require(BureauProfile bureau, SealingUnit? unit) => For(bureau, unit) ?? throw new BureauKeyMissingException(bureau, unit);

    /// <exception cref="SigningConfigurationException">The settings are wrong; the message names the key.</exception>
    public static SigningContext Create(
        SigningOptions options, string developmentDirectory, TemplateLibrary templates, TimeProvider time, bool allowDevelopment, HttpClient http)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new SigningConfigurationException(string.Join("; ", problems));
        var anchors = options.TrustAnchors.SelectMany(ReadCertificates).ToList();
        if (options.UsesConfiguredKey)
        {
            var setting = !string.IsNullOrWhiteSpace(options.Pkcs12Path) ? "Signing:Pkcs12Path" : "Signing:KeyPemPath";
            var bureau = string.IsNullOrWhiteSpace(options.Bureau) ? templates.DefaultBureau : templates.FindBureau(options.Bureau.Trim())
                ?? throw new SigningConfigurationException($"Signing:Bureau: no bureau '{options.Bureau}' in {Path.Combine(templates.Root, "bureaus")} "
                    + $"(one of: {string.Join(", ", templates.Bureaus.Select(b => b.Code))})");
            var key = LoadKey("Signing", options.Pkcs12Path, options.Pkcs12Password, options.PasswordFile, options.KeyPemPath, options.ChainPemPath);
            if (!SignerNames.IsBureaus(key.Certificate, bureau))
            {
                throw new SigningConfigurationException(
                    $"{setting}: the certificate's subject ({key.Certificate.SubjectDN}) names neither {bureau.Name} nor its seal text, " +
                    "or names a unit of it (OU): the configured key is the bureau's own; " +
                    $"a key signs only for the bureau its certificate names (set Signing:Bureau to that bureau's code; now '{bureau.Code}')");
            }
            var units = UnitKeys(options, bureau);
            HttpTimestampClient? tsa = string.IsNullOrWhiteSpace(options.TsaUrl) ? null : new HttpTimestampClient(new Uri(options.TsaUrl), http);
            var what = $"signing key of {key.Certificate.SubjectDN} for bureau {bureau.Code}; "
                + (units.Count == 0 ? "no sealing unit keys; " : $"sealing unit keys: {string.Join(", ", units.Keys.Order(StringComparer.Ordinal))}; ")
                + (tsa?.Description ?? "no timestamp authority (PAdES B-B)");
            var code = bureau.Code;
            // The configured keys are the bureau's and its units': a unit without its own key is refused, never sealed with the bureau's.
            return new SigningContext((b, unit) => b.Code != code ? null : unit is null ? key : units.GetValueOrDefault(unit.Id), tsa,
                options.AllowWithoutTimestamp, anchors, null, what, false);
        }
        if (!allowDevelopment)
        {
            throw new SigningConfigurationException("Signing:Pkcs12Path or Signing:KeyPemPath is required outside Development (see certs/README.md)");
        }
        DevelopmentCertificateSet dev;
        try
        {
            dev = DevelopmentCertificates.LoadOrCreate(developmentDirectory, time, templates.DefaultBureau.Name);
        }
        catch (SigningKeyException e)
        {
            throw new SigningConfigurationException($"Signing:DevelopmentCertificatesPath: {e.Message}", e);
        }
        var local = dev.CreateTsa(time);
        anchors.Add(dev.Root);
        ITimestampSource source = string.IsNullOrWhiteSpace(options.TsaUrl) ? local : new HttpTimestampClient(new Uri(options.TsaUrl), http);
        var perBureau = File.Exists(Path.Combine(dev.Directory, DevelopmentCertificateSet.RootPkcs12File));
        var description = perBureau
            ? $"DEVELOPMENT certificates in {dev.Directory}, one per bureau and sealing unit (not for production); {source.Description}"
            : $"DEVELOPMENT certificates in {dev.Directory} (not for production), made before each bureau had its own key: "
                + $"only {dev.Signing.Certificate.SubjectDN} signs; delete the folder to make one key per bureau; {source.Description}";
        return new SigningContext(KeyOf, source, options.AllowWithoutTimestamp, anchors, local, description, true);

        // A set that cannot issue a bureau's certificate leaves that bureau without a key (refused, never signed with another's).
        ISigningKey? KeyOf(BureauProfile b, SealingUnit? unit)
        {
            try
            {
                return dev.SigningFor(b, unit, time);
            }
            catch (SigningKeyException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The keys of the bureau's sealing units (<c>Signing:Units:&lt;unit id&gt;</c>), each checked as the bureau's is: the unit is
    /// one of the bureau's profile, and its certificate names the bureau and the unit as the engine checks when it seals
    /// (<see cref="SignerNames.NamesUnit"/>), so a unit's seal is only ever signed with that unit's own key (电子签名法第十三条).
    /// </summary>
    /// <exception cref="SigningConfigurationException">A unit or its key is wrong; the message names the key.</exception>
    private static Dictionary<string, ISigningKey> UnitKeys(SigningOptions options, BureauProfile bureau)
    {
        var keys = new Dictionary<string, ISigningKey>(StringComparer.Ordinal);
        foreach (var (id, settings) in options.Units)
        {
            var prefix = $"Signing:Units:{id}";
            var unit = bureau.FindUnitById(id.Trim()) ?? throw new SigningConfigurationException(
                $"{prefix}: bureau {bureau.Code} has no sealing unit '{id}' (one of: {string.Join(", ", (bureau.Units ?? []).Select(u => u.Id))})");
            var key = LoadKey(prefix, settings.Pkcs12Path, settings.Pkcs12Password, settings.PasswordFile, settings.KeyPemPath, settings.ChainPemPath);
            if (!SignerNames.NamesUnit(key.Certificate, bureau, unit))
            {
                throw new SigningConfigurationException(
                    $"{prefix}: the certificate's subject ({key.Certificate.SubjectDN}) does not name {bureau.Name} (O or CN, by its name or "
                    + $"{bureau.SealText}) with OU={unit.Name} as its only OU: a unit's key names the bureau Signing:Bureau names "
                    + $"('{bureau.Code}') and that unit, and only that unit");
            }
            keys[unit.Id] = key;
        }
        return keys;
    }

    /// <summary>A configured key: a PKCS#12 file with its password (given or read from a file), or a PEM key with its chain.</summary>
    /// <exception cref="SigningConfigurationException">The key cannot be read; the message names <paramref name="prefix"/>.</exception>
    private static ISigningKey LoadKey(string prefix, string? pkcs12Path, string? password, string? passwordFile, string? keyPemPath,
        string? chainPemPath)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(pkcs12Path)
                ? Pkcs12SigningKey.Load(pkcs12Path, password ?? File.ReadAllText(passwordFile!).Trim())
                : PemSigningKey.Load(keyPemPath!, chainPemPath!);
        }
        catch (SigningKeyException e)
        {
            throw new SigningConfigurationException($"{prefix}: {e.Message}", e);
        }
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

    /// <summary>The PEM certificates of a file, for the trust anchors.</summary>
    public static IReadOnlyList<X509Certificate> ReadCertificates(string path)
    {
        using var stream = File.OpenRead(path);
        var certs = new X509CertificateParser().ReadCertificates(stream).ToList();
        return certs.Count > 0 ? certs : throw new SigningConfigurationException($"Signing:TrustAnchors: no certificate in {path}");
    }
}
