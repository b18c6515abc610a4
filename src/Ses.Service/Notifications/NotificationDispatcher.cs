using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Data;

namespace Ses.Service.Notifications;

/// <summary>
/// Sends what the outbox queued. Every <c>Notifications:PollSeconds</c> it reads due messages, claims each with a
/// lease (a conditional UPDATE that only one instance can win, so several instances on one database send a message
/// once), sends it and stores the result: sent with the provider's answer, or the error and the next attempt after
/// an exponential back-off (1, 2, 4 … minutes, at most an hour), given up after <c>Notifications:MaxAttempts</c>.
/// A crash between a send and its record lets the message go once more when the lease has run out.
/// </summary>
public sealed class NotificationDispatcher(
    IServiceScopeFactory scopes, NotificationOptions options, ISmsGateway sms, IEmailSender email, TimeProvider time,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    private readonly string _instance = $"{Truncate(Environment.MachineName, 40)}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    private long _claims;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 1 minute, doubled each time, at most an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        attempts >= 7 ? MaxDelay : TimeSpan.FromMinutes(Math.Pow(2, Math.Max(0, attempts - 1)));

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogNotificationSetup(sms.Description, email.Description,
            options.PollSeconds > 0 ? $"every {options.PollSeconds} s as {_instance}" : "off on this instance (Notifications:PollSeconds=0)");
        if (!options.Smtp.Enabled) logger.LogEmailOff();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollSeconds == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.PollSeconds), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is unreachable or busy: the next poll tries again.
                logger.LogRoundFailed(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every message due now (by the injected <see cref="TimeProvider"/>) that no other instance holds;
    /// returns how many attempts this instance made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var attempts = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            var now = time.GetUtcNow();
            var emailOn = options.Smtp.Enabled;
            // Email stays queued on an instance without SMTP, for one that has it.
            var due = await db.NotificationMessages.AsNoTracking()
                .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                    && (m.ClaimedUntil == null || m.ClaimedUntil <= now)
                    && (emailOn || m.Channel != NotificationChannel.Email))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0) return attempts;
            foreach (var message in due)
            {
                var claim = await ClaimAsync(db, message.Id, ct);
                if (claim is null) continue;
                await AttemptAsync(scope.ServiceProvider, db, message, claim, ct);
                attempts++;
            }
        }
    }

    /// <summary>Takes the message for one lease if it is still unsent, not given up and unclaimed (or its lease ran
    /// out); the database lets one UPDATE of the row win. Null when another instance has it.</summary>
    private async Task<string?> ClaimAsync(SesDbContext db, long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now.AddSeconds(options.LeaseSeconds);
        var claim = $"{_instance}#{Interlocked.Increment(ref _claims)}";
        // In the writers' queue like every other write (Transactions.WriteAsync), not against SQLite's busy retries.
        var won = await Transactions.WriteAsync(db, () => db.NotificationMessages
            .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until), ct), ct);
        return won == 1 ? claim : null;
    }

    private async Task AttemptAsync(IServiceProvider services, SesDbContext db, NotificationMessage message, string claim, CancellationToken ct)
    {
        SendResult result;
        try
        {
            result = message.Channel == NotificationChannel.Sms
                ? await sms.SendAsync(message.Id, message.Recipient, message.Body, ct)
                : await email.SendAsync(message, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            result = SendResult.Retry($"{e.GetType().Name}: {e.Message}", Reason(e));
        }

        var at = time.GetUtcNow();
        message.Attempts++;
        message.ClaimedBy = claim;
        message.ClaimedUntil = null;
        if (result.Sent)
        {
            message.SentAt = at;
            message.ProviderAnswer = Truncate(result.Answer, 500);
        }
        else
        {
            message.LastError = Truncate(result.Answer, 1000);
            if (result.Permanent || message.Attempts >= options.MaxAttempts) message.FailedAt = at;
            else message.NextAttemptAt = at + RetryDelay(message.Attempts);
        }

        // Stored only while the claim is still ours: a takeover after an expired lease keeps its own result.
        var stored = await Transactions.WriteAsync(db, () => db.NotificationMessages
            .Where(m => m.Id == message.Id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, message.Attempts)
                .SetProperty(m => m.SentAt, message.SentAt)
                .SetProperty(m => m.FailedAt, message.FailedAt)
                .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                .SetProperty(m => m.LastError, message.LastError)
                .SetProperty(m => m.ProviderAnswer, message.ProviderAnswer)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None), CancellationToken.None);
        if (stored != 1)
        {
            logger.LogClaimLost(message.Id);
            return;
        }

        var recipient = RecipientMask.For(message.Channel, message.Recipient);
        if (result.Sent) logger.LogSent(message.Id, message.Channel, recipient, message.Attempts);
        else if (message.FailedAt is not null) logger.LogGivenUp(message.Id, message.Channel, recipient, message.Attempts, result.Reason);
        else logger.LogRetry(message.Id, message.Channel, recipient, message.Attempts, result.Reason, message.NextAttemptAt);

        try
        {
            await services.GetRequiredService<INotificationObserver>().OnAttemptAsync(message, result.Sent, result.Answer, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogObserverFailed(message.Id, e.GetType().Name);
        }
    }

    /// <summary>What a log may say of a failure: the kind of error, never the server's text (which can quote the address).</summary>
    private static string Reason(Exception e) => e switch
    {
        SocketException s => $"socket {s.SocketErrorCode}",
        SmtpCommandException c => $"smtp {(int)c.StatusCode} {c.ErrorCode}",
        _ => e.GetType().Name,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
