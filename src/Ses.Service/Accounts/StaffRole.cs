namespace Ses.Service.Accounts;

/// <summary>What a member of a bureau's staff may do.</summary>
public static class StaffRole
{
    public const string Officer = "officer";
    public const string Legal = "legal";

    /// <summary>
    /// 分管局领导: the leader who approves the steps of a credit case (the notice, the decision, a repair). An approval is
    /// recorded with who gave it and when.
    /// </summary>
    public const string Leader = "leader";

    public const string Admin = "admin";

    /// <summary>
    /// 系统管理员: what is server-wide rather than a bureau's, such as the legal holiday calendar. Not in
    /// <see cref="All"/>: a bureau's administrator cannot make one (the development seed does; in production it is
    /// created by whoever runs the server).
    /// </summary>
    public const string SystemAdmin = "sysadmin";

    /// <summary>The roles a bureau's administrator may give.</summary>
    public static readonly string[] All = [Officer, Legal, Leader, Admin];

    /// <summary>The role's Chinese name, wherever people read it.</summary>
    public static string Label(string role) => role switch
    {
        Officer => "承办人",
        Legal => "法制人员",
        Leader => "分管局领导",
        Admin => "管理员",
        SystemAdmin => "系统管理员",
        _ => role,
    };
}
