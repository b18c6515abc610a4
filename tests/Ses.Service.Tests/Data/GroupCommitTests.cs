using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Evidence;

namespace Ses.Service.Tests.Data;

/// <summary>
/// Writers queued for the SQLite file share one commit (<see cref="SqliteWriters"/>, group commit) on a real file: each
/// learns its outcome only once the group is committed, a writer that fails is undone alone, a plain save behind a
/// group commits the group first, and the evidence chain stays whole across a group.
/// </summary>
public sealed class GroupCommitTests
{
    private const int Writers = 24;
    private static readonly TimeSpan Leak = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DevelopmentServiceFactory Start() => new(Directory.CreateTempSubdirectory("ses-group-").FullName, owns: true);

    private static SqliteWriters WritersOf(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return SqliteWriters.Of(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }

    private static async Task<int> CountAsync(IServiceProvider services, Func<SesDbContext, Task<int>> count)
    {
        await using var scope = services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }

    private static async Task ExecuteAsync(IServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SesDbContext>().Database.ExecuteSqlRawAsync(sql, Ct);
    }

    /// <summary>
    /// Holds the write lock, queues <paramref name="queued"/> writers behind it one by one — so the lock (first come, first
    /// served) takes them in this order — then lets them run; returns the holder and the writers.
    /// </summary>
    private static async Task<(Task Holder, List<Task<long>> Writers)> QueuedInOrderAsync(IServiceProvider services, int queued,
        Func<int, Task<long>> writer)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(services, release.Task);
        var writers = new List<Task<long>>();
        for (var i = 0; i < queued; i++)
        {
            writers.Add(writer(i));
            await Eventually.WritersWaiting(services, i + 1);
        }
        release.SetResult();
        return (holder, writers);
    }

    /// <summary>One writer appending an evidence entry and an audit entry, as a service's step does.</summary>
    private static Task<long> AppendAsync(IServiceProvider services, string subject, Action<SesDbContext>? more = null) => Task.Run(async () =>
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var sequence = await EvidenceLog.WriteAsync(db, async chain =>
        {
            var entry = await chain.AppendAsync(EvidenceEntries.ForFile(subject, new string('a', 64), EvidenceEvents.ContentConsignment, "test-group",
                "test", DateTimeOffset.UtcNow, new() { ["subject"] = subject }), Ct);
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "test", Action = "test.group", Subject = subject, Source = "test" });
            more?.Invoke(db);
            return entry.Sequence;
        }, Ct);
        // Returned: committed, so a fresh reader sees it at once.
        await using var reader = services.CreateAsyncScope();
        Assert.True(await reader.ServiceProvider.GetRequiredService<SesDbContext>().AuditEntries.AnyAsync(a => a.Subject == subject, Ct),
            $"{subject} was returned before it was committed");
        return sequence;
    });

    /// <summary>Holds the write lock, queues <paramref name="queued"/> writers behind it, then lets them all run.</summary>
    private static async Task<(T[] Results, long Commits)> QueuedBehindAHolderAsync<T>(IServiceProvider services, int queued, Func<int, Task<T>> writer)
    {
        var writers = WritersOf(services);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(services, release.Task);
        var before = writers.GroupCommits;
        var tasks = Enumerable.Range(0, queued).Select(writer).ToList();
        await Eventually.WritersWaiting(services, queued);
        release.SetResult();
        await holder.WaitAsync(Leak, Ct);
        var results = new List<T>();
        foreach (var t in tasks)
        {
            try
            {
                results.Add(await t.WaitAsync(Leak, Ct));
            }
            catch (DbUpdateException)
            {
                // The test's own failing writer; the others are checked by the caller.
            }
        }
        return ([.. results], writers.GroupCommits - before);
    }

    /// <summary>
    /// <paramref name="writers"/> writers' audit entries stored, and the chain intact up to the last entry they were given
    /// (a failed writer's entry took no place in it: the others' are numbered without a gap).
    /// </summary>
    private static async Task StoredAsync(IServiceProvider services, int writers, long[] sequences)
    {
        Assert.Equal(writers, await CountAsync(services, db => db.AuditEntries.CountAsync(a => a.Action == "test.group", Ct)));
        await using var scope = services.CreateAsyncScope();
        var chain = await EvidenceLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<SesDbContext>(), Ct);
        Assert.True(chain.Intact, chain.Reason);
        Assert.Equal(sequences.Max(), chain.Entries);
    }

    [Fact]
    public async Task WritersQueuedTogether_ShareOneCommit_EachReturnsOnlyOnceCommitted_AndTheChainIsWhole()
    {
        using var factory = Start();
        var (sequences, commits) = await QueuedBehindAHolderAsync(factory.Services, Writers, i => AppendAsync(factory.Services, $"group-{i}"));

        Assert.Equal(Writers, sequences.Distinct().Count());
        // The holder and the queued writers: one commit for all (the holder handed its open transaction on), or a few if
        // one of the service's own jobs wrote in between.
        Assert.InRange(commits, 1, 3);
        await StoredAsync(factory.Services, Writers, sequences);
    }

    [Fact]
    public async Task AWriterFailingInAGroup_IsUndoneAlone_TheOthersAreStored()
    {
        using var factory = Start();
        var taken = TestUsers.Create(factory, "xibei", StaffRole.Officer);
        var failing = Writers / 2;
        var (sequences, commits) = await QueuedBehindAHolderAsync(factory.Services, Writers, i => AppendAsync(factory.Services, $"mixed-{i}",
            i == failing
                ? db => db.StaffUsers.Add(new StaffUser
                {
                    Id = Guid.NewGuid(), UserName = taken, DisplayName = taken, Role = StaffRole.Officer, Bureau = "xibei", PasswordHash = "-",
                })
                : null));

        Assert.Equal(Writers - 1, sequences.Length);
        Assert.InRange(commits, 1, 3);
        Assert.Equal(0, await CountAsync(factory.Services, db => db.AuditEntries.CountAsync(a => a.Subject == $"mixed-{failing}", Ct)));
        await StoredAsync(factory.Services, Writers - 1, sequences);
    }

    [Fact]
    public async Task AWriterWhoseFailureRollsBackTheWholeTransaction_FailsTheGroupsWritersBeforeIt_NobodyIsToldStoredWhenNot()
    {
        using var factory = Start();
        // As a full disk or an I/O error would: SQLite ends the whole transaction, not just the statement.
        await ExecuteAsync(factory.Services, "CREATE TRIGGER group_test_rollback BEFORE INSERT ON audit_entries WHEN NEW.Subject = 'whole-3' "
            + "BEGIN SELECT RAISE(ROLLBACK, 'the whole transaction ends here'); END;");
        var outcomes = new List<(string Subject, bool Returned, Exception? Failure)>();
        // In this order: whole-3 has writers of its group before it and writers after it.
        var (holder, writers) = await QueuedInOrderAsync(factory.Services, 8, i => AppendAsync(factory.Services, $"whole-{i}"));
        try
        {
            await holder.WaitAsync(Leak, Ct);
        }
        catch (InvalidOperationException)
        {
            // The holder writes nothing: failing with its group's transaction is all it can do.
        }
        foreach (var (task, i) in writers.Select((t, i) => (t, i)))
        {
            var subject = $"whole-{i}";
            try
            {
                await task.WaitAsync(Leak, Ct);
                outcomes.Add((subject, true, null));
            }
            catch (Exception e) when (e is not TimeoutException)
            {
                outcomes.Add((subject, false, e));
            }
        }

        // The writer itself learns SQLite's own error, not a consequence of it.
        var failing = Assert.Single(outcomes, o => o.Subject == "whole-3");
        var own = Assert.IsType<SqliteException>(Assert.IsType<DbUpdateException>(failing.Failure).InnerException);
        Assert.Contains("the whole transaction ends here", own.Message, StringComparison.Ordinal);
        // Every writer told "done" is stored; every writer told "failed" is not.
        foreach (var (subject, returned, _) in outcomes)
        {
            Assert.Equal(returned ? 1 : 0, await CountAsync(factory.Services, db => db.AuditEntries.CountAsync(a => a.Subject == subject, Ct)));
        }
        // Those before it shared its transaction and failed with it; those after it began a group of their own.
        Assert.Equal(["whole-0", "whole-1", "whole-2"], outcomes.Where(o => !o.Returned && o.Subject != "whole-3").Select(o => o.Subject));
        Assert.Equal(["whole-4", "whole-5", "whole-6", "whole-7"], outcomes.Where(o => o.Returned).Select(o => o.Subject));
        await using var check = factory.Services.CreateAsyncScope();
        var chain = await EvidenceLog.VerifyAsync(check.ServiceProvider.GetRequiredService<SesDbContext>(), Ct);
        Assert.True(chain.Intact, chain.Reason);
    }

    [Fact]
    public async Task ACommitThatFails_FailsEveryWriterOfTheGroup_NothingOfTheirsIsStored_AndTheNextWriteGoesThrough()
    {
        using var factory = Start();
        // A deferred foreign key is checked only by COMMIT: the group's statements and savepoints all succeed, its commit fails.
        await ExecuteAsync(factory.Services, "CREATE TABLE group_test_parent (Id INTEGER PRIMARY KEY); CREATE TABLE group_test_child "
            + "(Id INTEGER PRIMARY KEY, Parent INTEGER REFERENCES group_test_parent (Id) DEFERRABLE INITIALLY DEFERRED);");
        var (holder, tasks) = await QueuedInOrderAsync(factory.Services, 6, i => AppendAsync(factory.Services, $"commit-{i}",
            i == 2 ? db => db.Database.ExecuteSqlRaw("INSERT INTO group_test_child (Id, Parent) VALUES (1, 42)") : null));

        // Every writer of the group learns that its write was not stored, with SQLite's reason.
        await Assert.ThrowsAsync<SqliteException>(() => holder.WaitAsync(Leak, Ct));
        foreach (var task in tasks)
        {
            var failed = await Assert.ThrowsAsync<SqliteException>(() => task.WaitAsync(Leak, Ct));
            Assert.Contains("FOREIGN KEY", failed.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, await CountAsync(factory.Services, db => db.AuditEntries.CountAsync(a => a.Action == "test.group", Ct)));
        // The lock is free and the file whole: the next writer is stored, and the chain holds no trace of the failed group.
        var after = await AppendAsync(factory.Services, "after").WaitAsync(Leak, Ct);
        await StoredAsync(factory.Services, 1, [after]);
    }

    [Fact]
    public async Task MoreWritersThanAGroupHolds_AreCommittedInSeveralGroups()
    {
        using var factory = Start();
        var queued = SqliteWriters.MaxGroup + SqliteWriters.MaxGroup / 2;
        var (sequences, commits) = await QueuedBehindAHolderAsync(factory.Services, queued, i => AppendAsync(factory.Services, $"many-{i}"));

        // The holder and the queued writers are more than one group may hold: at least two commits (one more if a job wrote).
        Assert.InRange(commits, 2, 4);
        Assert.Equal(queued, sequences.Distinct().Count());
        await StoredAsync(factory.Services, queued, sequences);
    }

    [Fact]
    public async Task AContextAfterAGroupedWrite_StillHasEfCoresSqliteFunctions()
    {
        using var factory = Start();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        await Transactions.WriteAsync(db, async () =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "test", Action = "test.group", Subject = "reuse", Source = "test" });
            // Inside the group's connection too: a decimal comparison is EF Core's ef_compare function on SQLite.
            Assert.Equal(0, await db.EvaluationEntries.CountAsync(e => e.Points > 1.5m, Ct));
            return await db.SaveChangesAsync(Ct);
        }, Ct);
        Assert.Equal(0, await db.EvaluationEntries.CountAsync(e => e.Points > 1.5m, Ct));
    }

    [Fact]
    public async Task APlainSaveBehindAGroup_CommitsTheGroupFirst_AndNothingWaitsForEver()
    {
        using var factory = Start();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(factory.Services, release.Task, async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "test", Action = "test.group", Subject = "holder", Source = "test" });
            await db.SaveChangesAsync(Ct);
        });
        var grouped = AppendAsync(factory.Services, "grouped");
        await Eventually.WritersWaiting(factory.Services, 1);
        var plain = Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            // A plain save (no transaction of ours): it sees the group's writes committed when it runs.
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "test", Action = "test.plain", Subject = "plain", Source = "test" });
            return await db.SaveChangesAsync(Ct);
        }, Ct);
        await Eventually.WritersWaiting(factory.Services, 2);

        release.SetResult();
        await holder.WaitAsync(Leak, Ct);
        await grouped.WaitAsync(Leak, Ct);
        Assert.Equal(1, await plain.WaitAsync(Leak, Ct));
        Assert.Equal(2, await CountAsync(factory.Services, db => db.AuditEntries.CountAsync(a => a.Action == "test.group", Ct)));
        Assert.Equal(1, await CountAsync(factory.Services, db => db.AuditEntries.CountAsync(a => a.Action == "test.plain", Ct)));
    }
}
