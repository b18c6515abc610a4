using Ses.Service.Evaluations;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses ga score &lt;file.json&gt;...</c>: the general-aviation integrity evaluation of each file (《通用航空企业诚信经营
/// 评价管理暂行办法》). Per file one line starting with <c>&lt;score&gt; &lt;grade&gt;</c>, then the enterprise and a short
/// breakdown, then indented lines giving each cause's event and table row. Exit 1 when a file is invalid (stderr
/// names the file, the event and the field), 2 without files or when one cannot be found.
/// </summary>
public static class GaVerb
{
    public static int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly();
        if (args.Positionals.ToArray() is not ["score", .. var files] || files.Length == 0)
        {
            throw new UsageException("用法：ses ga score <文件.json>...");
        }
        // Every file is found before any is scored: a usage error gives no half output.
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            stderr.WriteLine($"文件错误：找不到 {missing}");
            return SesCommand.Usage;
        }
        var exit = SesCommand.Ok;
        foreach (var file in files)
        {
            var outcome = EvaluationFile.Evaluate(File.ReadAllText(file));
            if (outcome.Result is { } result)
            {
                Write(file, result, stdout);
            }
            else
            {
                foreach (var p in outcome.Problems) stderr.WriteLine($"{file}：{p.Message}（{p.Code}）");
                exit = SesCommand.Invalid;
            }
        }
        return exit;
    }

    private static void Write(string file, EvaluationResult r, TextWriter stdout)
    {
        var causes = r.Causes.Count == 0 ? "无扣分" : string.Join("；", r.Causes.Select(c => $"{c.Label} {N(c.Total)}"));
        stdout.WriteLine($"{N(r.Score)} {r.Grade} {r.Enterprise}（{EnterpriseTypes.Name(r.Type)}，{r.Year} 年度）扣 {N(r.Deducted)} 分：{causes}（{file}）");
        foreach (var c in r.Causes)
        {
            var events = string.Join("、", c.Events.Select(e => $"第 {e.Number} 个事件（{e.Date:yyyy-MM-dd}）第{e.Item}项 {N(e.Value)}"));
            var note = c.Events.Count > 1 ? "，同一事由仅记一次，取最高分值（附表注2）" : "";
            stdout.WriteLine($"  {c.Label}：扣 {N(c.Total)} 分 — {c.Highest.Basis}{note}；事件：{events}");
            if (c.RepeatedBasis is { } repeated) stdout.WriteLine($"    另加 {repeated}");
        }
        foreach (var s in r.Skipped) stdout.WriteLine($"  第 {s.Number} 个事件（第{s.Item}项）{s.Reason}");
        var sum = r.Deducted > EvaluationTable.BaseScore ? $"100 − {N(r.Deducted)} < 0，记 0 分" : $"100 − {N(r.Deducted)} = {N(r.Score)} 分";
        stdout.WriteLine($"  依据《通用航空企业诚信经营评价管理暂行办法》：{sum}（第八条）；等级 {r.Grade}：A ≥ 90，B 75 ≤ 得分 < 90，C < 75（第九条）");
    }

    private static string N(decimal value) => EvaluationTable.Number(value);
}
