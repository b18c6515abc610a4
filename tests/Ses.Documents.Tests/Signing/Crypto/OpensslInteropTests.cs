using System.Security.Cryptography;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Signing.Crypto;

/// <summary>Independent validation with OpenSSL (skipped when it is missing, failed if SES_REQUIRE_ALL=1).</summary>
public sealed class OpensslInteropTests(DevelopmentPki pki) : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("ses-openssl-");
    private readonly byte[] content = RandomNumberGenerator.GetBytes(200_000);

    public void Dispose() => work.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(work.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (string Signature, string Data) WriteSignedFiles()
    {
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, pki.Tsa());
        return (Write("sig.der", cms), Write("data.bin", content));
    }

    [Fact]
    public void CmsVerify_DetachedSignatureWithPurposeAny_Succeeds()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");
        var (signature, data) = WriteSignedFiles();

        var (exit, output) = ExternalTool.Run(openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", signature,
            "-content", data, "-CAfile", pki.Set.RootCertificatePath, "-purpose", "any", "-out", Path.Combine(work.FullName, "out.bin"));

        Assert.True(exit == 0, output);
        Assert.Contains("Verification successful", output);
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(work.FullName, "out.bin")));
    }

    /// <summary>OpenSSL's default purpose is smimesign, which accepts keyUsage digitalSignature and/or
    /// nonRepudiation but rejects any extendedKeyUsage without emailProtection. The development certificate has no
    /// extendedKeyUsage, so it passes without -purpose any.</summary>
    [Fact]
    public void CmsVerify_DefaultSmimeSignPurpose_AcceptsDevelopmentSigningCertificate()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");
        var (signature, data) = WriteSignedFiles();

        var (exit, output) = ExternalTool.Run(openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", signature,
            "-content", data, "-CAfile", pki.Set.RootCertificatePath, "-out", Path.Combine(work.FullName, "out.bin"));

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void CmsVerify_ChangedContent_Fails()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");
        var (signature, data) = WriteSignedFiles();
        var changed = (byte[])content.Clone();
        changed[0] ^= 1;
        File.WriteAllBytes(data, changed);

        var (exit, output) = ExternalTool.Run(openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", signature,
            "-content", data, "-CAfile", pki.Set.RootCertificatePath, "-purpose", "any", "-out", Path.Combine(work.FullName, "out.bin"));

        Assert.NotEqual(0, exit);
        Assert.Contains("content verify error", output);
    }

    [Fact]
    public void TsVerify_SignatureTimestampTokenOverSignatureValue_VerificationOk()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");
        var cms = CadesSigner.CreateDetachedSignature(new MemoryStream(content), pki.Set.Signing, pki.Tsa());
        var token = Write("token.der", CmsEdits.SignatureTimestampToken(cms));
        var signatureValue = Write("signature-value.bin", CmsEdits.SignerInfo(cms).Signature.GetOctets());

        var (exit, output) = ExternalTool.Run(openssl, "ts", "-verify", "-data", signatureValue, "-in", token,
            "-token_in", "-CAfile", pki.Set.RootCertificatePath, "-untrusted", pki.Set.TsaCertificatePath);

        Assert.True(exit == 0, output);
        Assert.Contains("Verification: OK", output);
    }

    [Fact]
    public void TsReply_LocalTsaResponse_ShowsPolicyAccuracyAndGrantedStatus()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");
        var data = Write("data.bin", content);
        var query = Path.Combine(work.FullName, "query.tsq");
        var (queryExit, queryOutput) = ExternalTool.Run(openssl, "ts", "-query", "-data", data, "-sha256", "-cert", "-out", query);
        Assert.True(queryExit == 0, queryOutput);
        var reply = Write("reply.tsr", pki.Tsa().Respond(File.ReadAllBytes(query)));

        var (exit, output) = ExternalTool.Run(openssl, "ts", "-reply", "-in", reply, "-text");
        var (verifyExit, verifyOutput) = ExternalTool.Run(openssl, "ts", "-verify", "-queryfile", query, "-in", reply,
            "-CAfile", pki.Set.RootCertificatePath);

        Assert.True(exit == 0, output);
        Assert.Contains("Status: Granted", output);
        Assert.Contains($"Policy OID: {LocalTimestampAuthority.DevelopmentPolicyOid}", output);
        Assert.Contains("Accuracy: 0x01 seconds", output);
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("Verification: OK", verifyOutput);
    }

    [Fact]
    public void Pkcs12_OpensWithoutLegacyProvider()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");

        var (exit, output) = ExternalTool.Run(openssl, "pkcs12", "-in", pki.Set.SigningPkcs12Path, "-noout",
            "-passin", "file:" + pki.Set.PasswordPath);

        Assert.True(exit == 0, output);
    }

    [Fact]
    public void X509_TsaCertificate_ShowsCriticalTimeStampingUsage()
    {
        var openssl = ExternalTool.Require("openssl", "openssl");

        var (exit, output) = ExternalTool.Run(openssl, "x509", "-in", pki.Set.TsaCertificatePath, "-noout", "-ext",
            "extendedKeyUsage");

        Assert.True(exit == 0, output);
        Assert.Contains("X509v3 Extended Key Usage: critical", output);
        Assert.Contains("Time Stamping", output);
    }
}
