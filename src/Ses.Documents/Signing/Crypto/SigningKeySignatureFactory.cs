using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Operators.Utilities;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Lets BouncyCastle's CMS and TSP generators sign through an <see cref="ISigningKey"/>, so the private key
/// is never handed to them (it may live in an HSM).</summary>
internal sealed class SigningKeySignatureFactory : ISignatureFactory
{
    private readonly ISigningKey key;
    private readonly AlgorithmIdentifier algorithm;

    public SigningKeySignatureFactory(ISigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        this.key = key;
        try
        {
            algorithm = DefaultSignatureAlgorithmFinder.Instance.Find(key.SignatureAlgorithm);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Unknown signature algorithm '{key.SignatureAlgorithm}'.", nameof(key), e);
        }
    }

    public object AlgorithmDetails => algorithm;

    public IStreamCalculator<IBlockResult> CreateCalculator() => new SigningKeyCalculator(key);
}
