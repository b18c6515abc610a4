using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Data;
using Ses.Service.Signing;
using Ses.Service.Storage;

namespace Ses.Service.Http;

/// <summary>
/// <c>GET /health</c>: the database, the file store (writable, free space), the templates, the signing key and the
/// timestamp authority as they are now; 503 when something the issuing needs is not usable. Which key and authority, and
/// the free space, only for whom may read the metrics (a scraper on this machine, or signed-in staff): to anyone else
/// only how things stand, no folder, certificate subject or size.
/// </summary>
public static class HealthEndpoints
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TsaProbe>();
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName("Health").WithTags("Health")
            .WithSummary("Database, file store (writable, free space), templates, signing key and timestamp authority");
        // For the load balancer: live = the process answers; ready = it can do its work (database reachable and migrated,
        // file store writable, a signing key loaded). The timestamp authority is /health's concern: issuing refuses
        // without it, but the instance still serves, confirms and downloads.
        app.MapGet("/health/live", () => TypedResults.Ok(new LiveReport("ok"))).WithName("HealthLive").WithTags("Health")
            .WithSummary("The process answers (no dependency is checked)");
        app.MapGet("/health/ready", Ready).WithName("HealthReady").WithTags("Health")
            .WithSummary("Ready for traffic: database reachable with every migration applied, file store writable, a signing key loaded; else 503");
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Health(
        HttpContext http, DocumentEngine engine, SigningContext signing, SesDbContext db, IFileStore files, TsaProbe tsa, CancellationToken ct)
    {
        var database = await db.Database.CanConnectAsync(ct) ? "ok" : "unreachable";
        var (store, free) = files is DiskFileStore disk ? Probe(disk.Root) : ("ok", (long?)null);
        var timestamps = await tsa.StateAsync(ct);
        var ok = database == "ok" && store == "ok" && timestamps.Status is "ok" or "none";
        var report = new HealthReport(ok ? "ok" : "degraded", engine.Templates.Forms.Count(), database, store, free, signing.Description,
            signing.Timestamps?.Description ?? "none (PAdES B-B)", timestamps.Status, timestamps.CheckedAt);
        if (!Observability.ObservabilitySetup.MayScrape(http)) report = report with { FileStoreFreeBytes = null, SigningKey = null, Tsa = null };
        return ok ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<ReadyReport>, JsonHttpResult<ReadyReport>>> Ready(
        DocumentEngine engine, SigningContext signing, SesDbContext db, IFileStore files, CancellationToken ct)
    {
        string database;
        try
        {
            database = !await db.Database.CanConnectAsync(ct) ? "unreachable"
                : (await db.Database.GetPendingMigrationsAsync(ct)).Any() ? "migrations pending" : "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            database = "unreachable";
        }
        var (store, _) = files is DiskFileStore disk ? Probe(disk.Root) : ("ok", (long?)null);
        var keys = engine.Templates.Bureaus.Any(b => signing.For(b) is not null) ? "ok" : "none";
        var ready = database == "ok" && store == "ok" && keys == "ok";
        var report = new ReadyReport(ready ? "ready" : "not ready", database, store, keys);
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Writes and removes one byte (a full disk refuses it) and reads the free space.</summary>
    private static (string Status, long? FreeBytes) Probe(string folder)
    {
        long? free = null;
        try
        {
            Directory.CreateDirectory(folder);
            free = new DriveInfo(folder).AvailableFreeSpace;
            var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
            try
            {
                File.WriteAllBytes(probe, [0]);
            }
            finally
            {
                File.Delete(probe);
            }
            return ("ok", free);
        }
        catch (IOException e)
        {
            return (StorageFull.Is(e) ? "full" : "not writable", free);
        }
        catch (UnauthorizedAccessException)
        {
            return ("not writable", free);
        }
    }
}

/// <summary>What /health/live reports: always <c>ok</c> while the process answers.</summary>
public sealed record LiveReport(string Status);

/// <summary>What /health/ready reports: <c>ready</c> or <c>not ready</c>, with the database, file store and signing keys.</summary>
public sealed record ReadyReport(string Status, string Database, string FileStore, string SigningKeys);

/// <summary>What /health reports; <c>fileStore</c> is ok, full or not writable; <c>tsaStatus</c> ok, unreachable or none.</summary>
public sealed record HealthReport(string Status, int Forms, string Database, string FileStore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FileStoreFreeBytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SigningKey,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tsa,
    string TsaStatus, DateTimeOffset? TsaCheckedAt);
