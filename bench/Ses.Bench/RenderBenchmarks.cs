using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ses.Documents;

namespace Ses.Bench;

/// <summary>Renders each form's sample to PDF and to DOCX (issue: documents engine; targets in docs/benchmarks.md).</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private DocumentEngine _engine = null!;
    private Dictionary<string, JsonDocument> _samples = null!;

    [ParamsSource(nameof(FormIds))]
    public string Form { get; set; } = "notice-org";

    /// <summary>Every form with a sample, or the ids listed in SES_BENCH_FORMS (comma-separated).</summary>
    public static IEnumerable<string> FormIds() =>
        Environment.GetEnvironmentVariable("SES_BENCH_FORMS") is { Length: > 0 } only ? only.Split(',') : BenchData.SampleFormIds();

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.Engine();
        _samples = BenchData.SampleFormIds().ToDictionary(id => id, BenchData.Sample);
        _engine.Render(Form, _samples[Form].RootElement, OutputFormat.Pdf);
    }

    [Benchmark]
    public int Pdf() => _engine.Render(Form, _samples[Form].RootElement, OutputFormat.Pdf).Content.Length;

    [Benchmark]
    public int Docx() => _engine.Render(Form, _samples[Form].RootElement, OutputFormat.Docx).Content.Length;
}
