namespace Ses.Service.Tests.Notifications;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not referenced).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    /// <summary>2026-02-13 09:00 Beijing time, a Friday.</summary>
    public ManualClock() : this(new DateTimeOffset(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(8)))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
