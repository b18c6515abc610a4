namespace Ses.Service.Delivery;

/// <summary>Runs <see cref="DeliveryJob"/> every <c>Delivery:JobIntervalSeconds</c> (default 60) in each instance.</summary>
public sealed class DeliveryJobService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeliveryJobService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Delivery:JobIntervalSeconds", 60);
        if (seconds <= 0) return; // 0 switches the job off in this instance (e.g. tests that call it directly)
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DeliveryJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run retries; nothing was half-done (each batch is one transaction).
                log.LogJobFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
