using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;

namespace Ses.Service.Alerts;

/// <summary>Administrator alerts: listing them and acknowledging one.</summary>
public static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        // Alerts are server-wide (e.g. a calendar year missing): bureau administrators and the system administrator.
        var alerts = app.MapStaffGroup("/api/admin/alerts", AuthSetup.AlertsPolicy).WithTags("Administration");
        alerts.MapGet("/", ListAlerts).WithName("AdminAlerts");
        alerts.MapPost("/{id:long}/acknowledge", Acknowledge).WithName("AcknowledgeAlert");
        return app;
    }

    public sealed record AlertView(long Id, string Key, string Message, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

    private static async Task<Ok<List<AlertView>>> ListAlerts(SesDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.AdminAlerts.AsNoTracking().ToListAsync(ct)).OrderByDescending(a => a.Id)
            .Select(a => new AlertView(a.Id, a.Key, a.Message, a.CreatedAt.ToOffset(LegalDates.Beijing), a.AcknowledgedAt?.ToOffset(LegalDates.Beijing),
                a.AcknowledgedBy))
            .ToList());

    private static async Task<Results<NoContent, NotFound>> Acknowledge(long id, SesDbContext db, TimeProvider time, [AsParameters] StaffCaller caller)
    {
        var alert = await db.AdminAlerts.SingleOrDefaultAsync(a => a.Id == id, caller.RequestAborted);
        if (alert is null) return TypedResults.NotFound();
        alert.AcknowledgedAt ??= time.GetUtcNow();
        alert.AcknowledgedBy ??= caller.UserName;
        await db.SaveChangesAsync(caller.RequestAborted);
        return TypedResults.NoContent();
    }
}
