using Ses.Documents.Signing.Crypto;
using Ses.Documents.Templates;
using Ses.Service.Data;
using Ses.Service.Signing;

namespace Ses.Service.Cli;

/// <summary>The <c>ses</c> command-line verbs. Exit codes: 0 done, 1 invalid input, 2 usage or environment error.</summary>
public static class SesCommand
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["templates", "render", "verify", "certs", "calendar", "audit", "staff", "ga", "backup", "help", "--help", "-h"];

    public static bool IsVerb(string arg) => Verbs.Contains(arg);

    /// <summary>
    /// Whether the arguments are a command rather than the service's settings: a verb, or a word that is neither a
    /// verb nor a setting (<c>--key value</c>, <c>key=value</c>) — a mistyped verb is an error, not a service start.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (IsVerb(args[0]) || (!args[0].StartsWith('-') && !args[0].StartsWith('/') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args[0] switch
            {
                "templates" => TemplatesVerb.Run(CommandArgs.Parse(args[1..]), stdout),
                "render" => await RenderVerb.RunAsync(CommandArgs.Parse(args[1..]), stdout, stderr),
                "verify" => VerifyVerb.Run(CommandArgs.Parse(args[1..]), stdout, stderr),
                "certs" => CertsVerb.Run(CommandArgs.Parse(args[1..]), stdout),
                "calendar" => await CalendarVerb.RunAsync(CommandArgs.Parse(args[1..]), stdout, stderr),
                "audit" => await AuditVerb.RunAsync(CommandArgs.Parse(args[1..]), stdout),
                "staff" => await StaffVerb.RunAsync(CommandArgs.Parse(args[1..]), stdout, stderr),
                "ga" => GaVerb.Run(CommandArgs.Parse(args[1..]), stdout, stderr),
                "backup" => await BackupVerb.RunAsync(CommandArgs.Parse(args[1..]), stdout),
                "help" or "--help" or "-h" => Help(stdout),
                _ => throw new UsageException($"不认识的命令：{args[0]}"),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync("用法错误：" + e.Message);
            await stderr.WriteLineAsync("运行 ses help 查看用法。");
            return Usage;
        }
        catch (TemplateException e)
        {
            await stderr.WriteLineAsync("模板错误：" + e.Message);
            return Usage;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync("文件错误：" + e.Message);
            return Usage;
        }
        catch (UnauthorizedAccessException e)
        {
            await stderr.WriteLineAsync("文件错误：" + e.Message);
            return Usage;
        }
        catch (ConfigurationProblemException e)
        {
            await stderr.WriteLineAsync("配置错误：" + e.Message);
            return Usage;
        }
        catch (SigningConfigurationException e)
        {
            await stderr.WriteLineAsync("签名配置错误：" + e.Message);
            return Usage;
        }
        catch (TimestampException e)
        {
            await stderr.WriteLineAsync("时间戳服务错误：" + e.Message);
            return Usage;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            // The outermost boundary: a person gets the reason, never a stack trace.
            await stderr.WriteLineAsync($"内部错误（{e.GetType().Name}）：{e.Message}");
            return Usage;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine("""
            ses — SES Documents

              ses templates [--json] [--templates <dir>]
                  列出表单：编号、标题、文号类别和字段。
              ses render <form-id> (--data <file.json> | --sample) --out <file.pdf|file.docx> [--bureau <code>] [--sign [--invisible]] [--templates <dir>]
                  校验数据并生成 PDF 或 DOCX，无需服务或数据库；--sign 用配置的密钥和时间戳服务签名（未配置时用开发证书）。
              ses verify <file.pdf> [--trust <根证书.pem>]... [--json]
                  核验签名、签名后的修改、签名人、证书链、时间戳和文号，完整性与信任分开报告；不创建任何密钥。
                  退出码 0 完好且可信，1 被破坏、签名后被修改或无签名，2 不是 PDF，3 完好但签名人不在信任锚之下。
              ses calendar deemed <送达时刻>...  |  ses calendar deadline <种类> <日期>...
                  视为送达日期（发送日后第三个工作日）和期限届满日；每行以 YYYY-MM-DD 开头，无节假日安排的年份标 provisional。
                  种类：自送达之日起 defense、reconsideration、litigation；信用案件的内部期限（工作日）collection-department、
                  collection-office、office-review、statement-review、decision、transfer、entry、interview-report、interview-entry、
                  repair-meeting、repair-transfer、repair-refusal、repair-whole、correction、correction-entry、withdrawal；
                  记录的期间（不因休息日顺延）validity-general、validity-severe、repair-eligible-general、repair-eligible-severe。
              ses calendar import <文件.csv> [--confirm]
                  把新一年的节假日安排（date,is_off_day,name）导入配置的数据库；改变已有送达的日期时列出变动，须加 --confirm。
              ses staff add-sysadmin <用户名> <姓名> [--bureau <局代码>]
                  在配置的数据库中新增系统管理员（管理全服务器的节假日日历）；初始密码只显示一次，首次登录后须修改。
              ses audit verify [--json]
                  重算证据记录的哈希链，指出第一条被改动、删除或插入的记录。退出码 0 完整，1 断开。
              ses audit verify --file <evidence.jsonl> [--json]
                  离线核验随案卷导出的证据链片段（无需数据库）：本案记录按内容重算哈希，逐条核对链接、条数和链头。
                  退出码 0 完整，1 断开，2 不是导出的证据链文件。
              ses ga score <文件.json>...
                  通用航空企业诚信经营评价：按《通用航空企业诚信经营评价管理暂行办法》附表计算每个文件的得分和等级；每个文件
                  一行，以「得分 等级」开头（如 85 B），其后为企业和各事由的扣分，缩进行列出所依据的附表条目。
                  文件格式：{ "enterprise", "type", "year", "events": [ { "item", "date", "cause", … } ] }；退出码 1 文件无效（指出事件和字段）。
              ses backup <目标文件夹>
                  服务运行中也可备份：SQLite 数据库在线备份为 目标文件夹/ses.db，文件存储复制到 目标文件夹/files（恢复见 docs/operations.md）；
                  PostgreSQL 请用 pg_dump。
              ses certs init [--dir <目录>]
                  在 certs/dev/ 生成开发用根证书、签名证书和时间戳证书（仅用于开发）。

            退出码：0 成功，1 数据无效（逐行列出问题），2 用法或环境错误。
            不带命令运行则启动服务（见 README）。
            """);
        return Ok;
    }
}
