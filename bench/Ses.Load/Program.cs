using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Load client for numbered issuing over HTTP (docs/benchmarks.md). Only loopback targets; bounded in time.
//   dotnet run -c Release --project bench/Ses.Load -- --url http://127.0.0.1:5080 --user xibei_officer --password …
//     [--seconds 60] [--concurrency 8] [--pid <service pid>]
var options = Options.Parse(args);
if (!options.Url.IsLoopback)
{
    Console.Error.WriteLine("the load client only targets loopback addresses");
    return 2;
}
using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
var login = await http.PostAsJsonAsync("/api/auth/staff/login", new { userName = options.User, password = options.Password });
if (!login.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"sign-in failed: {(int)login.StatusCode}");
    return 2;
}
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var latencies = new List<double>();
var draftLatencies = new List<double>();
var failures = 0;
var peakRss = 0L;
var serviceCpuBefore = options.Pid is { } cpuPid ? CpuSeconds(cpuPid) : 0;
var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
var stop = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(options.Seconds);
var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
{
    var mine = new List<double>();
    var drafts = new List<double>();
    var n = 0;
    while (stop.Elapsed < deadline)
    {
        var d = Stopwatch.StartNew();
        var draft = await http.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org",
            data = new { party = $"压测相对人{w}-{n++}", actDate = "2026-03-02", actDescription = "在申请许可过程中提交虚假材料" },
        });
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        drafts.Add(d.Elapsed.TotalMilliseconds);
        var t = Stopwatch.StartNew();
        var issued = await http.PostAsync($"/api/drafts/{id}/issue", null);
        t.Stop();
        if (issued.IsSuccessStatusCode) mine.Add(t.Elapsed.TotalMilliseconds);
        else Interlocked.Increment(ref failures);
    }
    lock (latencies)
    {
        latencies.AddRange(mine);
        draftLatencies.AddRange(drafts);
    }
})).ToList();
while (!Task.WhenAll(workers).IsCompleted)
{
    await Task.Delay(500);
    if (options.Pid is { } pid) peakRss = Math.Max(peakRss, Rss(pid));
}
await Task.WhenAll(workers);
var elapsed = stop.Elapsed.TotalSeconds;
var serviceCpu = options.Pid is { } endPid ? CpuSeconds(endPid) - serviceCpuBefore : double.NaN;
var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpuBefore;
latencies.Sort();
draftLatencies.Sort();
double P(double q) => Quantile(latencies, q);
var summary = string.Create(CultureInfo.InvariantCulture,
    $"issued {latencies.Count} in {stop.Elapsed.TotalSeconds:F1} s = {latencies.Count / stop.Elapsed.TotalSeconds:F1}/s; "
    + $"issue latency p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms; failures {failures}; "
    + $"draft latency p50 {Quantile(draftLatencies, 0.5):F1} ms, p99 {Quantile(draftLatencies, 0.99):F1} ms");
var memory = options.Pid is null ? "" : string.Create(CultureInfo.InvariantCulture,
    $"; service peak RSS {peakRss / 1048576.0:F0} MB; service CPU {serviceCpu / elapsed * 100:F0} % "
    + $"({serviceCpu * 1000 / Math.Max(1, latencies.Count):F1} ms a document)");
memory += string.Create(CultureInfo.InvariantCulture, $"; client CPU {clientCpu / elapsed * 100:F0} %");
Console.WriteLine(summary + memory);
return failures == 0 ? 0 : 1;

static double Quantile(List<double> sorted, double q) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

// utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux); the fields after the parenthesised name.
static double CpuSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static long Rss(int pid)
{
    // /proc/<pid>/status VmRSS in kB (Linux).
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}

internal sealed record Options(Uri Url, string User, string Password, int Seconds, int Concurrency, int? Pid)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            new Uri(Get("--url") ?? "http://127.0.0.1:5080"),
            Get("--user") ?? "xibei_officer",
            Get("--password") ?? Environment.GetEnvironmentVariable("SES_LOAD_PASSWORD") ?? "",
            int.Parse(Get("--seconds") ?? "60", CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency") ?? "8", CultureInfo.InvariantCulture),
            Get("--pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null);
    }
}
