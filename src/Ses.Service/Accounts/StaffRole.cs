namespace Ses.Service.Accounts;

/// <summary>What a member of a bureau's staff may do.</summary>
public static class StaffRole
{
    public const string Officer = "officer";
    public const string Legal = "legal";
    public const string Admin = "admin";

    /// <summary>
    /// 系统管理员: what is server-wide rather than a bureau's, such as the legal holiday calendar. Not in
    /// <see cref="All"/>: a bureau's administrator cannot make one (the development seed does; in production it is
    /// created by whoever runs the server).
    /// </summary>
    public const string SystemAdmin = "sysadmin";

    /// <summary>The roles a bureau's administrator may give.</summary>
    public static readonly string[] All = [Officer, Legal, Admin];
}
