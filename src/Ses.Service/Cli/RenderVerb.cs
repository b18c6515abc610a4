using System.Text.Json;
using Ses.Documents;
using Ses.Documents.Validation;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses render &lt;form-id&gt; (--data f.json | --sample) --out f.pdf|f.docx [--bureau code]</c>: renders without a
/// server or a database. The output is written to a temporary file and moved into place, so a failure leaves no
/// partial file.
/// </summary>
public static class RenderVerb
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--data", "--sample", "--out", "--bureau", "--templates", "--sign", "--invisible");
        if (args.Positionals.Count != 1) throw new UsageException("需要且只需要一个表单编号，例如 ses render notice-org --sample --out notice.pdf");
        var formId = args.Positionals[0];
        var outPath = args.Option("--out") ?? throw new UsageException("缺少 --out <文件.pdf|文件.docx>");
        var format = Path.GetExtension(outPath).ToLowerInvariant() switch
        {
            ".pdf" => OutputFormat.Pdf,
            ".docx" => OutputFormat.Docx,
            _ => throw new UsageException("--out 的文件名应以 .pdf 或 .docx 结尾"),
        };
        var dataPath = args.Option("--data");
        if ((dataPath is null) == !args.Flag("--sample")) throw new UsageException("请给出 --data <文件.json> 或 --sample 之一");

        var root = CliConfiguration.TemplatesRoot(args);
        var engine = DocumentEngine.Load(root);
        foreach (var warning in engine.FontWarnings) await stderr.WriteLineAsync(warning);
        if (engine.Templates.FindForm(formId) is null)
        {
            throw new UsageException($"没有表单 {formId}；可用：{string.Join("、", engine.Templates.Forms.Select(f => f.Id))}");
        }
        dataPath ??= Path.Combine(root, "samples", formId + ".json");

        JsonDocument data;
        try
        {
            data = JsonDocument.Parse(await File.ReadAllBytesAsync(dataPath));
        }
        catch (JsonException e)
        {
            // Where, not the parser's English message.
            var at = e.LineNumber is { } line ? $"，第 {line + 1} 行第 {(e.BytePositionInLine ?? 0) + 1} 个字节附近" : "";
            await stderr.WriteLineAsync($"data: data.json: 数据文件不是有效的 JSON（{dataPath}{at}）");
            return SesCommand.Invalid;
        }
        using (data)
        {
            var (input, problems) = engine.Validate(formId, data.RootElement, args.Option("--bureau"));
            if (input is null)
            {
                if (problems.Any(p => p.Code == ErrorCodes.BureauUnknown)) throw new UsageException(problems[0].Message);
                foreach (var p in problems) await stderr.WriteLineAsync(p.ToString());
                return SesCommand.Invalid;
            }
            var rendered = engine.Render(input, format);
            var content = rendered.Content;
            if (args.Flag("--sign"))
            {
                if (format != OutputFormat.Pdf) throw new UsageException("--sign 只适用于 PDF");
                if (input.Form.IsCounterpartyAuthored)
                {
                    // The counterparty seals and signs its own letter; this tool never puts a bureau's seal or key on it.
                    throw new UsageException($"《{input.Form.Title}》由相对人出具并盖章，不能以本局名义签名；请去掉 --sign");
                }
                var signing = CliConfiguration.Signing(root, stderr);
                // A unit's form (collection form, transfer slip) is sealed with that unit's key, the others with the bureau's.
                var unit = rendered.Document.SealingUnit;
                var settings = signing.For(input.Bureau, unit)
                    ?? throw new UsageException(unit is null
                        ? $"没有{input.Bureau.Name}的签名密钥：配置的密钥属于 Signing:Bureau 指定的机关，只为该机关签名"
                        : $"没有{unit.SealText}的签名密钥：在 Signing:Units:{unit.Id} 下配置该单位的密钥，开发证书（ses certs init）为每个盖章单位各建一个");
                content = engine.Sign(rendered, settings, TimeProvider.System.GetUtcNow(), visible: !args.Flag("--invisible"));
            }
            var full = Path.GetFullPath(outPath);
            var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
            await File.WriteAllBytesAsync(temp, content);
            File.Move(temp, full, overwrite: true);
            await stdout.WriteLineAsync($"{full}\t{content.Length} 字节{(rendered.PageCount > 0 ? $"\t{rendered.PageCount} 页" : "")}");
            return SesCommand.Ok;
        }
    }
}
