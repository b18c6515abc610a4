namespace Ses.Documents.Signing.Crypto;

/// <summary>An RFC 3161 time-stamping authority, in-process or remote.</summary>
public interface ITimestampSource
{
    /// <summary>Returns the DER TimeStampToken (a CMS ContentInfo, RFC 3161 §2.4.2) over the given SHA-256
    /// imprint. Throws <see cref="TimestampException"/> when no valid token can be had.</summary>
    byte[] GetTimestampToken(byte[] sha256Imprint);

    /// <summary>Human-readable name of the authority, for logs and evidence (no secrets).</summary>
    string Description { get; }
}
