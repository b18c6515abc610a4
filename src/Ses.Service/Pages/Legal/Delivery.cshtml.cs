using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Delivery;

namespace Ses.Service.Pages.Legal;

/// <summary>
/// One delivery of the bureau: its evidence timeline with Beijing-time labels, the outcome and deadlines, the delivery
/// certificate and the paper receipt.
/// </summary>
public sealed class DeliveryModel(DeliveryQueries queries, DeliveryCertificates certificates, SesDbContext db) : PageModel
{
    public DeliveryView Delivery { get; private set; } = null!;

    public string? Counterparty { get; private set; }

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>The delivery certificate (送达证明): rendered now, signed and timestamped.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(Guid id)
    {
        try
        {
            var certificate = await certificates.ExportAsync(id, User.StaffBureau(), HttpContext.RequestAborted);
            return certificate is not { } c ? NotFound() : File(c.Pdf, "application/pdf", c.FileName);
        }
        catch (TimestampException)
        {
            Refused = "时间戳服务不可用，送达证明未生成，请稍后再试。";
        }
        catch (FormValidationException e)
        {
            Refused = "送达证明无法生成：" + string.Join("；", e.Problems.Select(p => p.Message));
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetReceiptAsync(Guid id)
    {
        return await queries.ReceiptAsync(id, User.StaffBureau(), HttpContext.RequestAborted) is { } receipt
            ? File(receipt.Content, receipt.Type, receipt.Name)
            : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.OfBureauAsync(id, User.StaffBureau(), HttpContext.RequestAborted) is not { } view) return false;
        Delivery = view;
        Counterparty = await db.Counterparties.AsNoTracking()
            .Where(c => c.Id == view.CounterpartyId)
            .Select(c => c.Name)
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        return true;
    }
}
