using System.Globalization;
using BenchmarkDotNet.Running;
using Ses.Bench;

// dotnet run -c Release --project bench/Ses.Bench -- --filter '*'     (BenchmarkDotNet)
// dotnet run -c Release --project bench/Ses.Bench -- memory [count]   (memory over many renders)
// dotnet run -c Release --project bench/Ses.Bench -- stages [form]    (where a render's time goes)
// dotnet run -c Release --project bench/Ses.Bench -- renders [count]  (a fixed number of renders, for callgrind)
// dotnet run -c Release --project bench/Ses.Bench -- issue [count]    (PDF, signature with timestamp, DOCX of the notice)
if (args.Length > 0 && args[0] == "stages") { Stages.Run(args.Length > 1 ? args[1] : "notice-org"); return; }
if (args.Length > 0 && args[0] == "issue")
{
    Stages.Issue(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    return;
}
if (args.Length > 0 && args[0] == "renders")
{
    // A fixed amount of work for instruction counts (valgrind --tool=callgrind): the difference between two counts
    // divided by the difference of renders is the cost of one render, whatever else the machine is doing.
    Stages.Renders(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100);
    return;
}
if (args.Length > 0 && args[0] == "memory")
{
    MemoryRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
