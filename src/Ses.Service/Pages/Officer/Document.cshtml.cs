using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Consent;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Http;
using Ses.Service.Issuing;
using Ses.Service.Storage;

namespace Ses.Service.Pages.Officer;

/// <summary>
/// An issued document: its files, serving it, recording the paper delivery with the receipt scan, voiding it with a
/// reason. Serving and voiding ask for confirmation first, stating what follows (the deemed delivery date; the number
/// staying taken).
/// </summary>
public sealed class DocumentModel(DocumentRegister register, DeliveryService deliveries, DeliveryQueries queries, DocumentEngine engine, SesDbContext db,
    IFileStore files, CalendarStore calendars, ConsentLetters consent, TimeProvider time) : PageModel, IKeepsTypedData
{
    /// <summary>Whether the counterparty can be served electronically, and why not.</summary>
    public ElectronicService? Electronic { get; private set; }

    public IssuedDocument Document { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public bool Important { get; private set; }

    public string? Counterparty { get; private set; }

    public int ActiveAccounts { get; private set; }

    public DeliveryView? Delivery { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>Which form the problems belong to: serve, paper or void.</summary>
    public string? Section { get; private set; }

    /// <summary>The confirmation asked for: "serve" or "void"; null when none.</summary>
    public string? Confirming { get; private set; }

    /// <summary>The deemed delivery date serving electronically now gives (3rd working day after today).</summary>
    public LegalDate? Deemed { get; private set; }

    /// <summary>Today in Beijing, the sending date of a service now.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The second step: the person saw the consequences and confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    [BindProperty]
    public string? DeliveredOn { get; set; }

    [BindProperty]
    public string? Method { get; set; }

    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public string? SignedBy { get; set; }

    [BindProperty]
    public IFormFile? Receipt { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    private string Source => HttpContext.Source();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnGetPdfAsync(Guid id) => FileAsync(id, pdf: true);

    public Task<IActionResult> OnGetDocxAsync(Guid id) => FileAsync(id, pdf: false);

    public async Task<IActionResult> OnPostServeAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        ServiceMode? mode = Mode switch { "electronic" => ServiceMode.Electronic, "paper" => ServiceMode.Paper, "both" => ServiceMode.Both, _ => null };
        if (!Confirmed) return await ConfirmServeAsync(mode);
        var (served, refused) = await deliveries.ServeAsync(id, User.StaffBureau(), mode, User.UserName(), HttpContext.RequestAborted);
        if (refused is not null) return Refuse("serve", refused);
        TempData["Done"] = served!.Electronic ? "已送达至相对人账户。" : "已登记为纸质送达：送达后请登记送达日期和回证。";
        return Redirect($"/officer/documents/{id}");
    }

    public async Task<IActionResult> OnPostPaperAsync(Guid id)
    {
        if (!await LoadAsync(id) || Delivery is null) return NotFound();
        DateOnly? on = DateOnly.TryParseExact(DeliveredOn ?? "", "yyyy-MM-dd", out var d) ? d : null;
        byte[]? receipt = null;
        if (Receipt is { Length: > 0 and <= DeliveryService.MaxReceiptBytes + 1 })
        {
            using var buffer = new MemoryStream();
            await Receipt.CopyToAsync(buffer, HttpContext.RequestAborted);
            receipt = buffer.ToArray();
        }
        else if (Receipt is { Length: > DeliveryService.MaxReceiptBytes })
        {
            receipt = new byte[DeliveryService.MaxReceiptBytes + 1]; // refused by size, with the service's message
        }
        var (_, refused) = await deliveries.RecordPaperAsync(Delivery.Id, User.StaffBureau(),
            new PaperDeliveryInput(on, Method, TrackingNumber, SignedBy, receipt, Receipt?.FileName), User.UserName(), HttpContext.RequestAborted);
        if (refused is not null) return Refuse("paper", refused);
        TempData["Done"] = "纸质送达已登记。";
        return Redirect($"/officer/documents/{id}");
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Confirmed)
        {
            Section = "void";
            if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 500) ModelState.AddModelError(nameof(Reason), "「作废理由」必须填写，且不超过 500 字");
            else Confirming = "void";
            return Page();
        }
        var (voided, refused) = await register.VoidAsync(id, Reason, User.StaffBureau(), User.UserName(), Source, HttpContext.RequestAborted);
        if (voided is null)
        {
            Section = "void";
            Refused = ModelState.Show(refused!, _ => nameof(Reason), whenFields: null);
            return Page();
        }
        TempData["Done"] = "文书已作废，文号保留。";
        return Redirect($"/officer/documents/{id}");
    }

    /// <summary>
    /// The first step of serving: what serving would refuse is said beside the choice (the service checks again when
    /// it serves); otherwise the page asks for confirmation with the mode and the deemed delivery date.
    /// </summary>
    private async Task<IActionResult> ConfirmServeAsync(ServiceMode? mode)
    {
        Section = "serve";
        var problem = mode switch
        {
            null => "「送达方式」：请选择送达方式",
            _ when Document.CounterpartyId is null => "「相对人」：文书未指定已登记的相对人，不能送达",
            // An account and a verified letter for electronic service; an important document both ways (确认函第一条).
            _ => (await deliveries.ModeAsync(Document.CounterpartyId.Value, mode, Important, HttpContext.RequestAborted)).Problem?.Message,
        };
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Mode), problem);
            Refused = PageRefusals.SeeFields;
            return Page();
        }
        var now = time.GetUtcNow();
        Today = LegalDates.BeijingDate(now);
        if (mode != ServiceMode.Paper) Deemed = LegalDates.DeemedDelivery(now, await calendars.CurrentAsync(HttpContext.RequestAborted));
        Confirming = "serve";
        return Page();
    }

    private IActionResult Refuse(string section, Refusal refused)
    {
        Section = section;
        if (refused.IsNotFound) return NotFound();
        Refused = ModelState.Show(refused, field => field switch
        {
            "mode" or "counterpartyId" => nameof(Mode), "deliveredOn" => nameof(DeliveredOn), "method" => nameof(Method),
            "trackingNumber" => nameof(TrackingNumber), "signedBy" => nameof(SignedBy), "receipt" => nameof(Receipt), _ => "",
        });
        return Page();
    }

    private async Task<IActionResult> FileAsync(Guid id, bool pdf)
    {
        if (await register.OwnAsync(id, User.StaffBureau(), HttpContext.RequestAborted) is not { } d) return NotFound();
        var content = await files.GetAsync(pdf ? d.PdfSha256 : d.DocxSha256, HttpContext.RequestAborted);
        if (content is null) return NotFound();
        return pdf
            ? File(content, "application/pdf", Http.DownloadNames.Document(d.Number, ".pdf"))
            : File(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Http.DownloadNames.Document(d.Number, ".docx"));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var document = await register.OwnAsync(id, User.StaffBureau(), HttpContext.RequestAborted);
        if (document is null) return false;
        Document = document;
        var form = engine.Templates.FindForm(document.FormId);
        Title = form?.Title ?? document.FormId;
        Important = form?.Important == true;
        if (document.CounterpartyId is { } cp)
        {
            Counterparty = await db.Counterparties.AsNoTracking().Where(c => c.Id == cp).Select(c => c.Name).SingleOrDefaultAsync(HttpContext.RequestAborted);
            ActiveAccounts = await db.CounterpartyAccounts.CountAsync(a => a.CounterpartyId == cp && a.Active, HttpContext.RequestAborted);
            Electronic = await consent.ElectronicServiceAsync(cp, HttpContext.RequestAborted);
        }
        var record = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(r => r.DocumentId == id, HttpContext.RequestAborted);
        Delivery = record is null ? null : await queries.ViewAsync(record, staff: true, HttpContext.RequestAborted);
        return true;
    }
}
