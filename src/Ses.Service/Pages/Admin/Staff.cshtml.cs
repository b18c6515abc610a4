using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Http;
using Ses.Service.Units;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// The bureau's staff: create (the initial password shown once, on this answer only) in a unit, move to another unit,
/// disable — after a confirmation that says the person is signed out everywhere.
/// </summary>
public sealed class StaffModel(StaffAdmin admin, UnitAdmin units) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<StaffUser> Staff { get; private set; } = [];

    /// <summary>The bureau's units, the disabled ones included (staff may still be in one).</summary>
    public IReadOnlyList<Unit> Units { get; private set; } = [];

    /// <summary>The line above the unit form when moving someone was refused.</summary>
    public string? UnitRefused { get; private set; }

    public (string UserName, string Password)? Created { get; private set; }

    public string? Refused { get; private set; }

    /// <summary>The staff member whose disabling waits for confirmation.</summary>
    public StaffUser? ToDisable { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? UnitId { get; set; }

    private string Source => HttpContext.Source();

    public Task OnGetAsync() => LoadAsync();

    /// <summary>The unit's name, or 「未指定」.</summary>
    public string UnitName(Guid? id) => Units.FirstOrDefault(u => u.Id == id)?.Name ?? "未指定";

    private async Task LoadAsync()
    {
        Staff = await admin.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);
        Units = await units.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, password, refused) = await admin.CreateAsync(UserName?.Trim(), DisplayName, Role, UnitId, User.StaffBureau(), User.UserName(),
            Source, HttpContext.RequestAborted);
        if (user is not null)
        {
            Created = (user.UserName, password!);
            UserName = DisplayName = Role = null;
            UnitId = null;
        }
        else
        {
            Refused = ModelState.Show(refused!,
                field => field switch
                {
                    "userName" => nameof(UserName), "displayName" => nameof(DisplayName), "unitId" => nameof(UnitId), _ => nameof(Role),
                },
                whenFields: null);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUnitAsync(Guid userId, Guid? unitId)
    {
        var (user, refused) = await admin.SetUnitAsync(userId, unitId, User.StaffBureau(), User.UserName(), Source, HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        if (user is null)
        {
            UnitRefused = string.Join("；", refused!.Problems.Select(p => p.Message).DefaultIfEmpty(refused.Message));
            await LoadAsync();
            return Page();
        }
        Units = await units.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);
        TempData["Done"] = $"{user.UserName} 的所属单位已改为「{UnitName(user.UnitId)}」。";
        return Redirect("/admin/staff");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid userId, bool confirmed)
    {
        if (!confirmed)
        {
            await LoadAsync();
            ToDisable = Staff.FirstOrDefault(u => u.Id == userId && u.Active);
            return ToDisable is null ? NotFound() : Page();
        }
        var (user, refused) = await admin.DisableAsync(userId, User.UserId(), User.StaffBureau(), User.UserName(), Source, HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        TempData["Done"] = user is null ? refused!.Message : $"{user.UserName} 已停用。";
        return Redirect("/admin/staff");
    }
}
