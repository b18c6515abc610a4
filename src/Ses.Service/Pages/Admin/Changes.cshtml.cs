using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.CounterpartyChanges;
using Ses.Service.Http;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// The supervised counterparties' changes waiting for review (a new name or identifier, another account: 注册通知第二条第
/// （四）项): approve, or reject with a reason the counterparty is told by SMS.
/// </summary>
public sealed class ChangesModel(CounterpartyChangeService changes) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<CounterpartyChangeView> Pending { get; private set; } = [];

    public string? Refused { get; private set; }

    /// <summary>The change whose rejection was refused (its reason field shows the problem).</summary>
    public Guid? Failed { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync() => Pending = await changes.PendingAsync(User.StaffBureau(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve)
    {
        var (change, refused) = await changes.DecideAsync(id, new ChangeDecision(approve, Reason), User.StaffBureau(), User.UserName(),
            HttpContext.Source(), HttpContext.RequestAborted);
        if (change is null)
        {
            if (refused!.IsNotFound) return NotFound();
            (Failed, Refused) = (id, ModelState.Show(refused, _ => nameof(Reason)));
            Pending = await changes.PendingAsync(User.StaffBureau(), HttpContext.RequestAborted);
            return Page();
        }
        TempData["Done"] = $"{change.CounterpartyName}的{change.KindLabel}：{change.StateLabel}，已短信通知其联系人。";
        return Redirect("/admin/changes");
    }
}
