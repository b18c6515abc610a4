namespace Ses.Service.Records;

/// <summary>Runs <see cref="RecordExpiryJob"/> every <c>Records:ExpiryIntervalSeconds</c> (default 3600) in each instance.</summary>
public sealed class RecordExpiryJobService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RecordExpiryJobService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue(RecordsSetup.ExpiryIntervalKey, 3600);
        if (seconds <= 0) return; // 0 switches the job off in this instance (e.g. tests that call it directly)
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RecordExpiryJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run retries; nothing was half-done (each batch is one transaction).
                log.LogExpiryFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
