using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages;

/// <summary>
/// Changing one's password, required before anything else after the first sign-in (注册通知第三条第（一）项); the same rules as
/// the API. Every earlier sign-in ends; this browser's cookie is issued again, with the new security stamp and without the
/// must-change mark.
/// </summary>
public sealed class PasswordModel(SesDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? RepeatPassword { get; set; }

    public bool Required => User.MustChange();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (NewPassword != RepeatPassword)
        {
            ModelState.AddModelError(nameof(RepeatPassword), "两次输入的新密码不一致");
            return Page();
        }
        var user = await SignInRules.CurrentAsync(db, HttpContext);
        if (await SignInRules.ChangePasswordAsync(user, CurrentPassword, NewPassword, db, time, HttpContext) is { } problem)
        {
            ModelState.AddModelError(problem.Field == "currentPassword" ? nameof(CurrentPassword) : nameof(NewPassword), problem.Message);
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SesClaims.For(user!, CookieAuthenticationDefaults.AuthenticationScheme));
        TempData["Done"] = "密码已修改。";
        return Redirect(user is StaffUser ? "/" : "/inbox");
    }
}
