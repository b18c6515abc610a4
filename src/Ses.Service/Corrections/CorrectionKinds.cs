namespace Ses.Service.Corrections;

/// <summary>What a correction does to the record (实施办法第二十四条).</summary>
public static class CorrectionKinds
{
    /// <summary>The party's name, the act, the decision number and/or the clauses are corrected; the record stays in force.</summary>
    public const string Amend = "amend";

    /// <summary>The record was entered in error: it is removed (state <c>corrected</c>) and the public list takes it down.</summary>
    public const string Remove = "remove";

    public static readonly string[] All = [Amend, Remove];

    public static string Label(string kind) => kind switch
    {
        Amend => "更正信用信息",
        Remove => "错误记入，移除信用记录",
        _ => kind,
    };
}
