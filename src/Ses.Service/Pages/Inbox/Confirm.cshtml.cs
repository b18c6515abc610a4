using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Accounts;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Delivery;

namespace Ses.Service.Pages.Inbox;

/// <summary>
/// 确认收讫 behind an explicit step: the page states what confirming does in law — the delivery date it fixes and the
/// deadlines that then run, with their dates — and the account must tick that it understood (确认函第二条第四项).
/// </summary>
public sealed class ConfirmModel(DeliveryService service, DeliveryQueries queries, SesDbContext db, CalendarStore calendars, DocumentEngine engine,
    TimeProvider time) : PageModel, IKeepsTypedData
{
    public DeliveryView Delivery { get; private set; } = null!;

    /// <summary>What confirming now would do: "fixes", "recorded-only" (deemed already) or "paper".</summary>
    public string Effect { get; private set; } = "";

    public DateOnly Today { get; private set; }

    /// <summary>The deadlines that would run if the confirmation fixes the delivery date today.</summary>
    public IReadOnlyList<DeadlineView> DeadlinesIfConfirmed { get; private set; } = [];

    public string? Refused { get; private set; }

    [BindProperty]
    public bool Understood { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Understood)
        {
            ModelState.AddModelError(nameof(Understood), "请先勾选：已阅读并了解确认收讫的法律效果");
            return Page();
        }
        var (_, refused) = await service.ConfirmAsync(id, User.AccountCounterparty(), User.UserId(), User.UserName(), HttpContext.RequestAborted);
        if (refused is not null)
        {
            if (refused.IsNotFound) return NotFound();
            Refused = ModelState.Show(refused);
            return Page();
        }
        TempData["Done"] = "已确认收讫。确认已记录（时间、账号），不能撤回。";
        return Redirect($"/inbox/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var record = await service.OfAccountAsync(id, User.AccountCounterparty(), HttpContext.RequestAborted);
        if (record is null) return false;
        Delivery = await queries.ViewAsync(record, staff: false, HttpContext.RequestAborted);
        Today = LegalDates.BeijingDate(time.GetUtcNow());
        if (record.Paper)
        {
            Effect = "paper";
        }
        else if (record.ElectronicOn is not null || (record.DeemedOn is { } deemed && Today > deemed))
        {
            Effect = "recorded-only";
        }
        else
        {
            Effect = "fixes";
            var document = await db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == record.DocumentId, HttpContext.RequestAborted);
            var calendar = await calendars.CurrentAsync(HttpContext.RequestAborted);
            DeadlinesIfConfirmed = Deadlines.For(engine.Templates.FindForm(document.FormId), document.DataJson, Today, calendar);
        }
        return true;
    }
}
