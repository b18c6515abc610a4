namespace Ses.Service.Signing;

/// <summary>
/// Configuration section <c>Signing</c>. Production sets a PKCS#12 file (<c>Pkcs12Path</c> with
/// <c>Pkcs12Password</c> from the environment or <c>PasswordFile</c>) or a PEM key and chain, one such key per sealing
/// unit (<c>Units</c>), a TSA URL, and the trust anchors; with none of them, Development (and the command line) uses development certificates under
/// <c>DevelopmentCertificatesPath</c> and an in-process TSA.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    public string? Pkcs12Path { get; set; }

    /// <summary>Secret: give it through the environment (<c>Signing__Pkcs12Password</c>), never in a file in git.</summary>
    public string? Pkcs12Password { get; set; }

    /// <summary>A file holding the PKCS#12 password (e.g. a mounted secret).</summary>
    public string? PasswordFile { get; set; }

    public string? KeyPemPath { get; set; }

    public string? ChainPemPath { get; set; }

    /// <summary>
    /// The code of the bureau the configured key belongs to (default: the templates' default bureau). Its certificate
    /// must name that bureau (subject O or CN containing the bureau's name or seal text); documents of any other bureau
    /// are refused, never signed with this key.
    /// </summary>
    public string? Bureau { get; set; }

    /// <summary>
    /// The keys of the bureau's sealing units by the unit's id (<c>Signing:Units:transport:Pkcs12Path</c>), each set as
    /// the bureau's key is; only with a configured bureau key. A unit without one here cannot seal its forms.
    /// </summary>
    public Dictionary<string, UnitKeyOptions> Units { get; set; } = [];

    /// <summary>External RFC 3161 TSA; empty uses the in-process TSA (development certificates only).</summary>
    public string? TsaUrl { get; set; }

    /// <summary>Allow PAdES B-B when no TSA is configured; such signatures say they have no trusted timestamp.</summary>
    public bool AllowWithoutTimestamp { get; set; }

    /// <summary>PEM files of the certificates trusted when verifying (the development root is added in development).</summary>
    public List<string> TrustAnchors { get; set; } = [];

    public string DevelopmentCertificatesPath { get; set; } = "";

    public bool UsesConfiguredKey => !string.IsNullOrWhiteSpace(Pkcs12Path) || !string.IsNullOrWhiteSpace(KeyPemPath);

    /// <summary>Every problem with the settings, each naming its key; empty when usable.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var problem in KeyProblems("Signing", Pkcs12Path, Pkcs12Password, PasswordFile, KeyPemPath, ChainPemPath)) yield return problem;
        foreach (var (id, unit) in Units)
        {
            var prefix = $"Signing:Units:{id}";
            if (!UsesConfiguredKey)
            {
                yield return $"{prefix} is set without Signing:Pkcs12Path or Signing:KeyPemPath: a unit's key is configured with its bureau's";
            }
            if (string.IsNullOrWhiteSpace(unit.Pkcs12Path) && string.IsNullOrWhiteSpace(unit.KeyPemPath))
            {
                yield return $"{prefix}: set {prefix}:Pkcs12Path or {prefix}:KeyPemPath";
            }
            foreach (var problem in KeyProblems(prefix, unit.Pkcs12Path, unit.Pkcs12Password, unit.PasswordFile, unit.KeyPemPath, unit.ChainPemPath))
            {
                yield return problem;
            }
        }
        if (!string.IsNullOrWhiteSpace(TsaUrl) && !(Uri.TryCreate(TsaUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            yield return $"Signing:TsaUrl is not an http(s) URL: {TsaUrl}";
        if (UsesConfiguredKey && string.IsNullOrWhiteSpace(TsaUrl) && !AllowWithoutTimestamp)
            yield return "Signing:TsaUrl is required with a configured key (or set Signing:AllowWithoutTimestamp to sign PAdES B-B)";
        foreach (var anchor in TrustAnchors.Where(a => !File.Exists(a)))
            yield return $"Signing:TrustAnchors: file not found: {anchor}";
    }

    /// <summary>The problems of one key's settings under <paramref name="prefix"/> (<c>Signing</c> or <c>Signing:Units:&lt;id&gt;</c>).</summary>
    private static IEnumerable<string> KeyProblems(string prefix, string? pkcs12Path, string? password, string? passwordFile, string? keyPemPath,
        string? chainPemPath)
    {
        if (!string.IsNullOrWhiteSpace(pkcs12Path) && !string.IsNullOrWhiteSpace(keyPemPath))
            yield return $"{prefix}:Pkcs12Path and {prefix}:KeyPemPath are both set: choose one key";
        if (!string.IsNullOrWhiteSpace(pkcs12Path) && !File.Exists(pkcs12Path))
            yield return $"{prefix}:Pkcs12Path: file not found: {pkcs12Path}";
        if (!string.IsNullOrWhiteSpace(pkcs12Path) && password is null && string.IsNullOrWhiteSpace(passwordFile))
        {
            yield return $"{prefix}:Pkcs12Password (environment {prefix.Replace(":", "__", StringComparison.Ordinal)}__Pkcs12Password) "
                + $"or {prefix}:PasswordFile is required with {prefix}:Pkcs12Path";
        }
        if (!string.IsNullOrWhiteSpace(passwordFile) && !File.Exists(passwordFile))
            yield return $"{prefix}:PasswordFile: file not found: {passwordFile}";
        if (!string.IsNullOrWhiteSpace(keyPemPath) && string.IsNullOrWhiteSpace(chainPemPath))
            yield return $"{prefix}:ChainPemPath is required with {prefix}:KeyPemPath";
    }
}
