using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Calendar;
using Ses.Service.Data;

namespace Ses.Service.Observability;

/// <summary>
/// The service's own instruments, on the meter <c>Ses</c> (exported by OpenTelemetry at <c>/metrics</c>): how long
/// issuing takes and how many documents wait for it, how the timestamp authority answers, how many notifications wait
/// to be sent, and how far the deemed-delivery job is behind. The two backlog gauges read the database when scraped.
/// </summary>
public sealed class SesMetrics : IDisposable
{
    public const string MeterName = "Ses";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _issue;
    private readonly Histogram<double> _tsa;
    private readonly Counter<long> _tsaFailures;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private Func<int> _queueDepth = () => 0;

    public SesMetrics(IServiceScopeFactory scopes, TimeProvider time)
    {
        (_scopes, _time) = (scopes, time);
        _issue = _meter.CreateHistogram<double>("ses.issue.duration", "ms", "From the issue request to the committed document (or its refusal)");
        _tsa = _meter.CreateHistogram<double>("ses.tsa.duration", "ms", "Time to obtain an RFC 3161 timestamp token");
        _tsaFailures = _meter.CreateCounter<long>("ses.tsa.failures", description: "Timestamp requests that got no valid token");
        _meter.CreateObservableGauge("ses.issue.queue.depth", () => _queueDepth(), description: "Documents waiting in this instance's issue queue");
        _meter.CreateObservableGauge("ses.notifications.backlog", NotificationBacklog, description: "SMS and email messages not yet sent or given up");
        _meter.CreateObservableGauge("ses.deemed.lag", DeemedLag, "s", "How long the oldest delivery due to be deemed delivered has waited");
    }

    /// <summary>The issue queue reports its depth through this.</summary>
    public void ObserveQueue(Func<int> depth) => _queueDepth = depth;

    public void Issued(TimeSpan elapsed, bool committed) =>
        _issue.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", committed ? "issued" : "refused"));

    public void Timestamp(TimeSpan elapsed, bool ok)
    {
        _tsa.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "failed"));
        if (!ok) _tsaFailures.Add(1);
    }

    /// <summary>Times <paramref name="work"/> and records it with <see cref="Issued"/> when it ends.</summary>
    public Task<T> TimeIssue<T>(Task<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        _ = work.ContinueWith(t => Issued(Stopwatch.GetElapsedTime(start), t.IsCompletedSuccessfully), TaskScheduler.Default);
        return work;
    }

    private long NotificationBacklog()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return db.NotificationMessages.AsNoTracking().LongCount(m => m.SentAt == null && m.FailedAt == null);
    }

    private double DeemedLag()
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var now = _time.GetUtcNow();
        var today = LegalDates.BeijingDate(now);
        var oldest = db.Deliveries.AsNoTracking()
            .Where(d => d.Electronic && d.ElectronicOn == null && d.ConfirmedAt == null && d.DeemedOn != null && d.DeemedOn < today)
            .OrderBy(d => d.DeemedOn).Select(d => d.DeemedOn).FirstOrDefault();
        if (oldest is not { } deemed) return 0;
        // Due from the start of the day after the deemed day, Beijing time.
        var due = new DateTimeOffset(deemed.AddDays(1).ToDateTime(TimeOnly.MinValue), LegalDates.Beijing);
        return Math.Max(0, (now - due).TotalSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
