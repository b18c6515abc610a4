using Ses.Documents.Tests.Support;

namespace Ses.Documents.Tests.Pdf;

public sealed class QpdfTests
{
    public static TheoryData<string> Forms() => [.. TestEngine.SampleFormIds()];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Render_EverySample_PassesQpdfCheckWithoutWarnings(string formId)
    {
        using var sample = TestEngine.Sample(formId);
        ExternalTool.AssertQpdfClean(TestEngine.Engine.Render(formId, sample.RootElement, OutputFormat.Pdf).Content, formId);
    }
}
