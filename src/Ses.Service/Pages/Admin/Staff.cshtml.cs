using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Http;

namespace Ses.Service.Pages.Admin;

/// <summary>
/// The bureau's staff: create (the initial password shown once, on this answer only), disable — after a confirmation
/// that says the person is signed out everywhere.
/// </summary>
public sealed class StaffModel(StaffAdmin admin) : PageModel, IKeepsTypedData
{
    public IReadOnlyList<StaffUser> Staff { get; private set; } = [];

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

    private string Source => HttpContext.Source();

    public async Task OnGetAsync() => Staff = await admin.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, password, refused) = await admin.CreateAsync(UserName?.Trim(), DisplayName, Role, User.StaffBureau(), User.UserName(), Source,
            HttpContext.RequestAborted);
        if (user is not null)
        {
            Created = (user.UserName, password!);
            UserName = DisplayName = Role = null;
        }
        else
        {
            Refused = ModelState.Show(refused!,
                field => field switch { "userName" => nameof(UserName), "displayName" => nameof(DisplayName), _ => nameof(Role) },
                whenFields: null);
        }
        Staff = await admin.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid userId, bool confirmed)
    {
        if (!confirmed)
        {
            Staff = await admin.ListAsync(User.StaffBureau(), HttpContext.RequestAborted);
            ToDisable = Staff.FirstOrDefault(u => u.Id == userId && u.Active);
            return ToDisable is null ? NotFound() : Page();
        }
        var (user, refused) = await admin.DisableAsync(userId, User.UserId(), User.StaffBureau(), User.UserName(), Source, HttpContext.RequestAborted);
        if (refused?.IsNotFound == true) return NotFound();
        TempData["Done"] = user is null ? refused!.Message : $"{user.UserName} 已停用。";
        return Redirect("/admin/staff");
    }
}
