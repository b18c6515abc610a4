using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages.SignIn;

/// <summary>Signing out (POST only, with the anti-forgery token): every sign-in of the user ends, on every device.</summary>
public sealed class OutModel(SesDbContext db, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        var account = User.IsAccount();
        await SignInRules.SignOutEverywhereAsync(db, time, HttpContext);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(account ? "/signin/account" : "/signin/staff");
    }
}
