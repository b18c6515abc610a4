using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Service.Signing;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses certs init [--dir certs/dev]</c>: creates the development root CA, the TSA certificate and a signing
/// certificate for each bureau and each of its sealing units (<c>signing-&lt;bureau&gt;-&lt;unit&gt;.p12</c>).
/// </summary>
public static class CertsVerb
{
    public static int Run(CommandArgs args, TextWriter stdout)
    {
        args.AllowOnly("--dir", "--templates", "--bureau");
        if (args.Positionals is not ["init"]) throw new UsageException("用法：ses certs init [--dir <目录>]");
        var options = CliConfiguration.SigningOptions(CliConfiguration.Build());
        var dir = args.Option("--dir") ?? SigningContext.DevelopmentDirectory(options, CliConfiguration.TemplatesRoot(args));
        var existed = File.Exists(Path.Combine(dir, DevelopmentCertificateSet.SigningPkcs12File));
        var templates = TemplateLibrary.Load(CliConfiguration.TemplatesRoot(args));
        var set = DevelopmentCertificates.LoadOrCreate(dir, TimeProvider.System, args.Option("--bureau") ?? templates.DefaultBureau.Name);
        // One signing certificate per bureau and per sealing unit, all from the one development root: each seals only with its own.
        var holders = templates.Bureaus
            .SelectMany(b => new SealingUnit?[] { null }.Concat(b.Units ?? []).Select(u => (
                Holder: u is null ? b.Code : $"{b.Code}/{u.Id}",
                Subject: set.SigningFor(b, u, TimeProvider.System).Certificate.SubjectDN.ToString())))
            .ToList();
        stdout.WriteLine(existed ? $"开发证书已存在：{set.Directory}" : $"已创建开发证书：{set.Directory}");
        stdout.WriteLine("这些证书仅用于开发和测试，不得用于生产（生产配置见 certs/README.md）。");
        stdout.WriteLine($"  根证书（信任锚）  {set.RootCertificatePath}");
        stdout.WriteLine($"  签名证书 PKCS#12  {set.SigningPkcs12Path}");
        stdout.WriteLine($"  签名证书链 PEM    {set.SigningChainPath}");
        stdout.WriteLine($"  时间戳证书        {set.TsaCertificatePath}");
        foreach (var (holder, subject) in holders) stdout.WriteLine($"  {holder,-24} 签名证书：{subject}");
        return SesCommand.Ok;
    }
}
