using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Accounts;
using Ses.Service.Storage;

namespace Ses.Service.Tests.Security;

/// <summary>
/// A full disk, on a real tmpfs: a write answers 503 <c>storage.full</c>, leaves no temporary file, /health says
/// so, and a start on a full disk stops with one Chinese line.
/// </summary>
public sealed class FullDiskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FileStore_OnAFullDisk_RefusesWithDiskFull_AndLeavesNoTemporaryFile()
    {
        using var disk = FullDisk.Mount(256);
        Assert.SkipWhen(!disk.Mounted, "tmpfs cannot be mounted here (needs root)");
        var store = new DiskFileStore(Path.Combine(disk.Path, "files"));
        await store.PutAsync([1, 2, 3], Ct);
        disk.Fill();
        var e = await Assert.ThrowsAnyAsync<IOException>(() => store.PutAsync(new byte[64 * 1024], Ct));
        Assert.True(StorageFull.Is(e), e.ToString());
        Assert.Empty(Directory.EnumerateFiles(disk.Path, "*.tmp", SearchOption.AllDirectories));
        disk.Free();
        Assert.True((await store.PutAsync(new byte[64 * 1024], Ct)).Created);
    }

    [Fact]
    public async Task Issue_WhenTheFileStoreIsFull_Is503StorageFull_HealthSaysFull_NoTemporaryFile()
    {
        using var disk = FullDisk.Mount(2048);
        Assert.SkipWhen(!disk.Mounted, "tmpfs cannot be mounted here (needs root)");
        using var factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-svc-").FullName, owns: true,
            settings: new Dictionary<string, string> { ["Database:FilesPath"] = Path.Combine(disk.Path, "files") });
        var officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", StaffRole.Officer));
        var created = await officer.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org", data = new { party = "磁盘已满测试公司", actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" },
        }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health", Ct)).StatusCode);

        disk.Fill();
        var issued = await officer.PostAsync($"/api/drafts/{id}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, issued.StatusCode);
        var problem = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("storage.full", problem.GetProperty("code").GetString());
        Assert.Contains("存储空间已满", problem.GetProperty("title").GetString());
        Assert.Empty(Directory.EnumerateFiles(disk.Path, "*.tmp", SearchOption.AllDirectories));

        // Signed-in staff see the free space (anyone else only that the store is full).
        var health = await officer.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("full", report.GetProperty("fileStore").GetString());
        Assert.True(report.GetProperty("fileStoreFreeBytes").GetInt64() < 4096);

        disk.Free();
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/drafts/{id}/issue", null, Ct)).StatusCode);
    }

    [Fact]
    public void Start_OnAFullDisk_StopsWithOneChineseLine()
    {
        using var disk = FullDisk.Mount(256);
        Assert.SkipWhen(!disk.Mounted, "tmpfs cannot be mounted here (needs root)");
        disk.Fill();
        var (exit, output) = SesProcess.Run(Path.GetTempPath(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = "http://127.0.0.1:0",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(disk.Path, "ses.db")}",
            ["Database__FilesPath"] = Path.Combine(disk.Path, "files"),
            ["Signing__DevelopmentCertificatesPath"] = Path.Combine(Path.GetTempPath(), "ses-full-certs"),
        });
        Assert.Equal(2, exit);
        Assert.Contains("存储空间已满", output);
        Assert.DoesNotContain("   at ", output);
    }
}
