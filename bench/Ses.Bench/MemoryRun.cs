using System.Diagnostics;
using System.Globalization;
using Ses.Documents;

namespace Ses.Bench;

/// <summary>Renders the one-page notice many times and prints managed heap and working set every 10 %: flat is the target.</summary>
internal static class MemoryRun
{
    public static void Run(int count)
    {
        var engine = BenchData.Engine();
        using var sample = BenchData.Sample("notice-org");
        var sw = Stopwatch.StartNew();
        for (var i = 1; i <= count; i++)
        {
            engine.Render("notice-org", sample.RootElement, OutputFormat.Pdf);
            if (i % Math.Max(1, count / 10) == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                using var p = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{i,7} renders  heap {GC.GetTotalMemory(false) / 1048576.0,7:F1} MB  "
                    + $"working set {p.WorkingSet64 / 1048576.0,7:F1} MB  {sw.Elapsed.TotalMilliseconds / i,6:F2} ms/render"));
            }
        }
    }
}
