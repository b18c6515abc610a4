using Ses.Service.Cli;

namespace Ses.Service.Tests;

/// <summary>Unknown options, extra arguments and unknown verbs are errors naming them; bad settings stop start-up; the
/// command line reads the settings of the folder it is started from, as the service does.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await SesCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("不认识的选项：--jsn", "verify", "a.pdf", "--jsn")]
    [InlineData("不认识的选项：--jsn", "templates", "--jsn", "x")]
    [InlineData("多余的参数：extra", "templates", "extra")]
    [InlineData("用法：ses audit verify", "audit", "verify", "extra")]
    [InlineData("--out 需要一个值", "render", "notice-org", "--sample", "--out")]
    [InlineData("不认识的命令：rendr", "rendr")]
    public async Task WrongArguments_Exit2_NamingThem(string message, params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);
        Assert.Equal(SesCommand.Usage, exit);
        Assert.Contains(message, stderr);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("", "第 1 行第 1 个字节附近")]
    [InlineData("{\n  \"party\": ", "第 2 行")]
    public async Task Render_DataFileNotJson_SaysWhereInChinese(string content, string where)
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("ses-cli-data-").FullName, "data.json");
        await File.WriteAllTextAsync(data, content, TestContext.Current.CancellationToken);
        var (exit, stdout, stderr) = await Run("render", "notice-org", "--data", data, "--out", data + ".pdf");
        Assert.Equal(SesCommand.Invalid, exit);
        Assert.Contains("数据文件不是有效的 JSON", stderr);
        Assert.Contains(where, stderr);
        Assert.DoesNotMatch("[A-Za-z]{3,} [A-Za-z]{3,}", stderr); // no English sentence from the parser
        Assert.False(File.Exists(data + ".pdf"));
    }

    [Fact]
    public void MistypedVerb_IsAnError_NotAServiceStart()
    {
        var (exit, output) = SesProcess.Run(Path.GetTempPath(), new Dictionary<string, string>(), "rendr", "notice-org");
        Assert.Equal(2, exit);
        Assert.Contains("不认识的命令：rendr", output);
    }

    [Theory]
    [InlineData("Delivery__JobIntervalSeconds", "-5", "Delivery:JobIntervalSeconds")]
    [InlineData("Delivery__JobIntervalSeconds", "soon", "Delivery:JobIntervalSeconds")]
    [InlineData("Notifications__PollSeconds", "-1", "Notifications:PollSeconds")]
    public void SettingOutOfRange_StopsStartup_NamingTheKey(string variable, string value, string key)
    {
        var folder = Directory.CreateTempSubdirectory("ses-cfg-").FullName;
        try
        {
            var (exit, output) = SesProcess.Run(folder, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Urls"] = "http://127.0.0.1:0", [variable] = value,
                ["Signing__DevelopmentCertificatesPath"] = Path.Combine(folder, "certs"),
            });
            Assert.Equal(2, exit);
            Assert.Contains(key, output);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CommandLine_ReadsTheWorkingDirectorysSettings_LikeTheService()
    {
        var folder = Directory.CreateTempSubdirectory("ses-cfg-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Database": { "Provider": "oracle" } }""");
            var (cliExit, cli) = SesProcess.Run(folder, new Dictionary<string, string>(), "audit", "verify");
            Assert.Equal(2, cliExit);
            Assert.Contains("Database:Provider", cli);
            var (serviceExit, service) = SesProcess.Run(folder,
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Urls"] = "http://127.0.0.1:0" });
            Assert.Equal(2, serviceExit);
            Assert.Contains("Database:Provider", service);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
