namespace Ses.Documents.Tests.Signing.Crypto;

/// <summary>A clock that stands still (Microsoft.Extensions.TimeProvider.Testing is not referenced).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-02-13 23:59 Beijing time: a signature late on a Friday before the Spring Festival.</summary>
    public static readonly DateTimeOffset Default = new(2026, 2, 13, 23, 59, 0, TimeSpan.FromHours(8));

    public FixedTimeProvider() : this(Default)
    {
    }

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
