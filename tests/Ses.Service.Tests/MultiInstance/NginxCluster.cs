using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// Three real service processes on one throw-away PostgreSQL database and an unprivileged nginx in front of them, run
/// with the repository's <c>deploy/nginx/ses.conf</c> (its ports and listen address replaced) and <c>daemon off;</c>,
/// everything under a temporary folder. Without nginx the test is skipped — or fails under <c>SES_REQUIRE_ALL=1</c>.
/// </summary>
internal sealed class NginxCluster : IAsyncDisposable
{
    private readonly PostgresTestDatabase _postgres = new();
    private readonly string _root = Directory.CreateTempSubdirectory("ses-nginx-").FullName;
    private readonly List<Instance> _instances = [];
    private Process? _nginx;
    private IReadOnlyDictionary<string, string> _extra = new Dictionary<string, string>();

    public sealed record Instance(int Port, Process Process, StringBuilder Output);

    public IReadOnlyList<Instance> Instances => _instances;

    public Uri Address { get; private set; } = null!;

    public string ConnectionString => _postgres.ConnectionString();

    /// <summary>The settings every instance runs with (the command line gets the same, to verify the evidence chain).</summary>
    public Dictionary<string, string> Settings(string files) => new(_extra)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "postgres",
        ["Database__ConnectionString"] = ConnectionString,
        ["Database__FilesPath"] = files,
        ["Signing__DevelopmentCertificatesPath"] = Path.Combine(_root, "certs"),
        ["Development__SampleConsentLetter"] = "false",
        ["Idempotency__LeaseSeconds"] = "5",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public string Root => _root;

    public static string? FindNginx()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin"))
        {
            var candidate = Path.Combine(dir, "nginx");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Starts the instances (with <paramref name="extra"/> settings besides the common ones) and nginx in front of them.</summary>
    public static async Task<NginxCluster> StartAsync(int instances = 3, IReadOnlyDictionary<string, string>? extra = null)
    {
        var nginx = FindNginx();
        if (nginx is null)
        {
            const string reason = "nginx is not installed (.ci/run installs the Debian package)";
            if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail(reason + " and SES_REQUIRE_ALL=1");
            Assert.Skip(reason);
        }
        var cluster = new NginxCluster { _extra = extra ?? new Dictionary<string, string>() };
        try
        {
            _ = cluster.ConnectionString;
            // The first migrates and seeds the database and makes the development certificates; the others then start together.
            await cluster.StartInstanceAsync();
            await Task.WhenAll(Enumerable.Range(1, instances - 1).Select(_ => cluster.StartInstanceAsync()));
            cluster.StartNginx(nginx!);
            await cluster.WaitReadyAsync(cluster.Address, () => cluster._nginx!.HasExited, "nginx");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartInstanceAsync()
    {
        var port = FreePort();
        var folder = Directory.CreateDirectory(Path.Combine(_root, $"instance-{port}")).FullName;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (k, v) in Settings(Path.Combine(folder, "files"))) psi.Environment[k] = v;
        var output = new StringBuilder();
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new Instance(port, process, output);
        lock (_instances) _instances.Add(instance);
        await WaitReadyAsync(new Uri($"http://127.0.0.1:{port}"), () => process.HasExited, $"instance on {port}", output);
    }

    private void StartNginx(string nginx)
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        var site = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "nginx", "ses.conf"));
        Assert.Contains("listen 80;", site);
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        var ports = _instances.Select(i => i.Port).ToList();
        for (var i = 0; i < ports.Count; i++)
        {
            Assert.Contains($"127.0.0.1:{5081 + i} ", site);
            site = site.Replace($"127.0.0.1:{5081 + i} ", $"127.0.0.1:{ports[i]} ", StringComparison.Ordinal);
        }
        File.WriteAllText(Path.Combine(_root, "ses.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(_root, temp));
        File.WriteAllText(Path.Combine(_root, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{_root}}/nginx.pid;
            error_log {{_root}}/error.log warn;
            events { worker_connections 512; }
            http {
                log_format upstreams '$request_method $uri $status $upstream_addr';
                access_log {{_root}}/access.log upstreams;
                client_body_temp_path {{_root}}/body;
                proxy_temp_path {{_root}}/proxy;
                fastcgi_temp_path {{_root}}/fastcgi;
                uwsgi_temp_path {{_root}}/uwsgi;
                scgi_temp_path {{_root}}/scgi;
                include {{_root}}/ses.conf;
            }
            """);
        var psi = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-p", _root, "-e", Path.Combine(_root, "error.log"), "-c", Path.Combine(_root, "nginx.conf") }) psi.ArgumentList.Add(a);
        _nginx = Process.Start(psi)!;
    }

    /// <summary>The access log: one line per request, <c>METHOD path status upstream[, upstream]</c>.</summary>
    public List<string[]> AccessLog() =>
        File.ReadAllLines(Path.Combine(_root, "access.log")).Select(l => l.Split(' ', 4)).ToList();

    private async Task WaitReadyAsync(Uri address, Func<bool> exited, string what, StringBuilder? output = null)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (exited())
            {
                var log = output is null ? File.ReadAllText(Path.Combine(_root, "error.log")) : Text(output);
                Assert.Fail($"{what} stopped while starting:\n{log}");
            }
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{what} was not ready after 90 s:\n{(output is null ? "" : Text(output))}");
    }

    public static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ses.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in _instances.Select(i => i.Process).Append(_nginx).OfType<Process>())
        {
            try
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }
            p.Dispose();
        }
        _postgres.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
