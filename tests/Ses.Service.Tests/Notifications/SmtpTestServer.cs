using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Ses.Service.Tests.Notifications;

/// <summary>
/// A real SMTP server for one test: Debian's aiosmtpd (package python3-aiosmtpd) delivering into a Maildir that the
/// test reads back. Where it is missing the test is skipped with the reason — unless SES_REQUIRE_ALL=1 (set by CI),
/// where it fails, as for the other external tools.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private readonly string _folder;

    private SmtpTestServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        _folder = folder;
    }

    public int Port { get; }

    /// <summary>Made by aiosmtpd (Python's mailbox.Maildir adds cur/new/tmp only to a folder it creates itself).</summary>
    public string Maildir => Path.Combine(_folder, "maildir");

    /// <summary>A port nothing listens on (yet): for a server that is down, or one started there later.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpTestServer> StartAsync(int? port = null)
    {
        RequireAiosmtpd();
        var folder = Directory.CreateTempSubdirectory("ses-smtp-").FullName;
        var listen = port ?? FreePort();
        var psi = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{listen}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "maildir") })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        var output = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var server = new SmtpTestServer(process, listen, folder);
        for (var deadline = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(100))
        {
            if (process.HasExited) throw new InvalidOperationException($"aiosmtpd stopped at start (exit {process.ExitCode}): {await output}");
            if (DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"aiosmtpd did not listen on 127.0.0.1:{listen} within 20 s");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, listen);
                return server;
            }
            catch (SocketException)
            {
                // not listening yet
            }
        }
    }

    /// <summary>The delivered messages, read back with MimeKit.</summary>
    public List<MimeMessage> Messages()
    {
        var delivered = Path.Combine(Maildir, "new");
        return Directory.Exists(delivered)
            ? Directory.EnumerateFiles(delivered).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static void RequireAiosmtpd()
    {
        if (File.Exists(Python))
        {
            using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true })!;
            _ = check.StandardError.ReadToEnd();
            check.WaitForExit();
            if (check.ExitCode == 0) return;
        }
        const string reason = "no SMTP server for the test: /usr/bin/python3 with aiosmtpd is not installed (Debian package python3-aiosmtpd)";
        if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail(reason + " and SES_REQUIRE_ALL=1");
        Assert.Skip(reason);
    }
}
