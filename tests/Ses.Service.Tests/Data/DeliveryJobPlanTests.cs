using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ses.Service.Tests.Security;

namespace Ses.Service.Tests.Data;

/// <summary>
/// The deemed-delivery job updates a batch of deliveries by their ids. SQLite keeps no statistics, so given a condition
/// on <c>ElectronicOn</c> too it walked the index of every pending delivery once per batch (a million due deliveries took
/// over 90 s, four fifths of it in that update). The plans of the job's statements on the real database file say which
/// index they use.
/// </summary>
public sealed class DeliveryJobPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeemingABatch_UpdatesTheDeliveriesByPrimaryKey_WithOneArrayParameter()
    {
        var clock = new TestClock(TestClock.Beijing(2026, 2, 13, 10));
        var recorder = new RecordDeliveryUpdates();
        using var factory = new FailingSaveFactory(recorder, clock);
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, _, _) = await world.CounterpartyAsync("执行计划测试公司");
        for (var i = 0; i < 3; i++) await world.ServeAsync((await world.IssueAsync(cp, "执行计划测试公司")).Id);

        clock.Now = TestClock.Beijing(2026, 3, 2, 8);
        recorder.Recording = true;
        Assert.Equal(3, (await world.RunJobAsync()).Deemed);

        var update = Assert.Single(recorder.Statements);
        Assert.Contains("json_each", update.Sql, StringComparison.Ordinal);
        // The ids travel as one JSON array, not as one named parameter each.
        var ids = Assert.Single(update.Parameters, p => p.Value is string s && s.StartsWith('['));
        Assert.Equal(3, ((string)ids.Value!).Split(',').Length);

        var plan = await PlanAsync(Path.Combine(factory.Folder, "ses.db"), update);
        Assert.Contains(plan, step => step.EndsWith("USING INDEX sqlite_autoindex_deliveries_1 (Id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("ElectronicOn", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync(string file, Statement statement)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) steps.Add(reader.GetString(3));
        return steps;
    }

    private sealed record Statement(string Sql, List<(string Name, object? Value)> Parameters);

    /// <summary>Records each UPDATE of the <c>deliveries</c> table as sent, with its parameters, while <see cref="Recording"/>.</summary>
    private sealed class RecordDeliveryUpdates : DbCommandInterceptor
    {
        public volatile bool Recording;

        public ConcurrentQueue<Statement> Statements { get; } = new();

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Recording && command.CommandText.Contains("UPDATE \"deliveries\"", StringComparison.Ordinal))
            {
                Statements.Enqueue(new(command.CommandText,
                    [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value == DBNull.Value ? null : p.Value))]));
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
