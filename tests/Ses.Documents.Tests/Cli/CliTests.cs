using System.Text.Json;
using Ses.Documents.Tests.Support;
using Ses.Service.Cli;

namespace Ses.Documents.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ses-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Exit, string Out, string Err)> Ses(params string[] args) => SesRunner.Run(args);

    [Fact]
    public async Task Templates_Json_ListsFormsWithSeriesAndTypedFields()
    {
        var (exit, output, _) = await Ses("templates", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var notice = doc.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "notice-org");
        Assert.Equal("信告", notice.GetProperty("series").GetString());
        Assert.Contains(notice.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "actDate" && f.GetProperty("type").GetString() == "date");
        Assert.Contains("民航行业严重失信行为认定告知书（组织）", output);
        Assert.Equal(11, doc.RootElement.GetArrayLength());
        Assert.DoesNotContain("delivery-certificate", output); // internal: composed by the system, not a form to fill
    }

    [Fact]
    public async Task Render_Sample_WritesAPdf()
    {
        var outFile = Path.Combine(_dir, "notice.pdf");
        var (exit, _, err) = await Ses("render", "notice-org", "--sample", "--out", outFile);
        Assert.True(exit == 0, err);
        Assert.StartsWith("%PDF-", File.ReadAllText(outFile)[..5]);
    }

    [Fact]
    public async Task Render_InvalidData_Exits1WithOneProblemPerLineAndWritesNothing()
    {
        var data = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(data, """{"party":"某公司","actDate":"2026-02-30","actDescription":"x","replyDeadline":"2026-03-20","contactPhone":"12"}""", TestContext.Current.CancellationToken);
        var outFile = Path.Combine(_dir, "bad.pdf");
        var (exit, _, err) = await Ses("render", "notice-org", "--data", data, "--out", outFile);
        Assert.Equal(1, exit);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("actDate: field.date.format: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("contactPhone: field.phone.format: ", StringComparison.Ordinal));
        Assert.False(File.Exists(outFile));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        Assert.DoesNotContain("   at ", err);
    }

    [Theory]
    [InlineData("render", "no-such-form", "--sample", "--out", "x.pdf")]
    [InlineData("render", "notice-org", "--sample", "--out", "x.txt")]
    [InlineData("render", "notice-org", "--out", "x.pdf")]
    [InlineData("render", "notice-org", "--sample", "--out", "x.pdf", "--bureau", "nowhere")]
    public async Task Render_UsageError_Exits2WithAMessage(params string[] args)
    {
        var (exit, _, err) = await Ses(args);
        Assert.Equal(2, exit);
        Assert.Contains("用法错误", err);
    }
}

public sealed class SigningCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ses-cli-sign-").FullName;

    public SigningCliTests() => Environment.SetEnvironmentVariable("Signing__DevelopmentCertificatesPath", Path.Combine(_dir, "certs"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Signing__DevelopmentCertificatesPath", null);
        Directory.Delete(_dir, recursive: true);
    }

    private static Task<(int Exit, string Out, string Err)> Ses(params string[] args) => SesRunner.Run(args);

    [Fact]
    public async Task RenderSignThenVerify_DevelopmentCertificates_Exit0AndTamperedExit1()
    {
        var (exit, output, _) = await Ses("certs", "init");
        Assert.Equal(0, exit);
        Assert.Contains("仅用于开发", output);
        var key = Path.Combine(_dir, "certs", "signing.p12");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

        var pdf = Path.Combine(_dir, "signed.pdf");
        (exit, _, var err) = await Ses("render", "notice-org", "--sample", "--out", pdf, "--sign");
        Assert.True(exit == 0, err);
        Assert.Contains("开发证书", err);

        (exit, output, _) = await Ses("verify", pdf, "--json");
        Assert.True(exit == 0, output);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.True(json.RootElement.GetProperty("allValid").GetBoolean());
            Assert.Equal("西北局信告字〔2026〕1号", json.RootElement.GetProperty("documentNumber").GetString());
            Assert.EndsWith("+08:00", json.RootElement.GetProperty("signatures")[0].GetProperty("timestampTime").GetString());
        }

        var bytes = await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken);
        var tampered = Path.Combine(_dir, "tampered.pdf");
        await File.WriteAllBytesAsync(tampered, Tamper.FlipByte(bytes, 200), TestContext.Current.CancellationToken);
        (exit, output, _) = await Ses("verify", tampered);
        Assert.Equal(1, exit);
        Assert.Contains("无效", output);
    }

    [Fact]
    public async Task Verify_NotAPdf_Exits2WithAMessage()
    {
        var file = Path.Combine(_dir, "note.pdf");
        await File.WriteAllTextAsync(file, "not a pdf", TestContext.Current.CancellationToken);
        var (exit, _, err) = await Ses("verify", file);
        Assert.Equal(2, exit);
        Assert.Contains("不是可读取的 PDF", err);
        Assert.DoesNotContain("   at ", err);
    }
}

/// <summary>Runs a verb in process with the repository's templates, capturing both streams.</summary>
internal static class SesRunner
{
    public static async Task<(int Exit, string Out, string Err)> Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await SesCommand.RunAsync([.. args, "--templates", TestEngine.TemplatesRoot], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
