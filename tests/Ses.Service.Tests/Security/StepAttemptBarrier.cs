using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Holds each request's reading of the step's latest draft (what it decides to create a draft on, and what the new
/// draft's attempt is derived from) until the number of requests <see cref="Arm"/> names have all read it, so a test can
/// play two requests that both decide on the same state before either saves — the race a unique index has to decide —
/// without depending on timing.
/// </summary>
internal sealed class StepAttemptBarrier : DbCommandInterceptor
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private TaskCompletionSource? _all;
    private int _expected;
    private int _arrived;

    /// <summary>Whether a request gave up waiting for the others (the race was not played).</summary>
    public bool TimedOut { get; private set; }

    public void Arm(int requests)
    {
        lock (_gate) (_expected, _arrived, _all) = (requests, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    // Held once the query has run, not before it runs: released together, one request could otherwise read after the
    // other had already saved its draft.
    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        await WaitAsync(command, cancellationToken);
        return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        await WaitAsync(command, cancellationToken);
        return await base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private async Task WaitAsync(DbCommand command, CancellationToken ct)
    {
        var text = command.CommandText;
        if (!text.Contains("ORDER BY", StringComparison.Ordinal) || !text.Contains("FROM \"drafts\"", StringComparison.Ordinal)
            || !text.Contains("\"CaseStep\"", StringComparison.Ordinal))
        {
            return;
        }
        Task all;
        lock (_gate)
        {
            if (_all is null) return;
            all = _all.Task;
            if (++_arrived == _expected)
            {
                _all.TrySetResult();
                _all = null;
            }
        }
        try
        {
            await all.WaitAsync(Patience, ct);
        }
        catch (TimeoutException)
        {
            TimedOut = true;
        }
    }
}
