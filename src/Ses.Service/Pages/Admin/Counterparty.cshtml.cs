using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// One supervised counterparty: its accounts, opening one (the initial password shown once, on this answer only) and
/// disabling one — after a confirmation that says the account is signed out everywhere.
/// </summary>
public sealed class CounterpartyModel(CounterpartyAdmin admin, SesDbContext db) : PageModel, IKeepsTypedData
{
    public Counterparty Counterparty { get; private set; } = null!;

    public IReadOnlyList<CounterpartyAccount> Accounts { get; private set; } = [];

    public (string UserName, string Password)? Created { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>The account whose disabling waits for confirmation.</summary>
    public CounterpartyAccount? ToDisable { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Department { get; set; }

    private string Source => HttpContext.Source();

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAccountAsync(Guid id)
    {
        var (account, password, refused) = await admin.CreateAccountAsync(id, new AccountRequest(UserName?.Trim() ?? "", Department ?? ""), User.StaffBureau(),
            User.UserName(), Source, HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        if (account is not null)
        {
            Created = (account.UserName, password!);
            UserName = Department = null;
        }
        else
        {
            Refused = ModelState.Show(refused!, field => field == "userName" ? nameof(UserName) : nameof(Department), whenFields: null);
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, Guid accountId, bool confirmed)
    {
        if (!confirmed)
        {
            if (!await LoadAsync(id)) return NotFound();
            ToDisable = Accounts.FirstOrDefault(a => a.Id == accountId && a.Active);
            return ToDisable is null ? NotFound() : Page();
        }
        if (await admin.DisableAccountAsync(id, accountId, User.StaffBureau(), User.UserName(), Source, HttpContext.RequestAborted) is not { } account)
        {
            return NotFound();
        }
        TempData["Done"] = $"账号 {account.UserName} 已停用。";
        return Redirect($"/admin/counterparties/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await admin.SupervisedAsync(id, User.StaffBureau(), HttpContext.RequestAborted) is not { } c) return false;
        Counterparty = c;
        Accounts = (await db.CounterpartyAccounts.AsNoTracking().Where(a => a.CounterpartyId == id).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();
        return true;
    }
}
