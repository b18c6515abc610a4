namespace Ses.Service.Cases;

/// <summary>Runs <see cref="CaseReminders"/> every <c>Cases:ReminderIntervalSeconds</c> (default 3600) in each instance; 0 switches it off.</summary>
public sealed class CaseReminderService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<CaseReminderService> log) : BackgroundService
{
    public const string IntervalKey = "Cases:ReminderIntervalSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue(IntervalKey, 3600);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<CaseReminders>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run retries: a case is marked reminded only with its email queued.
                log.LogRemindersFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
