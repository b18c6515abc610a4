using System.Security.Claims;

namespace Ses.Service.Accounts;

/// <summary>The claims a signed-in principal carries, and reading them back.</summary>
public static class SesClaims
{
    public const string Subject = "sub";
    public const string Kind = "kind";
    public const string Bureau = "bureau";
    public const string Counterparty = "counterparty";
    public const string MustChangePassword = "must_change_password";

    /// <summary>The user's security stamp at sign-in; a sign-in whose stamp is no longer the user's has ended.</summary>
    public const string Stamp = "stamp";

    public const string StaffKind = "staff";
    public const string AccountKind = "account";

    public static ClaimsPrincipal ForStaff(StaffUser u, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(Subject, u.Id.ToString()),
        new Claim(ClaimTypes.Name, u.UserName),
        new Claim(ClaimTypes.Role, u.Role),
        new Claim(Kind, StaffKind),
        new Claim(Bureau, u.Bureau),
        new Claim(MustChangePassword, u.MustChangePassword ? "true" : "false"),
        new Claim(Stamp, u.SecurityStamp),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static ClaimsPrincipal ForAccount(Counterparties.CounterpartyAccount a, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(Subject, a.Id.ToString()),
        new Claim(ClaimTypes.Name, a.UserName),
        new Claim(Kind, AccountKind),
        new Claim(Counterparty, a.CounterpartyId.ToString()),
        new Claim(MustChangePassword, a.MustChangePassword ? "true" : "false"),
        new Claim(Stamp, a.SecurityStamp),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The principal of a staff member or counterparty account just signed in.</summary>
    public static ClaimsPrincipal For(ICredentials user, string scheme) => user switch
    {
        StaffUser s => ForStaff(s, scheme),
        Counterparties.CounterpartyAccount a => ForAccount(a, scheme),
        _ => throw new InvalidOperationException("unknown kind of user"),
    };

    /// <summary>Whether the signed-in user must change the initial password before anything else.</summary>
    public static bool MustChange(this ClaimsPrincipal p) => p.FindFirstValue(MustChangePassword) == "true";

    /// <summary>The counterparty of a signed-in account; nothing of other counterparties is visible to it.</summary>
    public static Guid AccountCounterparty(this ClaimsPrincipal p) => Guid.Parse(p.FindFirstValue(Counterparty)!);

    public static bool IsAccount(this ClaimsPrincipal p) => p.FindFirstValue(Kind) == AccountKind;

    public static Guid UserId(this ClaimsPrincipal p) => Guid.Parse(p.FindFirstValue(Subject)!);

    public static string UserName(this ClaimsPrincipal p) => p.FindFirstValue(ClaimTypes.Name)!;

    /// <summary>The bureau of a staff member; data of other bureaus is invisible to them.</summary>
    public static string StaffBureau(this ClaimsPrincipal p) => p.FindFirstValue(Bureau)!;
}
