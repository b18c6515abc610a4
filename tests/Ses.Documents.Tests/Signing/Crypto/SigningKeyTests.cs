using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Ses.Documents.Signing.Crypto;

namespace Ses.Documents.Tests.Signing.Crypto;

public sealed class SigningKeyTests(DevelopmentPki pki) : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("ses-keys-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void Pkcs12Load_WrongPassword_ThrowsNamingFileButNotPassword()
    {
        const string wrong = "Tr0ub4dor&3-wrong";

        var error = Assert.Throws<SigningKeyException>(() => Pkcs12SigningKey.Load(pki.Set.SigningPkcs12Path, wrong));

        Assert.Contains(pki.Set.SigningPkcs12Path, error.Message);
        Assert.Contains("wrong password", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public void Pkcs12Load_MissingFile_ThrowsNamingFile()
    {
        var path = Path.Combine(directory.FullName, "absent.p12");

        var error = Assert.Throws<SigningKeyException>(() => Pkcs12SigningKey.Load(path, "x"));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Pkcs12Load_NotPkcs12_Throws()
    {
        var error = Assert.Throws<SigningKeyException>(() => Pkcs12SigningKey.Load("not a p12"u8.ToArray(), "x"));

        Assert.Contains("PKCS#12 data", error.Message);
    }

    [Fact]
    public void Pkcs12Load_FromBytes_SignsVerifiablyWithItsCertificate()
    {
        var password = File.ReadAllText(pki.Set.PasswordPath);
        var key = Pkcs12SigningKey.Load(File.ReadAllBytes(pki.Set.SigningPkcs12Path), password);
        var data = RandomNumberGenerator.GetBytes(64);

        var signature = key.Sign(data);

        var verifier = SignerUtilities.GetSigner("SHA256WITHRSA");
        verifier.Init(false, key.Certificate.GetPublicKey());
        verifier.BlockUpdate(data, 0, data.Length);
        Assert.True(verifier.VerifySignature(signature));
        Assert.DoesNotContain("Private", key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PemLoad_EcdsaKeyAndChain_SignsCadesThatVerifies()
    {
        var (keyPath, chainPath, root) = WriteEcdsaPem();

        var key = PemSigningKey.Load(keyPath, chainPath);
        var content = RandomNumberGenerator.GetBytes(1000);
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), key, null);
        var result = CadesVerifier.Verify(cms, new MemoryStream(content), [root], FixedTimeProvider.Default);

        Assert.Equal("SHA256WITHECDSA", key.SignatureAlgorithm);
        Assert.Equal([key.Certificate, root], key.Chain);
        Assert.Equal([CadesProblems.TimestampMissing], result.Problems);
    }

    [Fact]
    public void PemLoad_KeyWithoutMatchingCertificate_ThrowsNamingFiles()
    {
        var (keyPath, _, _) = WriteEcdsaPem();

        var error = Assert.Throws<SigningKeyException>(() => PemSigningKey.Load(keyPath, pki.Set.SigningChainPath));

        Assert.Contains("no certificate matches", error.Message);
        Assert.Contains(keyPath, error.Message);
    }

    [Fact]
    public void PemLoad_CertificateFileAsKey_ThrowsNoPrivateKey()
    {
        var error = Assert.Throws<SigningKeyException>(() =>
            PemSigningKey.Load(pki.Set.RootCertificatePath, pki.Set.SigningChainPath));

        Assert.Contains("holds no private key", error.Message);
    }

    /// <summary>An ECDSA P-256 root and leaf written as openssl would: PKCS#8 key PEM and a chain PEM (root first,
    /// to show the loader orders it).</summary>
    private (string KeyPath, string ChainPath, X509Certificate Root) WriteEcdsaPem()
    {
        var random = new SecureRandom();
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.Sec.SecObjectIdentifiers.SecP256r1, random));
        var rootKey = generator.GenerateKeyPair();
        var leafKey = generator.GenerateKeyPair();
        var root = Certificate("CN=EC Root", "CN=EC Root", rootKey.Public, rootKey.Private, true);
        var leaf = Certificate("CN=EC Root", "CN=EC Signer", leafKey.Public, rootKey.Private, false);
        var keyPath = Path.Combine(directory.FullName, $"{Guid.NewGuid():N}.key.pem");
        var chainPath = Path.Combine(directory.FullName, $"{Guid.NewGuid():N}.chain.pem");
        using (var writer = new StreamWriter(keyPath)) new PemWriter(writer).WriteObject(new Pkcs8Generator(leafKey.Private));
        using (var writer = new StreamWriter(chainPath))
        {
            var pem = new PemWriter(writer);
            pem.WriteObject(root);
            pem.WriteObject(leaf);
        }
        return (keyPath, chainPath, root);
    }

    private static X509Certificate Certificate(string issuer, string subject, Org.BouncyCastle.Crypto.AsymmetricKeyParameter publicKey,
        Org.BouncyCastle.Crypto.AsymmetricKeyParameter issuerKey, bool ca)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(BigInteger.ValueOf(ca ? 1 : 2));
        generator.SetIssuerDN(new X509Name(issuer));
        generator.SetSubjectDN(new X509Name(subject));
        generator.SetNotBefore(FixedTimeProvider.Default.UtcDateTime.AddDays(-1));
        generator.SetNotAfter(FixedTimeProvider.Default.UtcDateTime.AddDays(1));
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        generator.AddExtension(X509Extensions.KeyUsage, true,
            new KeyUsage(ca ? KeyUsage.KeyCertSign : KeyUsage.NonRepudiation));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", issuerKey));
    }
}
