using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Issuing;

namespace Ses.Service.Pages.Officer;

/// <summary>
/// The officer's dashboard for the bureau: drafts not yet issued, documents issued today, deliveries awaiting
/// confirmation, those deemed delivered within <see cref="SoonDays"/> days, paper deliveries still to record, and
/// overdue — delivered notices whose statement and defence period has ended (the case can go on to a decision).
/// </summary>
public sealed class IndexModel(SesDbContext db, DeliveryQueries queries, DocumentEngine engine, TimeProvider time) : PageModel
{
    public const int SoonDays = 3;

    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    public IReadOnlyList<IssuedDocument> IssuedToday { get; private set; } = [];

    public IReadOnlyList<DeliveryView> Awaiting { get; private set; } = [];

    public IReadOnlyList<DeliveryView> DeemedSoon { get; private set; } = [];

    public IReadOnlyList<DeliveryView> PendingPaper { get; private set; } = [];

    public IReadOnlyList<DeliveryView> Overdue { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string FormTitle(string formId) => engine.Templates.FindForm(formId)?.Title ?? formId;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var bureau = User.StaffBureau();
        var now = time.GetUtcNow();
        Today = LegalDates.BeijingDate(now);
        var startOfDay = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), LegalDates.Beijing);
        Drafts = (await db.Drafts.AsNoTracking().Where(d => d.Bureau == bureau && d.IssuedDocumentId == null).ToListAsync(ct))
            .OrderByDescending(d => d.UpdatedAt).Take(50).ToList();
        IssuedToday = (await db.IssuedDocuments.AsNoTracking().Where(d => d.Bureau == bureau && d.IssuedAt >= startOfDay).ToListAsync(ct))
            .OrderByDescending(d => d.IssuedAt).ToList();

        var open = await db.Deliveries.AsNoTracking()
            .Where(d => d.Bureau == bureau && ((d.Electronic && d.ConfirmedAt == null && d.ElectronicOn == null) || (d.Paper && d.PaperDeliveredOn == null)))
            .OrderBy(d => d.ServedAt).ToListAsync(ct);
        var openViews = await queries.ViewsAsync(open, staff: true, ct);
        Awaiting = [.. openViews.Where(v => v.Mode != "paper" && v.ConfirmedAt is null && v.ElectronicOn is null && !v.Voided)];
        DeemedSoon = [.. Awaiting.Where(v => v.DeemedOn is { } on && on <= Today.AddDays(SoonDays))];
        PendingPaper = [.. openViews.Where(v => v.Paper is { DeliveredOn: null } && !v.Voided)];

        // Delivered in the last 60 days, with a statement and defence period that has ended.
        var since = Today.AddDays(-60);
        var delivered = await db.Deliveries.AsNoTracking().Where(d => d.Bureau == bureau && d.DeliveredOn != null && d.DeliveredOn >= since).ToListAsync(ct);
        Overdue = [.. (await queries.ViewsAsync(delivered, staff: true, ct))
            .Where(v => v.Deadlines.Any(x => x.Period == "defense" && x.LastDay < Today)).OrderBy(v => v.DeliveredOn)];
    }
}
