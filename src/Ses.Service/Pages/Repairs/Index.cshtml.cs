using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Repairs;

namespace Ses.Service.Pages.Repairs;

/// <summary>The bureau's open repair applications (实施办法第十八条、第十九条), each with its next step, due date and the whole limit.</summary>
public sealed class IndexModel(RepairService repairs, SesDbContext db) : PageModel
{
    public IReadOnlyList<RepairView> Open { get; private set; } = [];

    /// <summary>The name on each record, by record.</summary>
    public IReadOnlyDictionary<Guid, string> Parties { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        Open = await repairs.ListAsync(User.StaffBureau(), null, HttpContext.RequestAborted);
        var ids = Open.Select(c => c.RecordId).ToList();
        Parties = await db.CreditRecords.AsNoTracking().Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.PartyName, HttpContext.RequestAborted);
    }
}
