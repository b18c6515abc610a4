using Microsoft.Data.Sqlite;
using Ses.Service.Data;

namespace Ses.Service.Cli;

/// <summary>
/// <c>ses backup &lt;folder&gt;</c>: a consistent copy of the SQLite database while the service runs (SQLite's online
/// backup, page by page under a read transaction) into <c>folder/ses.db</c>, then the file store into <c>folder/files</c>.
/// The files are named by their SHA-256 and never change, and every file a row names was stored before that row was
/// committed, so files copied after the database cover it. Restoring is copying the two back (docs/operations.md).
/// With PostgreSQL the files are in the database: use <c>pg_dump</c>.
/// </summary>
public static class BackupVerb
{
    public static async Task<int> RunAsync(CommandArgs args, TextWriter stdout)
    {
        args.AllowOnly();
        if (args.Positionals is not [var target]) throw new UsageException("用法：ses backup <目标文件夹>");
        var options = DataSetup.Read(CliConfiguration.Build());
        if (options.Provider == "postgres")
        {
            throw new UsageException("PostgreSQL 的数据库（含已签发文件）请用 pg_dump 备份、pg_restore 恢复，见 docs/operations.md");
        }
        var folder = Path.GetFullPath(target);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new UsageException($"目标文件夹 {folder} 不是空的：备份不覆盖已有内容");
        }
        var source = new SqliteConnectionStringBuilder(options.ConnectionString ?? "Data Source=data/ses.db");
        if (!File.Exists(source.DataSource)) throw new UsageException($"数据库 {Path.GetFullPath(source.DataSource)} 不存在");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "ses.db");
        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.DataSource, Mode = SqliteOpenMode.ReadOnly,
                         Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }
        var files = Path.GetFullPath(options.FilesPath);
        var count = 0;
        long bytes = 0;
        if (Directory.Exists(files))
        {
            foreach (var file in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                // The store's own temporary files (a write in progress) are not part of it.
                if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
                var to = Path.Combine(folder, "files", Path.GetRelativePath(files, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
                count++;
                bytes += new FileInfo(to).Length;
            }
        }
        await stdout.WriteLineAsync($"已备份：数据库 {copy}（{new FileInfo(copy).Length} 字节），文件 {count} 个（{bytes} 字节）于 {Path.Combine(folder, "files")}");
        return SesCommand.Ok;
    }
}
