namespace Ses.Service.Signing;

/// <summary>
/// Configuration section <c>Signing</c>. Production sets a PKCS#12 file (<c>Pkcs12Path</c> with
/// <c>Pkcs12Password</c> from the environment or <c>PasswordFile</c>) or a PEM key and chain, a TSA URL, and the
/// trust anchors; with none of them, Development (and the command line) uses development certificates under
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
        if (!string.IsNullOrWhiteSpace(Pkcs12Path) && !string.IsNullOrWhiteSpace(KeyPemPath))
            yield return "Signing:Pkcs12Path and Signing:KeyPemPath are both set: choose one key";
        if (!string.IsNullOrWhiteSpace(Pkcs12Path) && !File.Exists(Pkcs12Path))
            yield return $"Signing:Pkcs12Path: file not found: {Pkcs12Path}";
        if (!string.IsNullOrWhiteSpace(Pkcs12Path) && Pkcs12Password is null && string.IsNullOrWhiteSpace(PasswordFile))
            yield return "Signing:Pkcs12Password (environment Signing__Pkcs12Password) or Signing:PasswordFile is required with Signing:Pkcs12Path";
        if (!string.IsNullOrWhiteSpace(PasswordFile) && !File.Exists(PasswordFile))
            yield return $"Signing:PasswordFile: file not found: {PasswordFile}";
        if (!string.IsNullOrWhiteSpace(KeyPemPath) && string.IsNullOrWhiteSpace(ChainPemPath))
            yield return "Signing:ChainPemPath is required with Signing:KeyPemPath";
        if (!string.IsNullOrWhiteSpace(TsaUrl) && !(Uri.TryCreate(TsaUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            yield return $"Signing:TsaUrl is not an http(s) URL: {TsaUrl}";
        if (UsesConfiguredKey && string.IsNullOrWhiteSpace(TsaUrl) && !AllowWithoutTimestamp)
            yield return "Signing:TsaUrl is required with a configured key (or set Signing:AllowWithoutTimestamp to sign PAdES B-B)";
        foreach (var anchor in TrustAnchors.Where(a => !File.Exists(a)))
            yield return $"Signing:TrustAnchors: file not found: {anchor}";
    }
}
