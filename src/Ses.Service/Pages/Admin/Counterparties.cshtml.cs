using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ses.Service.Accounts;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;

namespace Ses.Service.Pages.Admin;

/// <summary>The counterparties the bureau supervises, and registering a new one (every problem beside its field).</summary>
public sealed class CounterpartiesModel(CounterpartyAdmin admin, SesDbContext db) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<Counterparty> Counterparties { get; private set; } = [];

    public string? Refused { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var f = Request.Form;
        var request = new CounterpartyRequest(
            f["kind"].ToString(), f["name"].ToString(), f["idScheme"].ToString(), f["idValue"].ToString(), f["address"].ToString(),
            [.. Enumerable.Range(0, 2).Select(i => new ContactData(
                f[$"contacts[{i}].name"].ToString(), f[$"contacts[{i}].mobile"].ToString(), f[$"contacts[{i}].email"].ToString()))]);
        var (created, refused) = await admin.CreateAsync(request, User.StaffBureau(), User.UserName(), HttpContext.Source(),
            HttpContext.RequestAborted);
        if (created is not null)
        {
            TempData["Done"] = "相对人已登记。请为其开通 SES 账号。";
            return Redirect($"/admin/counterparties/{created.Id}");
        }
        Refused = ModelState.Show(refused!);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Counterparties = (await db.Counterparties.AsNoTracking().Where(c => c.SupervisingBureau == User.StaffBureau()).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public static string Kind(string kind) => kind switch
    {
        CounterpartyKind.DomesticLegalPerson => "境内法人", CounterpartyKind.DomesticOtherOrganisation => "境内其他组织", CounterpartyKind.Foreign => "境外主体",
        CounterpartyKind.Individual => "个人", _ => kind,
    };
}
