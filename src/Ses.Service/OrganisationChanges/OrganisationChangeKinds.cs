namespace Ses.Service.OrganisationChanges;

/// <summary>The changes of 实施办法第二十二条 and what each does to the credit records.</summary>
public static class OrganisationChangeKinds
{
    /// <summary>组织名称变更: the recognition and its use continue (第一款); the records take the new name.</summary>
    public const string Renamed = "renamed";

    /// <summary>存续分立: the surviving organisation keeps the records; the others are treated as newly registered (第二款第（一）项).</summary>
    public const string SplitSurviving = "split-surviving";

    /// <summary>解散分立: the split organisations are treated as newly registered (第二款第（二）项).</summary>
    public const string SplitDissolved = "split-dissolved";

    /// <summary>吸收合并: the surviving organisation takes the absorbed organisation's records (第二款第（三）项).</summary>
    public const string MergerAbsorption = "merger-absorption";

    /// <summary>新设合并: the new organisation is treated as newly registered (第二款第（四）项).</summary>
    public const string MergerNew = "merger-new";

    public static readonly string[] All = [Renamed, SplitSurviving, SplitDissolved, MergerAbsorption, MergerNew];

    public static string Label(string kind) => kind switch
    {
        Renamed => "组织名称变更",
        SplitSurviving => "存续分立",
        SplitDissolved => "解散分立",
        MergerAbsorption => "吸收合并",
        MergerNew => "新设合并",
        _ => kind,
    };

    /// <summary>The rule applied, in Chinese, with its article.</summary>
    public static string Rule(string kind) => kind switch
    {
        Renamed => "实施办法第二十二条第一款：组织名称发生变更的，管理局对其信用状况的认定结果和使用方式继续适用；有效信用记录改用新名称，原名称留存",
        SplitSurviving => "实施办法第二十二条第二款第（一）项：存续分立的，存续组织适用对分立前组织的信用状况认定结果和使用方式，其余的分立组织视为首次注册组织",
        SplitDissolved => "实施办法第二十二条第二款第（二）项：解散分立的，分立组织视为首次注册组织",
        MergerAbsorption => "实施办法第二十二条第二款第（三）项：吸收合并的，合并后存续组织适用对合并方组织的信用状况认定结果和使用方式；有效信用记录转由存续组织承继，原记录信息留存",
        MergerNew => "实施办法第二十二条第二款第（四）项：新设合并的，合并组织视为首次注册组织",
        _ => kind,
    };
}
