using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Crypto;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Collects the bytes to be signed (the DER signed attributes: small) and signs them once through the
/// <see cref="ISigningKey"/>.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The buffer is handed out as Stream, and BouncyCastle closes it after writing, like its own calculators "
        + "(IStreamCalculator is not disposable); a MemoryStream holds no unmanaged resource and ToArray works after closing.")]
internal sealed class SigningKeyCalculator(ISigningKey key) : IStreamCalculator<IBlockResult>
{
    private readonly MemoryStream buffer = new();

    public Stream Stream => buffer;

    public IBlockResult GetResult() => new SimpleBlockResult(key.Sign(buffer.ToArray()));
}
