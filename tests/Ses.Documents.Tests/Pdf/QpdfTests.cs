using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Pdf;

public sealed class QpdfTests
{
    public static TheoryData<string> Forms() => [.. TestEngine.SampleFormIds()];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_PassesQpdfCheckWithoutWarnings(string formId)
    {
        var qpdf = ExternalTool.Require("qpdf", "qpdf");
        using var sample = TestEngine.Sample(formId);
        var pdf = TestEngine.Engine.Render(formId, sample.RootElement, OutputFormat.Pdf).Content;
        var file = Path.Combine(Path.GetTempPath(), $"ses-qpdf-{formId}-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var (exit, output) = ExternalTool.Run(qpdf, "--check", file);
            Assert.True(exit == 0, output);
            Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("No syntax or stream encoding errors", output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
