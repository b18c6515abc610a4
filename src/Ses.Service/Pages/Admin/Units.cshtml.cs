using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Http;
using Ses.Service.Units;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// The bureau's units: departments (局机关部门) and supervision offices (监管局, each submitting to a department); add,
/// disable after a confirmation.
/// </summary>
public sealed class UnitsModel(UnitAdmin admin) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public string? Refused { get; private set; }

    /// <summary>The unit whose disabling waits for confirmation.</summary>
    public Unit? ToDisable { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public Guid? SubmitsToUnitId { get; set; }

    /// <summary>The unit's name, or nothing.</summary>
    public string NameOf(Guid? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "";

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (unit, refused) = await admin.CreateAsync(Name, Kind, Kind == UnitKind.Office ? SubmitsToUnitId : null, User.StaffBureau(),
            User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
        if (unit is not null)
        {
            TempData["Done"] = $"已新增「{unit.Name}」。";
            return Redirect("/admin/units");
        }
        Refused = ModelState.Show(refused!,
            field => field switch { "name" => nameof(Name), "kind" => nameof(Kind), _ => nameof(SubmitsToUnitId) },
            whenFields: null);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid unitId, bool confirmed)
    {
        if (!confirmed)
        {
            await LoadAsync();
            ToDisable = Units.FirstOrDefault(u => u.Id == unitId && u.Active);
            return ToDisable is null ? NotFound() : Page();
        }
        var (unit, refused) = await admin.DisableAsync(unitId, User.StaffBureau(), User.UserName(), HttpContext.Source(), HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        TempData["Done"] = unit is null ? refused!.Message : $"「{unit.Name}」已停用。";
        return Redirect("/admin/units");
    }

    private async Task LoadAsync() => Units = await admin.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);
}
