using Microsoft.Extensions.Configuration.Json;
using Ses.Documents.Templates;
using Ses.Service.Signing;

namespace Ses.Service.Cli;

/// <summary>The command line reads the same settings as the service: appsettings.json beside the program, then the environment.</summary>
public static class CliConfiguration
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>
    /// The settings the service reads when started from the same folder: appsettings.json beside the program (the
    /// shipped defaults), then appsettings.json and appsettings.{environment}.json in the working directory, then the
    /// environment. Relative paths in them are relative to the working directory, for both.
    /// </summary>
    public static IConfiguration Build()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Production";
        var builder = new ConfigurationBuilder();
        AddProgramDefaults(builder);
        return builder
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>Puts appsettings.json beside the program first, under the working directory's files (the service's content root).</summary>
    public static void AddProgramDefaults(IConfigurationBuilder configuration)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(beside)) return;
        var source = new JsonConfigurationSource { Path = beside, Optional = true };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }

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
        var context = SigningContext.Create(options, SigningContext.DevelopmentDirectory(options, templatesRoot), TemplateLibrary.Load(templatesRoot),
            TimeProvider.System, allowDevelopment: true, Http);
        if (context.IsDevelopment) stderr.WriteLine($"注意：未配置签名密钥，使用开发证书和进程内时间戳服务（仅用于开发）：{context.Description}");
        return context;
    }
}
