using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Ses.Service.Accounts;

namespace Ses.Service.Observability;

/// <summary>
/// Metrics and traces through OpenTelemetry — ASP.NET Core's, the runtime's and the service's own (<see cref="SesMetrics"/>)
/// — exposed in the Prometheus text format at <c>/metrics</c> to a scraper on this machine (loopback, not forwarded by
/// the proxy) or to signed-in staff, and to nobody else (404); and structured JSON logs carrying each request's id.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SesMetrics>();
        builder.Services.AddTransient<TimestampTiming>();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(SesMetrics.MeterName).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter())
            .WithTracing(t => t.AddAspNetCoreInstrumentation());
        // JSON lines with the scopes (the request id, path, trace id), on by default outside Development: Logging:Json.
        if (builder.Configuration.GetValue("Logging:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }
        return builder;
    }

    /// <summary>After authentication: <c>/metrics</c> answers the allowed (<see cref="MayScrape"/>), anyone else falls through to 404.</summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        app.UseOpenTelemetryPrometheusScrapingEndpoint(ctx => ctx.Request.Path == MetricsPath && MayScrape(ctx));
        return app;
    }

    /// <summary>
    /// A scraper on this machine: the connection is from loopback and was not forwarded (behind nginx the proxy has
    /// already replaced the address with the client's, <c>Http/ProxySetup</c>); or an active, signed-in staff member.
    /// </summary>
    public static bool MayScrape(HttpContext ctx) =>
        (ctx.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip) && !ctx.Request.Headers.ContainsKey("X-Forwarded-For"))
        || (ctx.User.Identity?.IsAuthenticated == true && ctx.User.HasClaim(SesClaims.Kind, SesClaims.StaffKind));
}
