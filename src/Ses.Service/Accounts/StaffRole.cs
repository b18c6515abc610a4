namespace Ses.Service.Accounts;

/// <summary>What a member of a bureau's staff may do.</summary>
public static class StaffRole
{
    public const string Officer = "officer";
    public const string Legal = "legal";
    public const string Admin = "admin";

    public static readonly string[] All = [Officer, Legal, Admin];
}
