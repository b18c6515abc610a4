using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Delivery;

namespace Ses.Service.Pages.Inbox;

/// <summary>The counterparty's inbox: every document served electronically on it, new, opened, confirmed or deemed.</summary>
public sealed class IndexModel(DeliveryQueries queries, SesDbContext db) : PageModel
{
    public static readonly string[] Statuses = ["new", "opened", "confirmed", "deemed"];

    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public string? Counterparty { get; private set; }

    /// <summary>Only the deliveries of this inbox status (a fixed word, never personal data).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task OnGetAsync()
    {
        var counterparty = User.AccountCounterparty();
        Counterparty = await db.Counterparties.AsNoTracking()
            .Where(c => c.Id == counterparty)
            .Select(c => c.Name)
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        var all = await queries.InboxAsync(counterparty, HttpContext.RequestAborted);
        Counts = Statuses.ToDictionary(s => s, s => all.Count(d => d.InboxStatus == s));
        Deliveries = Statuses.Contains(Status) ? [.. all.Where(d => d.InboxStatus == Status)] : all;
    }
}
