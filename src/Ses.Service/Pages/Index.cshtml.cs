using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;

namespace Ses.Service.Pages;

/// <summary>The front page: each signed-in user goes to the home of their work; others choose how to sign in.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true) return Page();
        if (User.IsAccount()) return Redirect("/inbox");
        return Redirect(User.IsInRole(StaffRole.Officer) ? "/officer" : User.IsInRole(StaffRole.Admin) ? "/admin/counterparties" : "/legal");
    }
}
