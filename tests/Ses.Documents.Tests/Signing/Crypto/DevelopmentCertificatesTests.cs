using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Ses.Documents.Signing.Crypto;

namespace Ses.Documents.Tests.Signing.Crypto;

public sealed class DevelopmentCertificatesTests(DevelopmentPki pki)
{
    private static IEnumerable<Asn1Encodable> SubjectValues(Org.BouncyCastle.X509.X509Certificate certificate) =>
        Asn1Sequence.GetInstance(certificate.SubjectDN.ToAsn1Object()).Cast<Asn1Set>()
            .Select(rdn => Asn1Sequence.GetInstance(rdn[0])[1]);

    [Fact]
    public void Create_TsaCertificate_HasCriticalTimeStampingUsageAndDigitalSignatureOnly()
    {
        var tsa = pki.Set.TimestampKey.Certificate;

        Assert.Contains(X509Extensions.ExtendedKeyUsage.Id, tsa.GetCriticalExtensionOids());
        Assert.Equal([KeyPurposeID.id_kp_timeStamping], tsa.GetExtendedKeyUsage());
        Assert.Equal([true, false, false, false, false, false, false, false, false], tsa.GetKeyUsage());
        Assert.Equal(-1, tsa.GetBasicConstraints());
        Assert.Equal("CN=SES Development TSA — NOT FOR PRODUCTION", tsa.SubjectDN.ToString());
    }

    [Fact]
    public void Create_SigningCertificate_IsBureauWithCriticalDigitalSignatureAndNonRepudiation()
    {
        var signing = pki.Set.Signing.Certificate;

        Assert.Equal("C=CN,O=民航西北地区管理局,CN=民航西北地区管理局", signing.SubjectDN.ToString());
        Assert.Contains(X509Extensions.KeyUsage.Id, signing.GetCriticalExtensionOids());
        Assert.True(signing.GetKeyUsage()[0] && signing.GetKeyUsage()[1]);
        Assert.Equal(-1, signing.GetBasicConstraints());
        Assert.Equal(signing.NotBefore.AddYears(3), signing.NotAfter);
        Assert.True(signing.IsValid(FixedTimeProvider.Default.UtcDateTime));
        Assert.Equal(pki.Set.Root.SubjectDN.ToString(), signing.IssuerDN.ToString());
    }

    [Fact]
    public void Create_ChineseNames_AreUtf8StringsAndCountryPrintable()
    {
        var values = SubjectValues(pki.Set.Signing.Certificate).ToList();

        Assert.IsType<DerPrintableString>(values[0]);
        Assert.Equal("民航西北地区管理局", Assert.IsType<DerUtf8String>(values[1]).GetString());
        Assert.Equal("民航西北地区管理局", Assert.IsType<DerUtf8String>(values[2]).GetString());
    }

    [Fact]
    public void Create_Root_IsCriticalCaWithKeyCertSignForTenYears()
    {
        var root = pki.Set.Root;

        Assert.Equal("CN=SES Development Root CA — NOT FOR PRODUCTION", root.SubjectDN.ToString());
        Assert.Contains(X509Extensions.BasicConstraints.Id, root.GetCriticalExtensionOids());
        Assert.True(root.GetBasicConstraints() >= 0);
        var keyUsage = root.GetKeyUsage();
        Assert.True(keyUsage[5] && keyUsage[6]); // keyCertSign, cRLSign
        Assert.False(keyUsage[0]);
        Assert.Equal(root.NotBefore.AddYears(10), root.NotAfter);
        root.Verify(root.GetPublicKey());
        Assert.Equal(2048, Assert.IsType<Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters>(root.GetPublicKey()).Modulus.BitLength);
    }

    [Fact]
    public void Create_KeysAreChainedToRootAndSignWithRsaSha256()
    {
        Assert.Equal([pki.Set.Signing.Certificate, pki.Set.Root], pki.Set.Signing.Chain);
        Assert.Equal([pki.Set.TimestampKey.Certificate, pki.Set.Root], pki.Set.TimestampKey.Chain);
        Assert.Equal("SHA256WITHRSA", pki.Set.Signing.SignatureAlgorithm);
    }

    [Fact]
    public void Create_EveryFileIsOwnerReadWriteOnlyAndDirectoryOwnerOnly()
    {
        var directory = pki.Set.Directory;

        // Further bureaus' and units' keys (signing-<bureau>.p12, signing-<bureau>-<unit>.p12) are made on first use by
        // other tests of the same set.
        var files = Directory.GetFiles(directory).Select(Path.GetFileName)
            .Where(f => !Regex.IsMatch(f!, @"^signing-[a-z]+(-[a-z][a-z-]*)?\.p12$")).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["password.txt", "root-ca.crt", "root-ca.p12", "signing-chain.pem", "signing.p12", "tsa.crt", "tsa.p12"], files);
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only");
        }
        else
        {
            foreach (var file in Directory.GetFiles(directory))
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(directory));
        }
    }

    [Fact]
    public void Create_PasswordIs32RandomAlphanumericCharacters()
    {
        var password = File.ReadAllText(pki.Set.PasswordPath);

        Assert.Matches("^[A-Za-z0-9]{32}$", password);
        Assert.NotEqual(password, File.ReadAllText(pki.Unrelated.PasswordPath));
    }

    [Fact]
    public void Load_ExistingSet_ReturnsSameCertificates()
    {
        var loaded = DevelopmentCertificates.Load(pki.Set.Directory);

        Assert.Equal(pki.Set.Root, loaded.Root);
        Assert.Equal(pki.Set.Signing.Certificate, loaded.Signing.Certificate);
        Assert.Equal(pki.Set.TimestampKey.Certificate, loaded.TimestampKey.Certificate);
    }

    [Fact]
    public void LoadOrCreate_ExistingSet_LoadsInsteadOfReplacing()
    {
        var loaded = DevelopmentCertificates.LoadOrCreate(pki.Set.Directory, pki.Time, "another bureau");

        Assert.Equal(pki.Set.Signing.Certificate, loaded.Signing.Certificate);
    }

    [Fact]
    public void Create_OverExistingSet_ThrowsWithoutTouchingIt()
    {
        var before = File.ReadAllBytes(pki.Set.SigningPkcs12Path);

        var error = Assert.Throws<SigningKeyException>(() => DevelopmentCertificates.Create(pki.Set.Directory, pki.Time, "民航西北地区管理局"));

        Assert.Contains("already holds", error.Message);
        Assert.Equal(before, File.ReadAllBytes(pki.Set.SigningPkcs12Path));
    }

    [Fact]
    public void Load_DirectoryMissingFiles_ThrowsNamingThem()
    {
        var empty = Directory.CreateTempSubdirectory("ses-pki-empty-");
        try
        {
            File.WriteAllText(Path.Combine(empty.FullName, "password.txt"), "x");

            var error = Assert.Throws<SigningKeyException>(() => DevelopmentCertificates.LoadOrCreate(empty.FullName, pki.Time, "民航西北地区管理局"));

            Assert.Contains("signing.p12", error.Message);
            Assert.Contains("root-ca.crt", error.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}

public sealed class DevelopmentBureauCertificatesTests(DevelopmentPki pki)
{
    [Fact]
    public void SigningFor_TheSetsBureau_IsTheSetsKey()
    {
        Assert.Same(pki.Set.Signing, pki.Set.SigningFor("xibei", "民航西北地区管理局", pki.Time));
    }

    [Fact]
    public void SigningFor_AnotherBureau_IsItsOwnCertificateFromTheSameRoot_KeptInTheFolder()
    {
        var key = pki.Set.SigningFor("xinjiang", "民航新疆管理局", pki.Time);
        Assert.Equal("C=CN,O=民航新疆管理局,CN=民航新疆管理局", key.Certificate.SubjectDN.ToString());
        Assert.Equal(pki.Set.Root.SubjectDN.ToString(), key.Certificate.IssuerDN.ToString());
        key.Certificate.Verify(pki.Set.Root.GetPublicKey());
        Assert.NotEqual(pki.Set.Signing.Certificate, key.Certificate);
        var file = Path.Combine(pki.Set.Directory, "signing-xinjiang.p12");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        // Loaded again, the same certificate (not a new one each start).
        Assert.Equal(key.Certificate, DevelopmentCertificates.Load(pki.Set.Directory).SigningFor("xinjiang", "民航新疆管理局", pki.Time).Certificate);
    }

    [Fact]
    public void SignerNames_MatchesOnlyTheBureauNamed()
    {
        Assert.True(SignerNames.Names(pki.Set.Signing.Certificate, "民航西北地区管理局"));
        Assert.False(SignerNames.Names(pki.Set.Signing.Certificate, "民航华东地区管理局", "民航华东地区管理局"));
    }
}
