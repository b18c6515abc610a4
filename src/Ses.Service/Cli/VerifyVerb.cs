using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ses.Documents.Signing;
using Ses.Documents.Templates;
using Ses.Service.Signing;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses verify &lt;file.pdf&gt; [--json]</c>: every signature's integrity, later changes, signer, chain and
/// timestamp, and the document number. Exit 0 all valid, 1 any invalid or modified, 2 not a PDF or unreadable.
/// </summary>
public static class VerifyVerb
{
    public static int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--json", "--templates");
        if (args.Positionals.Count != 1) throw new UsageException("用法：ses verify <文件.pdf> [--json]");
        var path = args.Positionals[0];
        if (!File.Exists(path))
        {
            stderr.WriteLine($"无法读取：{path} 不存在");
            return SesCommand.Usage;
        }
        var root = CliConfiguration.TemplatesRoot(args);
        var signing = CliConfiguration.Signing(root, TextWriter.Null);
        var library = TemplateLibrary.Load(root);
        VerificationReport report;
        try
        {
            report = PdfVerifier.Verify(File.ReadAllBytes(path), signing.TrustAnchors, library.Bureaus.Select(b => b.NumberPrefix), DateTimeOffset.UtcNow);
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"不是可读取的 PDF：{e.Message}");
            return SesCommand.Usage;
        }
        if (args.Flag("--json")) stdout.WriteLine(JsonSerializer.Serialize(VerifyJson.From(report), VerifyJsonContext.Relaxed));
        else Print(report, stdout);
        return report.AllValid ? SesCommand.Ok : SesCommand.Invalid;
    }

    private static void Print(VerificationReport r, TextWriter o)
    {
        o.WriteLine($"文号：{r.DocumentNumber ?? "（未读到）"}");
        o.WriteLine($"标题：{r.Title ?? "（无）"}");
        if (r.Signatures.Count == 0) o.WriteLine("没有签名。");
        foreach (var s in r.Signatures)
        {
            o.WriteLine($"签名 {s.Index}：{(s.Valid ? "有效" : "无效")}");
            o.WriteLine($"  签名范围内容：{(s.Intact ? "未被改动" : "已被改动或无法核对")}");
            o.WriteLine($"  签名后的修改：{(s.ModifiedAfter ? "有（" + string.Join("、", s.LaterChanges) + "）" : s.LaterChanges.Count > 0 ? "仅追加签名" : "无")}");
            o.WriteLine($"  签名人：{s.Signer}");
            o.WriteLine($"  证书链：{(s.ChainTrusted ? "可信" : "不可信")}");
            o.WriteLine(s.TimestampTime is { } t
                ? $"  时间戳：{t.ToOffset(Calendar.LegalDates.Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} 北京时间（{t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC），{s.TimestampAuthority}"
                : "  时间戳：无可信时间戳");
            if (s.Problems.Count > 0) o.WriteLine($"  问题：{string.Join(" ", s.Problems)}");
        }
    }
}

internal sealed record VerifyJson(string? DocumentNumber, string? Title, bool AllValid, IReadOnlyList<SignatureJson> Signatures)
{
    public static VerifyJson From(VerificationReport r) => new(r.DocumentNumber, r.Title, r.AllValid,
        [.. r.Signatures.Select(s => new SignatureJson(s.Index, s.Valid, s.Intact, s.ModifiedAfter, s.LaterChanges, s.Signer, s.ChainTrusted,
            s.TimestampTime?.ToOffset(Calendar.LegalDates.Beijing), s.TimestampAuthority, s.Problems))]);
}

internal sealed record SignatureJson(int Index, bool Valid, bool Intact, bool ModifiedAfter, IReadOnlyList<string> LaterChanges,
    string Signer, bool ChainTrusted, DateTimeOffset? TimestampTime, string? TimestampAuthority, IReadOnlyList<string> Problems);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(VerifyJson))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext
{
    public static JsonSerializerOptions Relaxed => new(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Default,
    };
}
