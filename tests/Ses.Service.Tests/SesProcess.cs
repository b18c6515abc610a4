using System.Diagnostics;

namespace Ses.Service.Tests;

/// <summary>Runs the real <c>ses</c> program (the service assembly) as a separate process.</summary>
internal static class SesProcess
{
    /// <summary>Runs it to the end (killed after a minute: a service that did not stop is a failure) and returns its exit code and output.</summary>
    public static (int Exit, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
