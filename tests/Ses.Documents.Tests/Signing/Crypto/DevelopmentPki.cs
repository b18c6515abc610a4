using Ses.Documents.Signing.Crypto;
using Ses.Documents.Tests.Signing.Crypto;

[assembly: AssemblyFixture(typeof(DevelopmentPki))]

namespace Ses.Documents.Tests.Signing.Crypto;

/// <summary>Two development certificate sets made once per test run (RSA key generation is slow): the one under
/// test and an unrelated one whose root must not be trusted for the first.</summary>
public sealed class DevelopmentPki : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("ses-pki-");
    private readonly Lazy<DevelopmentCertificateSet> unrelated;

    public DevelopmentPki()
    {
        Time = new FixedTimeProvider();
        Set = DevelopmentCertificates.Create(Path.Combine(directory.FullName, "main"), Time, "民航西北地区管理局");
        unrelated = new(() => DevelopmentCertificates.Create(
            Path.Combine(directory.FullName, "other"), Time, "民航华北地区管理局"));
    }

    internal FixedTimeProvider Time { get; }

    public DevelopmentCertificateSet Set { get; }

    public DevelopmentCertificateSet Unrelated => unrelated.Value;

    public LocalTimestampAuthority Tsa() => Set.CreateTsa(Time);

    public void Dispose() => directory.Delete(recursive: true);
}
