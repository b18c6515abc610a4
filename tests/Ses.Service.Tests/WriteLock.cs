using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;

namespace Ses.Service.Tests;

/// <summary>The database's write lock held by a writer of the test, as a long transaction of the service would hold it.</summary>
internal static class WriteLock
{
    /// <summary>
    /// Enters <see cref="Transactions.WriteAsync{T}"/> on the service's database, runs <paramref name="inside"/> there,
    /// and stays until <paramref name="until"/> completes; returns once the lock is held, with the task that commits.
    /// </summary>
    public static async Task<Task> HoldAsync(IServiceProvider services, Task until, Func<SesDbContext, Task>? inside = null)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            await Transactions.WriteAsync(db, async () =>
            {
                if (inside is not null) await inside(db);
                entered.SetResult();
                await until;
                return 0;
            }, CancellationToken.None);
        });
        // A holder that fails before it holds the lock fails the test here instead of leaving it waiting.
        await Task.WhenAny(entered.Task, holding).WaitAsync(TimeSpan.FromSeconds(10));
        if (holding.IsFaulted) await holding;
        return holding;
    }
}
