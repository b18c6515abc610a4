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
        Assert.Contains(notice.GetProperty("fields").EnumerateArray(),
            f => f.GetProperty("name").GetString() == "actDate" && f.GetProperty("type").GetString() == "date");
        Assert.Contains("民航行业严重失信行为认定告知书（组织）", output);
        // Every form of the library, each once.
        Assert.Equal(TestEngine.Engine.Templates.Forms.Select(f => f.Id),
            doc.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
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
        await File.WriteAllTextAsync(data,
            """{"party":"某公司","actDate":"2026-02-30","actDescription":"x","replyDeadline":"2026-03-20","contactPhone":"12"}""",
            TestContext.Current.CancellationToken);
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

// Both classes set the process-wide Signing__DevelopmentCertificatesPath: they must not run at the same time.
[Collection("signing-environment")]
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

/// <summary>
/// <c>ses verify</c> reports integrity and trust apart and never creates keys; <c>ses render --sign</c> never signs a
/// counterparty's form.
/// </summary>
[Collection("signing-environment")]
public sealed class VerifyTrustCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ses-cli-trust-").FullName;

    public VerifyTrustCliTests() => Environment.SetEnvironmentVariable("Signing__DevelopmentCertificatesPath", Path.Combine(_dir, "certs"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Signing__DevelopmentCertificatesPath", null);
        Directory.Delete(_dir, recursive: true);
    }

    private static Task<(int Exit, string Out, string Err)> Ses(params string[] args) => SesRunner.Run(args);

    private async Task<string> SignedNotice()
    {
        var pdf = Path.Combine(_dir, "signed.pdf");
        var (exit, _, err) = await Ses("render", "notice-org", "--sample", "--out", pdf, "--sign");
        Assert.True(exit == 0, err);
        return pdf;
    }

    [Fact]
    public async Task Verify_ElsewhereWithoutAnchor_IntactButUntrustedExit3_CreatesNoKeys_AndTrustMakesItExit0()
    {
        var pdf = await SignedNotice();
        var root = Path.Combine(_dir, "certs", "root-ca.crt");
        // A counterparty's machine: no development set, nothing configured.
        var elsewhere = Path.Combine(_dir, "elsewhere");
        Environment.SetEnvironmentVariable("Signing__DevelopmentCertificatesPath", elsewhere);

        var (exit, output, _) = await Ses("verify", pdf);
        Assert.Equal(3, exit);
        Assert.Contains("签名完好", output);
        Assert.Contains("不在任何已配置的信任锚之下", output);
        Assert.False(Directory.Exists(elsewhere), "ses verify created a key folder");

        (exit, output, _) = await Ses("verify", pdf, "--json");
        Assert.Equal(3, exit);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.Equal("verify.untrusted", json.RootElement.GetProperty("code").GetString());
            Assert.True(json.RootElement.GetProperty("intact").GetBoolean());
            Assert.False(json.RootElement.GetProperty("trusted").GetBoolean());
        }

        (exit, output, _) = await Ses("verify", pdf, "--trust", root, "--json");
        Assert.Equal(0, exit);
        using (var json = JsonDocument.Parse(output)) Assert.Equal("verify.ok", json.RootElement.GetProperty("code").GetString());
        Assert.False(Directory.Exists(elsewhere));
    }

    [Fact]
    public async Task Verify_BytesAppendedAfterSigning_Exit1()
    {
        var pdf = await SignedNotice();
        await File.AppendAllTextAsync(pdf, "appended after signing", TestContext.Current.CancellationToken);
        var (exit, output, _) = await Ses("verify", pdf, "--json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("verify.broken", json.RootElement.GetProperty("code").GetString());
        Assert.Contains("data-appended", json.RootElement.GetProperty("signatures")[0].GetProperty("laterChanges").EnumerateArray().Select(c => c.GetString()));
        (exit, output, _) = await Ses("verify", pdf);
        Assert.Equal(1, exit);
        Assert.Contains("文件末尾被追加数据", output);
    }

    [Fact]
    public async Task Verify_MissingTrustFile_IsAUsageError()
    {
        var pdf = await SignedNotice();
        var (exit, _, err) = await Ses("verify", pdf, "--trust", Path.Combine(_dir, "none.pem"));
        Assert.Equal(2, exit);
        Assert.Contains("--trust", err);
    }

    [Theory]
    [InlineData("ses-confirmation")]
    [InlineData("repair-application")]
    public async Task RenderSign_CounterpartyForm_IsRefusedAndWritesNothing(string form)
    {
        var pdf = Path.Combine(_dir, form + ".pdf");
        var (exit, _, err) = await Ses("render", form, "--sample", "--out", pdf, "--sign");
        Assert.Equal(2, exit);
        Assert.Contains("相对人", err);
        Assert.False(File.Exists(pdf));
    }
}
