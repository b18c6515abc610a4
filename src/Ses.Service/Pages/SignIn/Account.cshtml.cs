using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages.SignIn;

public sealed class AccountModel(SesDbContext db, TimeProvider time) : SignInPageModel(db, time)
{
    protected override string Home => "/inbox";

    protected override async Task<(ICredentials? User, Func<ClaimsPrincipal>? Principal)> FindAsync(SesDbContext db, string? userName)
    {
        var account = await SignInRules.FindAccountAsync(db, userName, HttpContext.RequestAborted);
        return (account, account is null ? null : () => SesClaims.ForAccount(account, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
