namespace Ses.Service.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// How long an instance holds a key while its request runs (default 120 s); a retry meanwhile is answered 409
    /// <c>request.in-progress</c>, and after it a claim left by an instance that died is taken over.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// How long an answered key is kept and replayed (default 24 h): a client retries within minutes, not days. Older keys
    /// (and claims abandoned as long) are deleted, at most every <see cref="PurgeMinutes"/> on each instance, and the same
    /// key sent after that runs as a new request — which issuing and serving still refuse to do twice.
    /// </summary>
    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    /// <summary>How often an instance deletes keys older than the retention (default every 10 minutes, when a key is claimed).</summary>
    public int PurgeMinutes { get; set; } = 10;
}
