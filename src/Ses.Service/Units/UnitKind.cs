namespace Ses.Service.Units;

/// <summary>What a unit of a bureau is: a department of the bureau, or a supervision office that submits to one.</summary>
public static class UnitKind
{
    /// <summary>局机关部门 (e.g. 航空安全办公室, 运输管理处).</summary>
    public const string Department = "department";

    /// <summary>监管局 (e.g. 民航甘肃安全监督管理局): collects, and submits to a department of the same bureau.</summary>
    public const string Office = "office";

    public static readonly string[] All = [Department, Office];

    /// <summary>The Chinese name people read.</summary>
    public static string Label(string kind) => kind switch
    {
        Department => "局机关部门",
        Office => "监管局",
        _ => kind,
    };
}
