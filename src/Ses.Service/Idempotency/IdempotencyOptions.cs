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
}
