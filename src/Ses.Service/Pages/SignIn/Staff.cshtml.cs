using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Pages.SignIn;

public sealed class StaffModel(SesDbContext db, TimeProvider time) : SignInPageModel(db, time)
{
    protected override string Home => "/";

    protected override async Task<(ICredentials? User, Func<ClaimsPrincipal>? Principal)> FindAsync(SesDbContext db, string? userName)
    {
        var user = await SignInRules.FindStaffAsync(db, userName, HttpContext.RequestAborted);
        return (user, user is null ? null : () => SesClaims.ForStaff(user, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
