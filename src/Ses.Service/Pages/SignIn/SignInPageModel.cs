using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages.SignIn;

/// <summary>Signing in with a name and password into the cookie, by the same rules as the API (<see cref="SignInRules"/>).</summary>
public abstract class SignInPageModel(SesDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Failure { get; private set; }

    protected abstract string Home { get; }

    /// <summary><see cref="SesClaims.StaffKind"/> or <see cref="SesClaims.AccountKind"/>.</summary>
    protected abstract string Kind { get; }

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, user) = await SignInRules.SignInAsync(Kind, UserName?.Trim(), Password, db, time, HttpContext);
        if (outcome != SignInOutcome.SignedIn)
        {
            Failure = outcome == SignInOutcome.Locked ? "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试" : "用户名或密码错误";
            Password = null;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SesClaims.For(user!, CookieAuthenticationDefaults.AuthenticationScheme));
        if (user!.MustChangePassword) return Redirect("/password");
        return Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("//", StringComparison.Ordinal) ? LocalRedirect(ReturnUrl) : Redirect(Home);
    }
}
