namespace Ses.Service.Tests.Observability;

/// <summary>
/// Rotating the signing key and the timestamp authority's key (docs/operations.md) does not break the verification of
/// documents signed before: the old signature keeps its certificates and its timestamp inside the PDF, and stays valid
/// once the old root is kept among the trust anchors (<c>Signing:TrustAnchors</c>, <c>ses verify --trust</c>).
/// </summary>
public sealed class KeyRotationTests
{
    [Fact]
    public void NewSigningAndTsaKeys_OldDocumentsStillVerify_WithTheOldRootKeptAsTrustAnchor()
    {
        var root = Directory.CreateTempSubdirectory("ses-rotation-").FullName;
        try
        {
            var certs = Path.Combine(root, "certs");
            var settings = new Dictionary<string, string> { ["Signing__DevelopmentCertificatesPath"] = certs };
            var (exit, output) = SesProcess.Run(root, settings, "certs", "init", "--dir", certs);
            Assert.True(exit == 0, output);
            (exit, output) = SesProcess.Run(root, settings, "render", "notice-org", "--sample", "--sign", "--out", "old.pdf");
            Assert.True(exit == 0, output);
            var oldRoot = Path.Combine(root, "old-root.crt");
            File.Copy(Path.Combine(certs, "root-ca.crt"), oldRoot);

            // Rotation: a new signing key, a new TSA key and a new root; the old private keys are gone.
            Directory.Delete(certs, recursive: true);
            (exit, output) = SesProcess.Run(root, settings, "certs", "init", "--dir", certs);
            Assert.True(exit == 0, output);
            (exit, output) = SesProcess.Run(root, settings, "render", "notice-org", "--sample", "--sign", "--out", "new.pdf");
            Assert.True(exit == 0, output);
            Assert.NotEqual(File.ReadAllBytes(oldRoot), File.ReadAllBytes(Path.Combine(certs, "root-ca.crt")));

            (exit, output) = SesProcess.Run(root, settings, "verify", "new.pdf");
            Assert.True(exit == 0, output);
            // Intact but no longer trusted until the old root is kept as an anchor (exit 3); then valid (exit 0).
            (exit, output) = SesProcess.Run(root, settings, "verify", "old.pdf");
            Assert.True(exit == 3, output);
            (exit, output) = SesProcess.Run(root, settings, "verify", "old.pdf", "--trust", oldRoot);
            Assert.True(exit == 0, output);
            (exit, output) = SesProcess.Run(root, settings, "verify", "new.pdf", "--trust", oldRoot);
            Assert.True(exit == 0, output);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
