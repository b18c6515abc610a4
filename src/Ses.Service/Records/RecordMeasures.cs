namespace Ses.Service.Records;

/// <summary>
/// What follows from a record in force: the measures of 实施办法第二十一条, in its words, and their suspension while a
/// reconsideration or litigation is pending (实施办法第二十七条第二款).
/// </summary>
public static class RecordMeasures
{
    /// <summary>实施办法第二十一条: the work in which SES is queried and the measure each calls for.</summary>
    public static IReadOnlyList<string> Lines { get; } =
    [
        // 实施办法第二十一条第一款
        "办理行政许可的，依法从严审核，禁止适用告知承诺制；",
        "实施行政处罚的，依法从重处罚；",
        "对违法行为进行处理的，禁止适用法定自查容错机制；",
        "编制行政检查计划的，加大检查频次。",
        // 实施办法第二十一条第二款
        "需要采取全国失信惩戒措施基础清单中其他对应惩戒措施的，依照有关规定进行。",
    ];

    /// <summary>The rule named with an answer about a record in force.</summary>
    public const string Rule = "实施办法第二十一条：管理局职能部门及各监管局开展行政许可、行政处罚、违法行为处理、行政检查计划编制工作时，"
        + "应当查询 SES 中相对人的严重失信行为信息，对存在严重失信行为信息的相对人依据不同情形实施惩戒";

    /// <summary>The measures for one record: the lines of 实施办法第二十一条, or their suspension while it is marked.</summary>
    public static IReadOnlyList<string> For(string? mark) => mark is null
        ? Lines
        :
        [
            // 实施办法第二十七条第二款
            $"该信用信息已被提起{RecordMarks.Proceeding(mark)}，在 SES 中予以注明：暂停对其实施基于被复议、诉讼信用信息的新的惩戒措施"
            + "（实施办法第二十七条第二款）。",
        ];
}
