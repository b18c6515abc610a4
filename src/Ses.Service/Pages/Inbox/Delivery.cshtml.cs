using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Delivery;

namespace Ses.Service.Pages.Inbox;

/// <summary>One served document for the counterparty: what it is, its status and deadlines; opening or downloading it is recorded.</summary>
public sealed class DeliveryModel(DeliveryService service, DeliveryQueries queries) : PageModel
{
    public DeliveryView Delivery { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var record = await service.OfAccountAsync(id, User.AccountCounterparty(), HttpContext.RequestAborted);
        if (record is null) return NotFound();
        Delivery = await queries.ViewAsync(record, staff: false, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Opens the signed PDF in the browser (recorded as opened, ContentAccessTracking).</summary>
    public Task<IActionResult> OnGetViewAsync(Guid id) => Read(id, download: false);

    /// <summary>Downloads the signed PDF (recorded as downloaded, ContentHandover).</summary>
    public Task<IActionResult> OnGetDownloadAsync(Guid id) => Read(id, download: true);

    private async Task<IActionResult> Read(Guid id, bool download)
    {
        var read = await service.ReadAsync(id, User.AccountCounterparty(), User.UserName(), download, HttpContext.RequestAborted);
        if (read is not { } r) return NotFound();
        // File names carry the document id, never the number or party.
        return download ? File(r.Pdf, "application/pdf", Http.DownloadNames.Document(r.Document.Number, ".pdf")) : File(r.Pdf, "application/pdf");
    }
}
