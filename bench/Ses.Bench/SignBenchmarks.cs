using BenchmarkDotNet.Attributes;
using Ses.Documents;
using Ses.Documents.Signing;

namespace Ses.Bench;

/// <summary>Signing a rendered one-page notice (PAdES B-T) with the in-process TSA (issue: signatures).</summary>
[MemoryDiagnoser]
public class SignBenchmarks
{
    private DocumentEngine _engine = null!;
    private RenderedDocument _rendered = null!;
    private SignatureSettings _settings = null!;
    private DirectoryInfo _certs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.Engine();
        using var sample = BenchData.Sample("notice-org");
        _rendered = _engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
        _certs = Directory.CreateTempSubdirectory("ses-bench-certs-");
        _settings = BenchData.Signing(_engine, _certs);
        Console.WriteLine($"// signed one-page notice: {Sign()} bytes (unsigned {_rendered.Content.Length})");
    }

    [GlobalCleanup]
    public void Cleanup() => _certs.Delete(recursive: true);

    [Benchmark]
    public int Sign() => _engine.Sign(_rendered, _settings, DateTimeOffset.UtcNow).Length;

    [Benchmark]
    public int SignInvisible() => _engine.Sign(_rendered, _settings, DateTimeOffset.UtcNow, visible: false).Length;
}
