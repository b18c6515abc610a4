namespace Ses.Service.Records;

/// <summary>Where a credit record stands: in force, or removed — and why.</summary>
public static class RecordState
{
    /// <summary>In force: the measures of 实施办法第二十一条 apply.</summary>
    public const string InForce = "in-force";

    /// <summary>Its validity ended and SES removed it (实施办法第十七条第二款).</summary>
    public const string Expired = "expired";

    /// <summary>Removed after a repair (实施办法第十八条、第十九条).</summary>
    public const string Repaired = "repaired";

    /// <summary>Removed by a correction (实施办法第二十四条).</summary>
    public const string Corrected = "corrected";

    public static readonly string[] All = [InForce, Expired, Repaired, Corrected];

    /// <summary>The states of a record no longer in force.</summary>
    public static readonly string[] Removed = [Expired, Repaired, Corrected];

    /// <summary>The Chinese name people read.</summary>
    public static string Label(string state) => state switch
    {
        InForce => "有效",
        Expired => "有效期届满移除",
        Repaired => "信用修复移除",
        Corrected => "更正移除",
        _ => state,
    };
}
