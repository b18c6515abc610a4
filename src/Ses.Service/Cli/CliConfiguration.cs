using Ses.Documents.Templates;
using Ses.Service.Signing;

namespace Ses.Service.Cli;

/// <summary>The command line reads the same settings as the service: appsettings.json beside the program, then the environment.</summary>
public static class CliConfiguration
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public static IConfiguration Build() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static string TemplatesRoot(CommandArgs args) =>
        TemplateLibrary.Locate(args.Option("--templates") ?? Environment.GetEnvironmentVariable("SES_TEMPLATES"));

    public static SigningOptions SigningOptions(IConfiguration configuration)
    {
        var options = new SigningOptions();
        configuration.GetSection(Service.Signing.SigningOptions.Section).Bind(options);
        return options;
    }

    /// <summary>The configured key and TSA, or the development certificates (created if absent) with an in-process TSA.</summary>
    public static SigningContext Signing(string templatesRoot, TextWriter stderr)
    {
        var options = SigningOptions(Build());
        var context = SigningContext.Create(options, SigningContext.DevelopmentDirectory(options, templatesRoot), TemplateLibrary.Load(templatesRoot), TimeProvider.System, allowDevelopment: true, Http);
        if (context.IsDevelopment) stderr.WriteLine($"注意：未配置签名密钥，使用开发证书和进程内时间戳服务（仅用于开发）：{context.Description}");
        return context;
    }
}
