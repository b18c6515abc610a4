using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Issuing;

namespace Ses.Service.Tests;

/// <summary>
/// Waits for a state of the service instead of sleeping: a test orders concurrent events by waiting until the service
/// shows it reached one (a writer queued for the lock, a document queued for its number) before starting the next.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> after 30 s.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "never happened: " + what);
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Once <paramref name="count"/> writers of the service's database wait for the write lock.</summary>
    public static Task WritersWaiting(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var writers = SqliteWriters.Of(scope.ServiceProvider.GetRequiredService<SesDbContext>());
        return Until(() => writers.Waiting >= count, $"{count} writers waiting for the lock");
    }

    /// <summary>Once the issue queue of the service has received <paramref name="count"/> documents since it started.</summary>
    public static Task DocumentsQueued(IServiceProvider services, int count)
    {
        var queue = services.GetRequiredService<IssueQueue>();
        return Until(() => queue.Received >= count, $"{count} documents queued for their numbers");
    }
}
