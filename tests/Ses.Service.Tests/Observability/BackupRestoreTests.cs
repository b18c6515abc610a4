using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Ses.Service.Tests.Observability;

/// <summary>
/// The documented backup and restore (docs/operations.md), done as an operator would: <c>ses backup</c> while the
/// service runs, the copy started as a new service, and there the issued document is byte for byte the same, its
/// delivery and certificate are there, and <c>ses audit verify</c> passes on the restored database.
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_WhileRunning_RestoresWithTheDocumentAndAnIntactEvidenceChain()
    {
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-backup-").FullName, owns: true);
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, _, _) = await world.CounterpartyAsync("备份测试航空有限公司");
        var (documentId, number) = await world.IssueAsync(cp, "备份测试航空有限公司");
        await world.ServeAsync(documentId);
        var original = await world.Officer.GetByteArrayAsync($"/api/documents/{documentId}/pdf", Ct);

        var backup = Path.Combine(Directory.CreateTempSubdirectory("ses-backup-copy-").FullName, "2026-12-05");
        var database = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(factory.Folder, "ses.db")}",
            ["Database__FilesPath"] = Path.Combine(factory.Folder, "files"),
        };
        var (exit, output) = SesProcess.Run(factory.Folder, database, "backup", backup);
        Assert.True(exit == 0, output);
        Assert.Contains("已备份", output, StringComparison.Ordinal);
        // A second backup into the same folder is refused: nothing is overwritten.
        (exit, output) = SesProcess.Run(factory.Folder, database, "backup", backup);
        Assert.True(exit == 2, output);

        // Restore: the copy is the new data folder.
        var restored = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(backup, "ses.db")}",
            ["Database__FilesPath"] = Path.Combine(backup, "files"),
        };
        (exit, output) = SesProcess.Run(backup, restored, "audit", "verify");
        Assert.True(exit == 0, output);
        Assert.Contains("证据链完整", output, StringComparison.Ordinal);
        using var again = new DevelopmentServiceFactory(backup, owns: false);
        var officer = await TestUsers.SignIn(again, world.OfficerName);
        var pdf = await officer.GetByteArrayAsync($"/api/documents/{documentId}/pdf", Ct);
        Assert.Equal(SHA256.HashData(original), SHA256.HashData(pdf));
        var found = await officer.GetStringAsync($"/api/deliveries?number={Uri.EscapeDataString(number)}", Ct);
        Assert.Contains(documentId, found, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
    }
}
