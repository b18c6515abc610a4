using System.Diagnostics;
using Ses.Documents;
using Ses.Documents.Layout;
using Ses.Documents.Pdf;
using Ses.Documents.Rendering;
namespace Ses.Bench;
internal static class Stages
{
    public static void Run()
    {
        var engine = BenchData.Engine();
        using var sample = BenchData.Sample("notice-org");
        var (input, _) = engine.Validate("notice-org", sample.RootElement);
        double fin = 0, v = 0, r = 0, l = 0, p = 0; int n = 300;

        for (int i = 0; i < n + 50; i++)
        {
            var sw = Stopwatch.StartNew();
            engine.Validate("notice-org", sample.RootElement); var t0 = sw.Elapsed.TotalMilliseconds;
            var doc = DocumentResolver.Resolve(input!); var t1 = sw.Elapsed.TotalMilliseconds;
            var lay = DocumentLayout.Lay(doc, engine.Fonts); var t2 = sw.Elapsed.TotalMilliseconds;
            var bytes = PdfRenderer.Render(doc, lay, engine.Fonts); var t3 = sw.Elapsed.TotalMilliseconds;
            PdfFinisher.Finish(bytes); var t4 = sw.Elapsed.TotalMilliseconds;
            if (i >= 50) { v += t0; r += t1 - t0; l += t2 - t1; p += t3 - t2; fin += t4 - t3; }
        }
        Console.WriteLine($"validate {v/n:F2} resolve {r/n:F2} layout {l/n:F2} pdf+finish {p/n:F2} finish-again {fin/n:F2}");
    }
}
