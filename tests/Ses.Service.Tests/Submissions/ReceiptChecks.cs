using System.Diagnostics;
using System.Text.Json;
using UglyToad.PdfPig;

namespace Ses.Service.Tests.Submissions;

/// <summary>A receipt checked three ways: its text read back, <c>ses verify</c> run as its own process, and poppler's pdfsig.</summary>
internal static class ReceiptChecks
{
    /// <summary>The receipt's text without white space (table cells break lines anywhere).</summary>
    public static string Text(byte[] pdf)
    {
        using var read = PdfDocument.Open(pdf);
        return string.Concat(string.Concat(read.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary><c>ses verify --json</c> exits 0 and reports the signature valid; pdfsig finds it valid and covering the whole file.</summary>
    public static void Verified(DevelopmentServiceFactory factory, byte[] pdf, string name)
    {
        var file = Path.Combine(factory.Folder, name + ".pdf");
        File.WriteAllBytes(file, pdf);
        var (exit, output) = SesProcess.Run(factory.Folder, new Dictionary<string, string>
        {
            ["Signing__DevelopmentCertificatesPath"] = Path.Combine(factory.Folder, "certs"),
        }, "verify", file, "--json");
        Assert.True(exit == 0, output);
        using var report = JsonDocument.Parse(output);
        Assert.Contains("\"valid\":true", output.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        var psi = new ProcessStartInfo("pdfsig") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var all = stdout + stderr.Result;
        Assert.True(p.ExitCode == 0, all);
        Assert.Contains("Signature Validation: Signature is Valid.", all);
        Assert.Contains("Total document signed", all);
    }
}
