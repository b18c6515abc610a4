using Ses.Documents.Templates;
using Ses.Service.Accounts;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses staff add-sysadmin &lt;user-name&gt; &lt;姓名&gt; [--bureau &lt;code&gt;]</c>: a system administrator in the service's
/// database (the same Database settings as the service). The legal holiday calendar is server-wide, so its
/// administrator is made by whoever runs the server, not by a bureau's administrator. The initial password is printed
/// once and must be changed at the first sign-in.
/// </summary>
public static class StaffVerb
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--bureau", "--templates");
        if (args.Positionals is not ["add-sysadmin", var userName, var displayName])
        {
            throw new UsageException("用法：ses staff add-sysadmin <用户名> <姓名> [--bureau <局代码>]");
        }
        var templates = TemplateLibrary.Load(CliConfiguration.TemplatesRoot(args));
        var bureau = args.Option("--bureau") is { } code
            ? templates.FindBureau(code) ?? throw new UsageException($"没有这个管理局：{code}")
            : templates.DefaultBureau;
        await using var db = Data.DataSetup.Open(Data.DataSetup.Read(CliConfiguration.Build()));
        await Data.DataSetup.MigrateAsync(db);
        var (user, password, refused) = await new StaffAdmin(db, TimeProvider.System)
            .CreateSystemAdminAsync(userName, displayName, bureau.Code, Environment.UserName, "cli", CancellationToken.None);
        if (user is null)
        {
            foreach (var p in refused!.Problems) await stderr.WriteLineAsync($"{p.Field}: {p.Code}: {p.Message}");
            if (refused.Problems.Count == 0) await stderr.WriteLineAsync($"{refused.Message}（{refused.Code}）");
            return SesCommand.Invalid;
        }
        await stdout.WriteLineAsync($"已新增系统管理员 {user.UserName}（{bureau.Name}）。初始密码（只显示这一次，首次登录后须修改）：{password}");
        return SesCommand.Ok;
    }
}
