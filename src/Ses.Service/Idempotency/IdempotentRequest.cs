namespace Ses.Service.Idempotency;

/// <summary>
/// A POST sent with an <c>Idempotency-Key</c> header: claimed before it runs (unique on caller and key), then holding the
/// answer it got, which a retry with the same key receives instead of running the request again.
/// </summary>
public sealed class IdempotentRequest
{
    public Guid Id { get; set; }

    /// <summary>Who sent it: the kind of user and their id (<c>staff:…</c>, <c>account:…</c>); a key is the caller's own.</summary>
    public required string Caller { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body: the same key with another request is refused, never answered.</summary>
    public required string Fingerprint { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Until when the instance running it holds it; a claim left by an instance that died is taken over after this.</summary>
    public DateTimeOffset LeaseUntil { get; set; }

    /// <summary>The answer's status; null while the request runs.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
