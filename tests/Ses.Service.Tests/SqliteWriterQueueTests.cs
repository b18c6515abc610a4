using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Issuing;

namespace Ses.Service.Tests;

/// <summary>
/// Every SaveChanges outside a write transaction queues with the writers of the SQLite file, and gives its place back
/// whether it saves, fails or is cancelled: a save that kept it would stop every later write of the process.
/// </summary>
public sealed class SqliteWriterQueueTests : IDisposable
{
    // Long enough for any save on an idle database; a writer that never gets the queue fails instead of hanging.
    private static readonly TimeSpan Leak = TimeSpan.FromSeconds(10);

    private readonly string _folder = Directory.CreateTempSubdirectory("ses-writers-").FullName;
    private string? _connection;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        // This database's pooled connections only: the tests of other classes run alongside.
        if (_connection is not null) SqliteConnection.ClearPool(new SqliteConnection(_connection));
        Directory.Delete(_folder, recursive: true);
    }

    private DevelopmentServiceFactory Start()
    {
        var factory = new DevelopmentServiceFactory(_folder);
        using var scope = factory.Services.CreateScope();
        _connection = scope.ServiceProvider.GetRequiredService<SesDbContext>().Database.GetConnectionString();
        return factory;
    }

    private static AuditEntry Entry(string subject) =>
        new() { At = DateTimeOffset.UtcNow, Actor = "test", Action = "test.write", Subject = subject, Source = "test" };

    private static StaffUser Staff(string userName) => new()
    {
        Id = Guid.NewGuid(), UserName = userName, DisplayName = userName, Role = StaffRole.Officer, Bureau = "xibei", PasswordHash = "-",
    };

    private static async Task<bool> Saved(IServiceProvider services, string subject)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().AuditEntries.AnyAsync(a => a.Subject == subject, Ct);
    }

    /// <summary>A write transaction and then a plain save, each of which must get the queue within <see cref="Leak"/>.</summary>
    private static async Task WritersStillGetTheQueue(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            await Transactions.WriteAsync(db, async () =>
            {
                db.AuditEntries.Add(Entry("after-in-transaction"));
                return await db.SaveChangesAsync(Ct);
            }, Ct).WaitAsync(Leak, Ct);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            db.AuditEntries.Add(Entry("after-plain"));
            await db.SaveChangesAsync(Ct).WaitAsync(Leak, Ct);
        }
        Assert.True(await Saved(services, "after-in-transaction"));
        Assert.True(await Saved(services, "after-plain"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SaveChanges_FailingOnAUniqueUserName_GivesTheQueueBack(bool async)
    {
        using var factory = Start();
        var taken = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            db.StaffUsers.Add(Staff(taken));
            var failed = async
                ? await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct).WaitAsync(Leak, Ct))
                : Assert.Throws<DbUpdateException>(() => db.SaveChanges());
            Assert.Contains("UNIQUE", failed.InnerException?.Message, StringComparison.Ordinal);
        }
        await WritersStillGetTheQueue(factory.Services);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SaveChanges_FailingOnADraftChangedMeanwhile_GivesTheQueueBack(bool async)
    {
        using var factory = Start();
        Draft draft;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            draft = (await scope.ServiceProvider.GetRequiredService<DraftService>().CreateAsync(
                new DraftRequest("notice-org", JsonSerializer.SerializeToElement(new { party = "并发修改测试公司" })), "xibei", "officer1", "test", Ct)).Draft!;
        }
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var mine = await first.ServiceProvider.GetRequiredService<SesDbContext>().Drafts.SingleAsync(d => d.Id == draft.Id, Ct);
        var theirs = await second.ServiceProvider.GetRequiredService<SesDbContext>().Drafts.SingleAsync(d => d.Id == draft.Id, Ct);
        theirs.Version++;
        await second.ServiceProvider.GetRequiredService<SesDbContext>().SaveChangesAsync(Ct).WaitAsync(Leak, Ct);

        // The version read is a concurrency token: the second change of the same version is refused.
        mine.Version++;
        var db = first.ServiceProvider.GetRequiredService<SesDbContext>();
        if (async) await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct).WaitAsync(Leak, Ct));
        else Assert.Throws<DbUpdateConcurrencyException>(() => db.SaveChanges());

        await WritersStillGetTheQueue(factory.Services);
    }

    [Fact]
    public async Task SaveChanges_WhileAnotherWriterHoldsTheLock_WaitsSavesAfterItCommitsAndBeforeTheWritersQueuedLater()
    {
        using var factory = Start();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(factory.Services, release.Task, async db =>
        {
            db.AuditEntries.Add(Entry("holder"));
            await db.SaveChangesAsync(Ct);
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        db.AuditEntries.Add(Entry("waiting"));
        var save = db.SaveChangesAsync(Ct);
        await Task.WhenAny(save, Eventually.WritersWaiting(factory.Services, 1));
        Assert.False(save.IsCompleted, "the save did not wait for the writer holding the lock");

        // A writer that comes after the waiting save is served after it.
        bool? sawTheSave = null;
        var later = Task.Run(async () =>
        {
            await using var laterScope = factory.Services.CreateAsyncScope();
            var laterDb = laterScope.ServiceProvider.GetRequiredService<SesDbContext>();
            return await Transactions.WriteAsync(laterDb, async () => sawTheSave = await laterDb.AuditEntries.AnyAsync(a => a.Subject == "waiting", Ct), Ct);
        }, Ct);
        await Task.WhenAny(later, Eventually.WritersWaiting(factory.Services, 2));
        Assert.False(save.IsCompleted);
        Assert.False(later.IsCompleted);

        release.SetResult();
        await holder.WaitAsync(Leak, Ct);
        Assert.Equal(1, await save.WaitAsync(Leak, Ct));
        await later.WaitAsync(Leak, Ct);
        Assert.True(sawTheSave, "the writer queued after the save ran before it");
        Assert.True(await Saved(factory.Services, "holder"));
        Assert.True(await Saved(factory.Services, "waiting"));
    }

    [Fact]
    public async Task SaveChanges_CancelledWhileWaitingForTheLock_SavesNothingAndTakesNoPlace()
    {
        using var factory = Start();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(factory.Services, release.Task);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            db.AuditEntries.Add(Entry("cancelled"));
            using var cancel = new CancellationTokenSource();
            var save = db.SaveChangesAsync(cancel.Token);
            await Task.WhenAny(save, Eventually.WritersWaiting(factory.Services, 1));
            Assert.False(save.IsCompleted);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save.WaitAsync(Leak, Ct));
        }

        release.SetResult();
        await holder.WaitAsync(Leak, Ct);
        await WritersStillGetTheQueue(factory.Services);
        Assert.False(await Saved(factory.Services, "cancelled"));
    }
}
