namespace Ses.Service.Cases;

/// <summary>Whom 实施办法第十六条 has the department notify of a recognition and a warning interview, and whether it must.</summary>
public static class NotificationRecipients
{
    /// <summary>The regional bureau of the counterparty's domicile, when it is outside the bureau's region (应当, 第十六条第一款).</summary>
    public const string OtherBureau = "other-bureau";

    /// <summary>The superior unit of a public institution or state-owned enterprise (应当, 第十六条第二款).</summary>
    public const string Superior = "superior";

    /// <summary>The employer of an individual working for one (应当, 第十六条第二款).</summary>
    public const string Employer = "employer";

    /// <summary>The industry association the counterparty belongs to (可以, 第十六条第二款).</summary>
    public const string Association = "association";

    public static readonly string[] All = [OtherBureau, Superior, Employer, Association];

    public static string Label(string kind) => kind switch
    {
        OtherBureau => "相对人住所地的地区管理局（应当通报，实施办法第十六条第一款）",
        Superior => "上级主管单位（应当通报，实施办法第十六条第二款）",
        Employer => "所在单位（应当通报，实施办法第十六条第二款）",
        Association => "所在行业协会（可以通报，实施办法第十六条第二款）",
        _ => kind,
    };
}
