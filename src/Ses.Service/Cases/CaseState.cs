namespace Ses.Service.Cases;

/// <summary>Where a credit case stands.</summary>
public static class CaseState
{
    /// <summary>Opened; the collection form (采集单) is to be filled in (实施办法第十二条).</summary>
    public const string Collecting = "collecting";

    /// <summary>The states of a case still being worked on.</summary>
    public static readonly string[] Open = [Collecting];

    /// <summary>The Chinese name people read.</summary>
    public static string Label(string state) => state switch
    {
        Collecting => "信息采集",
        _ => state,
    };
}
