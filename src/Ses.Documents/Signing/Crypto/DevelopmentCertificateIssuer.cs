using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace Ses.Documents.Signing.Crypto;

/// <summary>Makes the RSA 2048 keys and X.509 v3 certificates of a development set (RSA rather than ECDSA because
/// poppler, older Acrobat and openssl builds all handle it).</summary>
internal sealed class DevelopmentCertificateIssuer(DateTimeOffset now)
{
    public const string RootName = "SES Development Root CA — NOT FOR PRODUCTION";
    public const string TsaName = "SES Development TSA — NOT FOR PRODUCTION";

    private readonly SecureRandom random = new();
    // Back-dated an hour so a verifier whose clock is slightly behind still accepts a fresh set
    private readonly DateTime notBefore = now.UtcDateTime.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerSecond)).AddHours(-1);

    public AsymmetricCipherKeyPair NewKey()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, 2048, 100));
        return generator.GenerateKeyPair();
    }

    /// <summary>Self-signed root: basicConstraints cA critical, keyCertSign + cRLSign, 10 years
    /// (RFC 5280 §4.2.1.9, §4.2.1.3).</summary>
    public X509Certificate Root(AsymmetricCipherKeyPair key)
    {
        var generator = Start(Name(X509Name.CN, RootName), Name(X509Name.CN, RootName), key.Public, 10);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(true));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", key.Private, random));
    }

    /// <summary>The bureau's signing certificate: C=CN, O and CN the bureau (UTF8String), keyUsage digitalSignature
    /// + nonRepudiation critical, not a CA, 3 years.</summary>
    public X509Certificate Signing(AsymmetricCipherKeyPair key, string bureauName, X509Certificate root,
        AsymmetricKeyParameter rootKey)
    {
        var subject = Name((X509Name.C, "CN"), (X509Name.O, bureauName), (X509Name.CN, bureauName));
        var generator = Start(root.SubjectDN, subject, key.Public, 3, root);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true,
            new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", rootKey, random));
    }

    /// <summary>A sealing unit's signing certificate: C=CN, O the bureau's legal name, OU the unit's name, CN the unit's seal
    /// text (UTF8String); otherwise like the bureau's.</summary>
    public X509Certificate UnitSigning(AsymmetricCipherKeyPair key, string bureauLegalName, string unitName, string unitSealText,
        X509Certificate root, AsymmetricKeyParameter rootKey)
    {
        var subject = Name((X509Name.C, "CN"), (X509Name.O, bureauLegalName), (X509Name.OU, unitName), (X509Name.CN, unitSealText));
        var generator = Start(root.SubjectDN, subject, key.Public, 3, root);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true,
            new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", rootKey, random));
    }

    /// <summary>The TSA certificate: extendedKeyUsage id-kp-timeStamping only and critical (RFC 3161 §2.3),
    /// keyUsage digitalSignature critical, not a CA, 3 years.</summary>
    public X509Certificate Tsa(AsymmetricCipherKeyPair key, X509Certificate root, AsymmetricKeyParameter rootKey)
    {
        var generator = Start(root.SubjectDN, Name(X509Name.CN, TsaName), key.Public, 3, root);
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, true,
            new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        return generator.Generate(new Asn1SignatureFactory("SHA256WITHRSA", rootKey, random));
    }

    private X509V3CertificateGenerator Start(X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey,
        int years, X509Certificate? issuerCertificate = null)
    {
        var generator = new X509V3CertificateGenerator();
        // RFC 5280 §4.1.2.2: positive, unique, at most 20 octets
        generator.SetSerialNumber(new BigInteger(120, random).Add(BigInteger.One));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore);
        generator.SetNotAfter(notBefore.AddYears(years));
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false,
            X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuerCertificate?.GetPublicKey() ?? publicKey));
        return generator;
    }

    /// <summary>Attribute values go in as the default converter encodes them: C as PrintableString, CN and O as
    /// UTF8String (RFC 5280 §4.1.2.4), which keeps Chinese names intact.</summary>
    private static X509Name Name(params (DerObjectIdentifier Type, string Value)[] rdns) =>
        new([.. rdns.Select(r => r.Type)], [.. rdns.Select(r => r.Value)]);

    private static X509Name Name(DerObjectIdentifier type, string value) => Name((type, value));
}
