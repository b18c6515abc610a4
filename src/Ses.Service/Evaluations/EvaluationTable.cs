using System.Globalization;

namespace Ses.Service.Evaluations;

/// <summary>
/// The table of 《通用航空企业诚信经营评价管理暂行办法》 (暂行办法附表), as the product reads it: what each item deducts
/// for one event, with the row that says so, and the score's base and grades.
/// </summary>
public static class EvaluationTable
{
    /// <summary>Every evaluation starts from 100 (暂行办法第八条).</summary>
    public const decimal BaseScore = 100;

    /// <summary>Item 7: punished two or more times for the same cause (暂行办法附表第7项).</summary>
    public const decimal RepeatedPunishment = 50;

    /// <summary>Item 7 is derived from the punishments (items 2, 4, 5), never given.</summary>
    public const int RepeatedItem = 7;

    public const int FirstItem = 1;
    public const int LastItem = 12;

    /// <summary>The items that are punishments (处罚) for item 7: 警告, 罚款, 吊销经营许可证; 责令改正 is not one.</summary>
    public static bool IsPunishment(int item) => item is 2 or 4 or 5;

    /// <summary>A ≥ 90, B 75 ≤ score &lt; 90, C &lt; 75 (暂行办法第九条).</summary>
    public static EvaluationGrade GradeOf(decimal score) => score >= 90 ? EvaluationGrade.A : score >= 75 ? EvaluationGrade.B : EvaluationGrade.C;

    /// <summary>The item's short Chinese name.</summary>
    public static string Title(int item) => item switch
    {
        1 => "行政约见",
        2 => "警告",
        3 => "责令改正",
        4 => "罚款",
        5 => "吊销经营许可证",
        6 => "未按要求报送生产经营信息",
        7 => "同一事由被处罚两次或者以上",
        8 => "有效投诉",
        9 => "人员死亡或者重伤",
        10 => "民航行业严重失信行为信息",
        11 => "列入“信用中国”名单",
        12 => "列入国家企业信用信息公示系统名录",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "附表只有第1至12项"),
    };

    /// <summary>What the item deducts for one valid event, and the row (暂行办法附表第1至12项, 第7项除外).</summary>
    public static (decimal Value, string Basis) Value(EvaluationEvent e) => e.Item switch
    {
        1 => (5, "附表第1项：被民航行政机关行政约见，扣5分/次"),
        2 => (10, "附表第2项：被民航行政机关处以警告处罚，扣10分/次"),
        3 when e.Corrected == true => (3, "附表第3项第1点：责令改正且在规定期限内完成改正，扣3分/次"),
        3 => (10, "附表第3项第2点：责令改正但未在规定期限内完成改正，扣10分/次"),
        4 => Fine(Required(e.Fine)),
        5 => (50, "附表第5项：被吊销经营许可证，扣50分"),
        6 => (Required(e.Points), $"附表第6项：未按要求报送生产经营信息，按实际扣分 {Number(Required(e.Points))} 分核减"),
        8 => (3, "附表第8项第1点：消费者有效投诉，扣3分/次（同一事由多次投诉记为1次）"),
        9 => Casualties(Required(e.Casualties)),
        10 => (50, "附表第10项：企业或其高级管理人员、直接责任人员在民航行业信用信息记录中有严重失信行为信息，扣50分/次"),
        11 => (50, "附表第11项：企业或其法定代表人被列入“信用中国”失信被执行人、异常经营名录或重大税收违法案件当事人名单，扣50分/次"),
        12 => (50, "附表第12项：企业或其法定代表人被列入国家企业信用信息公示系统经营异常名录或严重违法失信企业名单，扣50分/次"),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Item, "第7项由事件推出；附表只有第1至12项"),
    };

    // 附表第4项: 1万元（含）以下 10, 1万元以上、3万元（含）以下 20, 3万元以上 30.
    private static (decimal, string) Fine(decimal fine) => fine switch
    {
        <= 10_000 => (10, $"附表第4项第1点：罚款 {Number(fine)} 元，1万元（含）以下，扣10分/次"),
        <= 30_000 => (20, $"附表第4项第2点：罚款 {Number(fine)} 元，1万元以上、3万元（含）以下，扣20分/次"),
        _ => (30, $"附表第4项第3点：罚款 {Number(fine)} 元，3万元以上，扣30分/次"),
    };

    // 附表第9项: 1-4人 30, 5-9人 40, 10人及以上 50.
    private static (decimal, string) Casualties(int count) => count switch
    {
        <= 4 => (30, $"附表第9项第1点：死亡或者重伤 {count} 人（1-4人），扣30分/次"),
        <= 9 => (40, $"附表第9项第2点：死亡或者重伤 {count} 人（5-9人），扣40分/次"),
        _ => (50, $"附表第9项第3点：死亡或者重伤 {count} 人（10人及以上），扣50分/次"),
    };

    /// <summary>A number as people write it: no trailing zeros, invariant digits.</summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static T Required<T>(T? value) where T : struct =>
        value ?? throw new ArgumentException("an event is valued only after it is validated");
}
