namespace Ses.Service.Tests;

/// <summary>A clock the test sets and moves; the service reads it as its <see cref="TimeProvider"/>.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>An instant given as Beijing wall time.</summary>
    public static DateTimeOffset Beijing(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
