using System.Diagnostics;

namespace Ses.Service.Observability;

/// <summary>
/// Times every request to the configured timestamp authority (RFC 3161 over HTTP) into <see cref="SesMetrics"/>: a
/// failure is an answer other than 2xx, or none. The in-process development TSA makes no request and is not counted.
/// </summary>
public sealed class TimestampTiming(SesMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.Timestamp(Stopwatch.GetElapsedTime(start), response.IsSuccessStatusCode);
            return response;
        }
        catch
        {
            metrics.Timestamp(Stopwatch.GetElapsedTime(start), ok: false);
            throw;
        }
    }
}
