using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Evidence;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses audit verify [--json]</c>: recomputes the evidence log's hash chain in the configured database (the same
/// Database settings as the service) and names the first entry that does not hold. Exit 0 intact, 1 broken.
/// <c>ses audit verify --file &lt;evidence.jsonl&gt; [--json]</c>: the same offline, without a database, for a segment
/// exported with a case file (<see cref="EvidenceSegment"/>); exit 2 when the file is not such a segment.
/// </summary>
public static class AuditVerb
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.AllowOnly("--json", "--file");
        if (args.Positionals is not ["verify"]) throw new UsageException("用法：ses audit verify [--file <evidence.jsonl>] [--json]");
        if (args.Option("--file") is { } file) return await VerifyFileAsync(file, args.Flag("--json"), stdout);
        var options = Data.DataSetup.Read(CliConfiguration.Build());
        await using var db = Data.DataSetup.Open(options);
        // Read only: a database that was never migrated has no evidence table, which is said rather than created.
        if (!(await db.Database.GetAppliedMigrationsAsync()).Any()) throw new UsageException("数据库尚未初始化（没有证据记录表）：请先启动一次服务");
        var result = await EvidenceLog.VerifyAsync(db, CancellationToken.None);
        if (args.Flag("--json"))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                intact = result.Intact, entries = result.Entries, head = result.Head, brokenAt = result.BrokenAt, reason = result.Reason,
            }));
        }
        else if (result.Intact)
        {
            await stdout.WriteLineAsync($"证据链完整：{result.Entries} 条，链头 {result.Head}");
        }
        else
        {
            await stdout.WriteLineAsync($"证据链在第 {result.BrokenAt} 条断开：{result.Reason}（此前 {result.Entries} 条完整）");
        }
        return result.Intact ? SesCommand.Ok : SesCommand.Invalid;
    }

    /// <summary>An exported segment: its selected entries recomputed, every link checked, the header's counts and head compared.</summary>
    private static async Task<int> VerifyFileAsync(string path, bool json, TextWriter stdout)
    {
        if (!File.Exists(path)) throw new UsageException($"无法读取：{path} 不存在");
        EvidenceSegment.Verification result;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            result = EvidenceSegment.Verify(reader);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{path} 不是导出的证据链文件：{e.Message}");
        }
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                intact = result.Intact, from = result.From, to = result.To, entries = result.Entries, caseEntries = result.CaseEntries, head = result.Head,
                brokenAt = result.BrokenAt, reason = result.Reason,
            }, Relaxed));
        }
        else if (result.Intact)
        {
            await stdout.WriteLineAsync($"证据链片段完整：第 {result.From} 至 {result.To} 条，共 {result.Entries} 条，其中本案记录 {result.CaseEntries} 条已按内容重算哈希，"
                + $"其余 {result.Entries - result.CaseEntries} 条为其他事项的记录（只核对链接）；链头 {result.Head}");
        }
        else if (result.BrokenAt is { } at)
        {
            await stdout.WriteLineAsync($"证据链片段在第 {at} 条断开：{result.Reason}（此前 {result.Entries} 条完整）");
        }
        else
        {
            await stdout.WriteLineAsync($"证据链片段不完整：{result.Reason}");
        }
        return result.Intact ? SesCommand.Ok : SesCommand.Invalid;
    }
}
