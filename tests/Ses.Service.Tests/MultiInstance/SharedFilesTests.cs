using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Consent;
using Ses.Service.Storage;

namespace Ses.Service.Tests.MultiInstance;

/// <summary>
/// With PostgreSQL, issued files live in the database with the records that name them: issued on one instance, they
/// download on another (each instance with its own folder), and a file whose record is not committed is not kept.
/// </summary>
public sealed class SharedFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IssuedOnA_DownloadsOnB_ServedOnB_CertificateOnA()
    {
        using var two = new TwoInstances();
        var onA = await DeliveryWorld.CreateAsync(two.A);
        var onB = new DeliveryWorld(two.B);
        await onB.SignInAsAsync(onA);
        var (cp, accounts, _) = await onA.CounterpartyAsync("共享文件测试航空");
        var (id, number) = await onA.IssueAsync(cp, "共享文件测试航空");

        var pdf = await onB.Officer.GetByteArrayAsync($"/api/documents/{id}/pdf", Ct);
        var docx = await onB.Officer.GetAsync($"/api/documents/{id}/docx", Ct);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var delivery = (await onB.ServeAsync(id)).GetProperty("id").GetString();
        var certificate = await onA.Legal.GetAsync($"/api/deliveries/{delivery}/certificate", Ct);
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
        Assert.Contains(number, await accounts[0].GetStringAsync("/api/my/deliveries", Ct));

        // Nothing under either instance's folder: the files are rows, named by the document's record.
        Assert.Empty(IssuedFiles.Stored(two.A.Folder));
        Assert.Empty(IssuedFiles.Stored(two.B.Folder));
        using var scope = two.B.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == Guid.Parse(id), Ct);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), document.PdfSha256);
        var rows = await db.Set<StoredFile>().AsNoTracking().Select(f => f.Sha256).ToListAsync(Ct);
        Assert.Contains(document.PdfSha256, rows);
        Assert.Contains(document.DocxSha256, rows);
    }

    [Fact]
    public async Task AFileIsStoredOnlyWithTheRecordThatNamesIt_InOneTransaction()
    {
        using var two = new TwoInstances();
        var (counterparty, _, _) = TestUsers.CreateAccount(two.A, "xibei", letter: false);
        var store = Assert.IsType<DatabaseFileStore>(two.A.Services.GetRequiredService<IFileStore>());
        var content = RandomNumberGenerator.GetBytes(1000);
        var (sha, created) = await store.PutAsync(content, Ct);
        Assert.True(created);
        // Held, readable by this instance, but not in the database: no record names it yet.
        Assert.Equal(content, await store.GetAsync(sha, Ct));
        Assert.Null(await two.B.Services.GetRequiredService<IFileStore>().GetAsync(sha, Ct));

        await using (var scope = two.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            // The record's transaction fails after the save: the file goes with it.
            await Assert.ThrowsAsync<InvalidOperationException>(() => Transactions.WriteAsync<int>(db, async () =>
            {
                db.ConsentLetters.Add(Letter(sha, counterparty, content.Length));
                await db.SaveChangesAsync(Ct);
                Assert.Equal(1, await db.Set<StoredFile>().CountAsync(f => f.Sha256 == sha, Ct));
                throw new InvalidOperationException("the step fails after its record was written");
            }, Ct));
        }
        Assert.Equal(0, await CountAsync(two.B, sha));

        await using (var scope = two.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            // A save with no transaction of its own, refused (no such counterparty): the file is not kept either.
            db.ConsentLetters.Add(Letter(sha, Guid.NewGuid(), content.Length));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
        Assert.Equal(0, await CountAsync(two.B, sha));

        // A step that gives its file up leaves nothing behind either.
        store.Forget(sha);
        Assert.Null(await store.GetAsync(sha, Ct));
    }

    [Fact]
    public async Task AFileNamedByACommittedRecord_IsReadOnEveryInstance()
    {
        using var two = new TwoInstances();
        var (counterparty, _, _) = TestUsers.CreateAccount(two.A, "xibei", letter: false);
        var store = two.A.Services.GetRequiredService<IFileStore>();
        var content = RandomNumberGenerator.GetBytes(2000);
        var (sha, _) = await store.PutAsync(content, Ct);
        await using (var scope = two.A.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            // A save with no transaction of its own: the file and the record are committed together.
            db.ConsentLetters.Add(Letter(sha, counterparty, content.Length));
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(1, await CountAsync(two.B, sha));
        Assert.Equal(content, await two.B.Services.GetRequiredService<IFileStore>().GetAsync(sha, Ct));
        // The same bytes again are not a new file.
        Assert.False((await two.B.Services.GetRequiredService<IFileStore>().PutAsync(content, Ct)).Created);
    }

    /// <summary>A verified consent letter: the smallest record that names a file.</summary>
    private static ConsentLetter Letter(string sha, Guid counterparty, int size) => new()
    {
        Id = Guid.NewGuid(), CounterpartyId = counterparty, Bureau = "xibei", SignedOn = new DateOnly(2026, 1, 5), FileName = "确认函.pdf",
        FileSize = size, ContentType = "application/pdf", FileSha256 = sha, VerifiedBy = "test", VerifiedAt = DateTimeOffset.UnixEpoch,
    };

    private static async Task<int> CountAsync(DevelopmentServiceFactory instance, string sha)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().Set<StoredFile>().CountAsync(f => f.Sha256 == sha, Ct);
    }
}
