using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Corrections;
using Ses.Service.Data;

namespace Ses.Service.Pages.Corrections;

/// <summary>The bureau's open corrections of credit records (实施办法第二十四条), each with its next step and due date.</summary>
public sealed class IndexModel(CorrectionService corrections, SesDbContext db) : PageModel
{
    public IReadOnlyList<CorrectionView> Open { get; private set; } = [];

    /// <summary>The name on each corrected record, by record.</summary>
    public IReadOnlyDictionary<Guid, string> Parties { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        Open = await corrections.ListAsync(User.StaffBureau(), null, HttpContext.RequestAborted);
        var ids = Open.Select(c => c.RecordId).ToList();
        Parties = await db.CreditRecords.AsNoTracking().Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.PartyName, HttpContext.RequestAborted);
    }
}
