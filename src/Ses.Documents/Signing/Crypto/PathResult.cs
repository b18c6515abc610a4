namespace Ses.Documents.Signing.Crypto;

/// <summary>Outcome of <see cref="CertificatePathValidator"/>: a problem code and an English description, or
/// neither.</summary>
internal sealed record PathResult(string? Code, string? Description)
{
    public static readonly PathResult Valid = new(null, null);

    public bool IsValid => Code is null;
}
