namespace Ses.Service.Signing;

/// <summary>
/// The key of one sealing unit of the bureau whose key is configured (<c>Signing:Units:&lt;unit id&gt;</c>, the unit's
/// <c>id</c> in the bureau's profile), set as the bureau's key is: a PKCS#12 file with its password (from the
/// environment, <c>Signing__Units__&lt;unit id&gt;__Pkcs12Password</c>, or a file) or a PEM key with its chain. Its
/// certificate names the bureau (O) and the unit (OU) or the service does not start; the unit's collection forms and
/// transfer slips are sealed with it, and refused while it is not configured.
/// </summary>
public sealed class UnitKeyOptions
{
    public string? Pkcs12Path { get; set; }

    /// <summary>Secret: give it through the environment, never in a file in git.</summary>
    public string? Pkcs12Password { get; set; }

    /// <summary>A file holding the PKCS#12 password (e.g. a mounted secret).</summary>
    public string? PasswordFile { get; set; }

    public string? KeyPemPath { get; set; }

    public string? ChainPemPath { get; set; }
}
