using Org.BouncyCastle.Crypto;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Collects the bytes to be signed (the DER signed attributes: small) and signs them once through the
/// <see cref="ISigningKey"/>.</summary>
internal sealed class SigningKeyCalculator(ISigningKey key) : IStreamCalculator<IBlockResult>
{
    private readonly MemoryStream buffer = new();

    public Stream Stream => buffer;

    public IBlockResult GetResult() => new SimpleBlockResult(key.Sign(buffer.ToArray()));
}
