using System.Diagnostics;

namespace Ses.Documents.Tests.Support;

/// <summary>
/// Runs an independent validator (qpdf, pdfsig, openssl). Where the tool is missing the test is skipped with the
/// reason — unless SES_REQUIRE_ALL=1 (set by CI), where a missing tool fails the test.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string tool, string package)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is not null) return path;
        var reason = $"{tool} is not installed (Debian package {package})";
        if (Environment.GetEnvironmentVariable("SES_REQUIRE_ALL") == "1") Assert.Fail(reason + " and SES_REQUIRE_ALL=1");
        Assert.Skip(reason);
        return "";
    }

    public static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary><c>qpdf --check</c> on the bytes: exit 0, no warnings, no syntax or stream encoding errors.</summary>
    public static void AssertQpdfClean(byte[] pdf, string name)
    {
        var qpdf = Require("qpdf", "qpdf");
        var file = Path.Combine(Path.GetTempPath(), $"ses-qpdf-{name}-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var (exit, output) = Run(qpdf, "--check", file);
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
