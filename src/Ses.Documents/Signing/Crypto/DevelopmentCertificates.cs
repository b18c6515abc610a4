using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Ses.Documents.Templates;
using Set = Ses.Documents.Signing.Crypto.DevelopmentCertificateSet;

namespace Ses.Documents.Signing.Crypto;

/// <summary>
/// Creates and loads a development PKI in a directory: a root CA, the bureau's signing certificate (and on demand each
/// other bureau's and each sealing unit's, by the same root) and a TSA certificate, all RSA 2048, with every file 0600
/// and the directory 0700. The names say NOT FOR PRODUCTION;
/// production keys come from the bureau's CA and an HSM.
/// </summary>
public static partial class DevelopmentCertificates
{
    private static readonly CompositeFormat BureauSigningPkcs12File = CompositeFormat.Parse(Set.BureauSigningPkcs12File);
    private static readonly CompositeFormat UnitSigningPkcs12File = CompositeFormat.Parse(Set.UnitSigningPkcs12File);

    private static readonly string[] RequiredFiles =
        [Set.PasswordFile, Set.RootCertificateFile, Set.SigningPkcs12File, Set.TsaPkcs12File];

    private static readonly string[] AllFiles =
        [.. RequiredFiles, Set.SigningChainFile, Set.TsaCertificateFile, Set.RootPkcs12File];

    /// <summary>Creates a new set. Refuses to overwrite an existing one.</summary>
    /// <exception cref="SigningKeyException">The directory already holds set files.</exception>
    public static Set Create(string directory, TimeProvider time, string bureauName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(bureauName);
        var existing = AllFiles.Where(f => File.Exists(Path.Combine(directory, f))).ToList();
        if (existing.Count > 0)
        {
            throw new SigningKeyException(
                $"'{directory}' already holds {string.Join(", ", existing)}; load it or delete the files first.");
        }

        PrivateFiles.CreateDirectory(directory);

        var issuer = new DevelopmentCertificateIssuer(time.GetUtcNow());
        var rootKey = issuer.NewKey();
        var root = issuer.Root(rootKey);
        var signingKey = issuer.NewKey();
        var signing = issuer.Signing(signingKey, bureauName, root, rootKey.Private);
        var tsaKey = issuer.NewKey();
        var tsa = issuer.Tsa(tsaKey, root, rootKey.Private);

        var password = RandomNumberGenerator.GetString(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        PrivateFiles.Write(Path.Combine(directory, Set.PasswordFile), Encoding.ASCII.GetBytes(password));
        PrivateFiles.Write(Path.Combine(directory, Set.RootCertificateFile), Pem(root));
        // The root's key stays in the set so that each further bureau gets its own certificate from the same root.
        PrivateFiles.Write(Path.Combine(directory, Set.RootPkcs12File), Pkcs12("root", rootKey.Private, [root], password));
        PrivateFiles.Write(Path.Combine(directory, Set.SigningPkcs12File), Pkcs12("signing", signingKey.Private, [signing, root], password));
        PrivateFiles.Write(Path.Combine(directory, Set.TsaPkcs12File), Pkcs12("tsa", tsaKey.Private, [tsa, root], password));
        PrivateFiles.Write(Path.Combine(directory, Set.SigningChainFile), Pem(signing, root));
        PrivateFiles.Write(Path.Combine(directory, Set.TsaCertificateFile), Pem(tsa));
        return Load(directory);
    }

    /// <summary>Loads a set written by <see cref="Create"/>.</summary>
    /// <exception cref="SigningKeyException">A file is missing or unusable; the message names it.</exception>
    public static Set Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var missing = RequiredFiles.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
            throw new SigningKeyException($"'{directory}' lacks {string.Join(", ", missing)} of a development set.");
        var passwordPath = Path.Combine(directory, Set.PasswordFile);
        string password;
        try
        {
            password = File.ReadAllText(passwordPath, Encoding.ASCII).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SigningKeyException($"Cannot read '{passwordPath}': {e.Message}", e);
        }
        var rootPath = Path.Combine(directory, Set.RootCertificateFile);
        var root = ReadCertificate(rootPath);
        var signing = Pkcs12SigningKey.Load(Path.Combine(directory, Set.SigningPkcs12File), password);
        var tsa = Pkcs12SigningKey.Load(Path.Combine(directory, Set.TsaPkcs12File), password);
        foreach (var (key, file) in new[] { (signing, Set.SigningPkcs12File), (tsa, Set.TsaPkcs12File) })
        {
            if (!CertificateChains.IsIssuedBy(key.Certificate, root))
                throw new SigningKeyException($"'{Path.Combine(directory, file)}' was not issued by '{rootPath}'.");
        }
        return new Set(directory, root, signing, tsa, password);
    }

    /// <summary>
    /// The signing certificate of <paramref name="bureauName"/> in the set: the set's first signing key when it names
    /// that bureau, else <c>signing-&lt;code&gt;.p12</c>, issued by the set's root on first use (C=CN, O and CN the
    /// bureau, like the first).
    /// </summary>
    /// <exception cref="SigningKeyException">The set has no root key (made before bureaus had their own keys) or a file is unusable.</exception>
    internal static ISigningKey ForBureau(Set set, string bureauCode, string bureauName, TimeProvider time)
    {
        if (!FileKey().IsMatch(bureauCode))
            throw new ArgumentException($"bureau code '{bureauCode}' cannot name a file", nameof(bureauCode));
        if (SignerNames.Names(set.Signing.Certificate, bureauName)) return set.Signing;
        var path = Path.Combine(set.Directory, string.Format(CultureInfo.InvariantCulture, BureauSigningPkcs12File, bureauCode));
        var loaded = IssueOrLoad(set, path, bureauName, time, (issuer, key, root, rootKey) => issuer.Signing(key, bureauName, root, rootKey));
        if (!SignerNames.Names(loaded.Certificate, bureauName) || SignerNames.Units(loaded.Certificate).Count > 0)
            throw new SigningKeyException($"'{path}' names {loaded.Certificate.SubjectDN}, not {bureauName}.");
        return loaded;
    }

    /// <summary>
    /// The signing certificate of a sealing unit of a bureau: <c>signing-&lt;code&gt;-&lt;unit&gt;.p12</c>, issued by the
    /// set's root on first use (C=CN, O the bureau's legal name, OU the unit's name, CN the unit's seal text).
    /// </summary>
    /// <exception cref="SigningKeyException">The set has no root key or a file is unusable.</exception>
    internal static ISigningKey ForUnit(Set set, BureauProfile bureau, SealingUnit unit, TimeProvider time)
    {
        if (!FileKey().IsMatch(bureau.Code)) throw new ArgumentException($"bureau code '{bureau.Code}' cannot name a file", nameof(bureau));
        if (!FileKey().IsMatch(unit.Id)) throw new ArgumentException($"unit id '{unit.Id}' cannot name a file", nameof(unit));
        var path = Path.Combine(set.Directory, string.Format(CultureInfo.InvariantCulture, UnitSigningPkcs12File, bureau.Code, unit.Id));
        var loaded = IssueOrLoad(set, path, unit.SealText, time,
            (issuer, key, root, rootKey) => issuer.UnitSigning(key, bureau.SealText, unit.Name, unit.SealText, root, rootKey));
        if (!SignerNames.NamesUnit(loaded.Certificate, bureau, unit))
            throw new SigningKeyException($"'{path}' names {loaded.Certificate.SubjectDN}, not {unit.SealText}.");
        return loaded;
    }

    /// <summary>The key in <paramref name="path"/>, made by the set's root first when the file is not there yet.</summary>
    private static Pkcs12SigningKey IssueOrLoad(Set set, string path, string holder, TimeProvider time,
        Func<DevelopmentCertificateIssuer, AsymmetricCipherKeyPair, X509Certificate, AsymmetricKeyParameter, X509Certificate> make)
    {
        if (!File.Exists(path))
        {
            var rootPath = Path.Combine(set.Directory, Set.RootPkcs12File);
            if (!File.Exists(rootPath))
            {
                throw new SigningKeyException($"'{set.Directory}' has no {Set.RootPkcs12File} to issue a certificate for {holder}: "
                    + "it was made before each bureau had its own key; delete the folder to make a new development set.");
            }
            var (rootKey, root) = ReadRoot(rootPath, set.Password);
            var issuer = new DevelopmentCertificateIssuer(time.GetUtcNow());
            var key = issuer.NewKey();
            var certificate = make(issuer, key, root, rootKey);
            try
            {
                PrivateFiles.Write(path, Pkcs12("signing", key.Private, [certificate, root], set.Password));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }
        var loaded = Pkcs12SigningKey.Load(path, set.Password);
        if (!CertificateChains.IsIssuedBy(loaded.Certificate, set.Root))
            throw new SigningKeyException($"'{path}' was not issued by '{set.RootCertificatePath}'.");
        return loaded;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex FileKey();

    private static (AsymmetricKeyParameter Key, X509Certificate Certificate) ReadRoot(string path, string password)
    {
        var store = new Pkcs12StoreBuilder().Build();
        var secret = password.ToCharArray();
        try
        {
            using var stream = File.OpenRead(path);
            store.Load(stream, secret);
        }
        catch (Exception e) when (e is not SigningKeyException && InputErrors.Is(e))
        {
            throw new SigningKeyException($"Cannot open '{path}': {e.Message}", e);
        }
        finally
        {
            Array.Clear(secret);
        }
        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry) ?? throw new SigningKeyException($"'{path}' holds no key.");
        return (store.GetKey(alias).Key, store.GetCertificate(alias).Certificate);
    }

    /// <summary>Loads the set in <paramref name="directory"/>, or creates one when the directory holds none. An
    /// existing set keeps its bureau name.</summary>
    /// <exception cref="SigningKeyException">The directory holds an incomplete set.</exception>
    public static Set LoadOrCreate(string directory, TimeProvider time, string bureauName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return RequiredFiles.Any(f => File.Exists(Path.Combine(directory, f)))
            ? Load(directory)
            : Create(directory, time, bureauName);
    }

    private static X509Certificate ReadCertificate(string path)
    {
        try
        {
            using var reader = new PemReader(File.OpenText(path));
            return reader.ReadObject() as X509Certificate
                ?? throw new SigningKeyException($"'{path}' holds no PEM certificate.");
        }
        catch (Exception e) when (e is not SigningKeyException && InputErrors.Is(e))
        {
            throw new SigningKeyException($"Cannot read certificate '{path}': {e.Message}", e);
        }
    }

    private static byte[] Pem(params X509Certificate[] certificates)
    {
        using var text = new StringWriter { NewLine = "\n" };
        var writer = new PemWriter(text);
        foreach (var certificate in certificates) writer.WriteObject(certificate);
        writer.Writer.Flush();
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>PBES2 with AES-256-CBC and HMAC-SHA256 for key and certificates, so openssl 3 opens the file without
    /// -legacy (RC2-40, BouncyCastle's default for certificates, is legacy there).</summary>
    private static byte[] Pkcs12(string alias, AsymmetricKeyParameter key, X509Certificate[] chain, string password)
    {
        var store = new Pkcs12StoreBuilder()
            .SetKeyAlgorithm(NistObjectIdentifiers.IdAes256Cbc, PkcsObjectIdentifiers.IdHmacWithSha256)
            .SetCertAlgorithm(NistObjectIdentifiers.IdAes256Cbc, PkcsObjectIdentifiers.IdHmacWithSha256)
            .SetUseDerEncoding(true)
            .Build();
        store.SetKeyEntry(alias, new AsymmetricKeyEntry(key), [.. chain.Select(c => new X509CertificateEntry(c))]);
        var secret = password.ToCharArray();
        try
        {
            using var output = new MemoryStream();
            store.Save(output, secret, new SecureRandom());
            return output.ToArray();
        }
        finally
        {
            Array.Clear(secret);
        }
    }
}
