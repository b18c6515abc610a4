using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Org.BouncyCastle.X509;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Service.Signing;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses verify &lt;file.pdf&gt; [--trust ca.pem]... [--json]</c>: every signature's integrity, later changes, signer,
/// chain and timestamp, and the document number — integrity and trust reported apart, so a counterparty can check a
/// downloaded document anywhere with the bureau's root certificate. It never creates keys: the trust anchors are
/// <c>Signing:TrustAnchors</c>, the development root if a development set already exists, and each <c>--trust</c>.
/// Exit 0 intact and trusted, 1 broken, changed after signing or unsigned, 2 not a PDF or a usage error, 3 intact but
/// a signer not under any trust anchor.
/// </summary>
public static class VerifyVerb
{
    public const int Untrusted = 3;

    public static int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--json", "--templates", "--trust");
        if (args.Positionals.Count != 1) throw new UsageException("用法：ses verify <文件.pdf> [--trust <根证书.pem>]... [--json]");
        var path = args.Positionals[0];
        if (!File.Exists(path))
        {
            stderr.WriteLine($"无法读取：{path} 不存在");
            return SesCommand.Usage;
        }
        var root = CliConfiguration.TemplatesRoot(args);
        var library = TemplateLibrary.Load(root);
        var anchors = Anchors(args, root);
        VerificationReport report;
        try
        {
            report = PdfVerifier.Verify(File.ReadAllBytes(path), anchors, library.Bureaus.Select(b => b.NumberPrefix), DateTimeOffset.UtcNow);
        }
        catch (InvalidDataException)
        {
            stderr.WriteLine($"不是可读取的 PDF：{path}（verify.unreadable）");
            return SesCommand.Usage;
        }
        var (code, exit) = Outcome(report);
        if (args.Flag("--json")) stdout.WriteLine(JsonSerializer.Serialize(VerifyJson.From(report, code), VerifyJsonContext.Relaxed));
        else Print(report, code, stdout);
        return exit;
    }

    /// <summary>The stable outcome code and exit code.</summary>
    internal static (string Code, int Exit) Outcome(VerificationReport r) => r switch
    {
        { Signatures.Count: 0 } => ("verify.unsigned", SesCommand.Invalid),
        { IntegrityHolds: false } => ("verify.broken", SesCommand.Invalid),
        { SignersTrusted: false } => ("verify.untrusted", Untrusted),
        _ => ("verify.ok", SesCommand.Ok),
    };

    /// <summary>The configured anchors, the existing development root (read, never made) and each <c>--trust</c> file.</summary>
    private static List<X509Certificate> Anchors(CommandArgs args, string templatesRoot)
    {
        var options = CliConfiguration.SigningOptions(CliConfiguration.Build());
        var missing = options.TrustAnchors.Where(a => !File.Exists(a)).ToList();
        if (missing.Count > 0) throw new SigningConfigurationException($"Signing:TrustAnchors: file not found: {string.Join(", ", missing)}");
        var anchors = options.TrustAnchors.SelectMany(SigningContext.ReadCertificates).ToList();
        var developmentRoot = Path.Combine(SigningContext.DevelopmentDirectory(options, templatesRoot), DevelopmentCertificateSet.RootCertificateFile);
        if (!options.UsesConfiguredKey && File.Exists(developmentRoot)) anchors.AddRange(SigningContext.ReadCertificates(developmentRoot));
        foreach (var file in args.Options("--trust"))
        {
            if (!File.Exists(file)) throw new UsageException($"--trust：找不到证书文件 {file}");
            try
            {
                anchors.AddRange(new X509CertificateParser().ReadCertificates(File.ReadAllBytes(file)) is { Count: > 0 } certs
                    ? certs
                    : throw new UsageException($"--trust：{file} 中没有证书（应为 PEM 或 DER 格式）"));
            }
            catch (Exception e) when (e is Org.BouncyCastle.Security.Certificates.CertificateException or IOException or ArgumentException)
            {
                throw new UsageException($"--trust：{file} 不是可读取的证书（应为 PEM 或 DER 格式）");
            }
        }
        return anchors;
    }

    private static void Print(VerificationReport r, string code, TextWriter o)
    {
        o.WriteLine($"文号：{r.DocumentNumber ?? "（未读到）"}");
        o.WriteLine($"标题：{r.Title ?? "（无）"}");
        if (r.Signatures.Count == 0) o.WriteLine("没有签名。");
        foreach (var s in r.Signatures)
        {
            o.WriteLine($"签名 {s.Index}：{(s.Valid ? "有效" : s.IntegrityHolds ? "完好，但签名人未被信任" : "无效")}");
            o.WriteLine($"  签名范围内容：{(s.Intact ? "未被改动" : "已被改动或无法核对")}");
            var later = s.ModifiedAfter
                ? "有（" + string.Join("、", s.LaterChanges.Where(c => c != "signature-added").Select(Change)) + "）"
                : s.LaterChanges.Count > 0 ? "仅追加签名" : "无";
            o.WriteLine($"  签名后的修改：{later}");
            o.WriteLine($"  签名人：{s.Signer}");
            o.WriteLine($"  证书链：{(s.ChainTrusted ? "可信（链至信任锚）" : "未信任（不在任何信任锚之下）")}");
            o.WriteLine(s.TimestampTime is { } t
                ? $"  时间戳：{t.ToOffset(Calendar.LegalDates.Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} 北京时间"
                    + $"（{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC），{s.TimestampAuthority}"
                : "  时间戳：无可信时间戳");
            if (s.Problems.Count > 0) o.WriteLine($"  问题：{string.Join("；", s.Problems.Select(p => $"{Problem(p)}（{p}）"))}");
        }
        o.WriteLine(code switch
        {
            "verify.ok" => "结论：签名完好，签名后未被修改；签名人链至信任锚。（verify.ok）",
            "verify.untrusted" => "结论：签名完好，签名后未被修改；但签名人不在任何已配置的信任锚之下，无法确认签名人身份。可用 --trust <根证书.pem> 加入发文机关的根证书。（verify.untrusted）",
            "verify.unsigned" => "结论：文件没有签名。（verify.unsigned）",
            _ => "结论：签名已被破坏或签名后文件被修改，不能作为原件使用。（verify.broken）",
        });
    }

    private static string Change(string change) => change switch
    {
        "data-appended" => "文件末尾被追加数据",
        "content-changed" => "内容被改动",
        "page-changed" => "页面被改动",
        "page-added" => "页面被增加",
        "catalog-changed" => "文档结构被改动",
        "annotation-added" => "增加了批注",
        _ => "其他改动",
    };

    private static string Problem(string code) => code switch
    {
        "document.modified-after-signing" => "签名后文件被修改",
        CadesProblems.DigestMismatch => "签名范围内容与签名不符",
        CadesProblems.Invalid => "签名值无效",
        CadesProblems.Malformed => "签名无法解析",
        CadesProblems.ChainUntrusted => "签名人证书不在信任锚之下",
        CadesProblems.TimestampUntrusted => "时间戳机构证书不在信任锚之下",
        CadesProblems.ChainExpired => "签名人证书已过期",
        CadesProblems.ChainNotYetValid => "签名人证书尚未生效",
        CadesProblems.TimestampMissing => "没有时间戳",
        CadesProblems.TimestampInvalid => "时间戳无效",
        CadesProblems.TimestampImprintMismatch => "时间戳与签名不符",
        _ when code.StartsWith("byterange.", StringComparison.Ordinal) => "签名范围不完整",
        _ => "签名不符合要求",
    };
}

internal sealed record VerifyJson(
    string Code, string? DocumentNumber, string? Title, bool AllValid, bool Intact, bool Trusted, IReadOnlyList<SignatureJson> Signatures)
{
    public static VerifyJson From(VerificationReport r, string code) => new(code, r.DocumentNumber, r.Title, r.AllValid, r.IntegrityHolds, r.SignersTrusted,
        [.. r.Signatures.Select(s => new SignatureJson(s.Index, s.Valid, s.Intact, s.IntegrityHolds, s.SignerTrusted, s.ModifiedAfter, s.LaterChanges,
            s.Signer, s.ChainTrusted, s.TimestampTime?.ToOffset(Calendar.LegalDates.Beijing), s.TimestampAuthority, s.Problems))]);
}

internal sealed record SignatureJson(
    int Index, bool Valid, bool Intact, bool IntegrityHolds, bool Trusted, bool ModifiedAfter, IReadOnlyList<string> LaterChanges,
    string Signer, bool ChainTrusted, DateTimeOffset? TimestampTime, string? TimestampAuthority, IReadOnlyList<string> Problems);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(VerifyJson))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext
{
    public static JsonSerializerOptions Relaxed => new(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Default,
    };
}
