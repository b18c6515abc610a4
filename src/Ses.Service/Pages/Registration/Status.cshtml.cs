using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Counterparties;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Registrations;

namespace Ses.Service.Pages.Registration;

/// <summary>
/// Where a registration stands, for whoever holds its token (no sign-in: the registrant has no account yet); when the office
/// asked for more, the form again, filled with what was submitted, to amend it (a scan not chosen again is kept).
/// </summary>
public sealed class StatusModel(RegistrationService registrations, SesDbContext db, RegistrationCodes codes, RegistrationLetters letters,
    RegistrationThrottles throttles, DocumentEngine engine) : RegistrationFormModel(codes, letters, throttles, engine)
{
    private Dictionary<string, string> _initial = [];

    public RegistrationStatus Status { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Where the form's buttons post (the token travels in a hidden field, not in the address).</summary>
    public string Action => $"/registration/{Id}?handler=";

    protected override IReadOnlyDictionary<string, string> Initial => _initial;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAmendAsync()
    {
        if (!await LoadAsync()) return NotFound();
        ModelState.Clear();
        var (status, refused) = await registrations.AmendAsync(Id, new RegistrationAmendment(Token, await RequestAsync()), HttpContext.Source(),
            HttpContext.RequestAborted);
        if (status is null)
        {
            if (refused!.IsNotFound) return NotFound();
            Refuse(refused);
            return Page();
        }
        TempData["Done"] = "补正材料已提交，等待监管局审核。";
        return Redirect($"/registration/{Id}?token={Uri.EscapeDataString(Token!)}");
    }

    protected override async Task<IActionResult> ShowAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        if (await registrations.FindAsync(Id, Token, HttpContext.RequestAborted) is not { } r) return false;
        Status = RegistrationService.Status(r);
        var accounts = await db.RegistrationAccounts.AsNoTracking().Where(a => a.RegistrationId == r.Id).OrderBy(a => a.Id)
            .ToListAsync(HttpContext.RequestAborted);
        _initial = new()
        {
            ["kind"] = r.Kind, ["name"] = r.Name, ["idScheme"] = r.IdScheme, ["idValue"] = r.IdValue, ["address"] = r.Address,
            ["approvingBureau"] = r.Kind == CounterpartyKind.Foreign ? r.Bureau : "",
            ["contacts[0].name"] = r.Contact1Name, ["contacts[0].mobile"] = r.Contact1Mobile, ["contacts[0].email"] = r.Contact1Email,
            ["contacts[1].name"] = r.Contact2Name, ["contacts[1].mobile"] = r.Contact2Mobile, ["contacts[1].email"] = r.Contact2Email,
        };
        for (var i = 0; i < accounts.Count && i < AccountRows; i++)
        {
            (_initial[$"accounts[{i}].userName"], _initial[$"accounts[{i}].department"]) = (accounts[i].UserName, accounts[i].Department);
        }
        return true;
    }
}
