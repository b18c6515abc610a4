using BenchmarkDotNet.Running;
using Ses.Bench;

// dotnet run -c Release --project bench/Ses.Bench -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project bench/Ses.Bench -- memory [count]   (memory over many renders)
if (args.Length > 0 && args[0] == "stages") { Stages.Run(); return; }
if (args.Length > 0 && args[0] == "memory")
{
    MemoryRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
