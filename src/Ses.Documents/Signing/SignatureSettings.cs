using Ses.Documents.Signing.Crypto;

namespace Ses.Documents.Signing;

/// <summary>How documents are signed: the key, the timestamp source, and whether B-B without a timestamp is allowed.</summary>
/// <param name="Key">The private-key operation (PKCS#12 by default, an HSM in production).</param>
/// <param name="Timestamps">The RFC 3161 source; null only when <paramref name="AllowWithoutTimestamp"/>.</param>
/// <param name="AllowWithoutTimestamp">Sign PAdES B-B when no TSA is configured; the signature then says so.</param>
public sealed record SignatureSettings(ISigningKey Key, ITimestampSource? Timestamps, bool AllowWithoutTimestamp = false);
