using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Evidence;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses audit verify [--json]</c>: recomputes the evidence log's hash chain in the configured database (the same
/// Database settings as the service) and names the first entry that does not hold. Exit 0 intact, 1 broken.
/// </summary>
public static class AuditVerb
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.AllowOnly("--json");
        if (args.Positionals is not ["verify"]) throw new UsageException("用法：ses audit verify [--json]");
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
}
