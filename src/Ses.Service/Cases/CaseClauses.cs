namespace Ses.Service.Cases;

/// <summary>
/// The catalogue of 实施办法第八条第一款: items (一)–(八), item (二) by its five sub-items (it applies only with one of
/// them). Several may apply to one act; the record is one and its validity is the longest (实施办法第八条第二款).
/// </summary>
public static class CaseClauses
{
    private const string Intentional = "故意违法，且";

    /// <summary>Every clause an officer may choose, in the order of the article.</summary>
    public static IReadOnlyList<CaseClause> All { get; } =
    [
        // 实施办法第八条第一款
        new("8-1-1", "第八条第一款第（一）项", "造成责任原因事故的", 1),
        new("8-1-2-1", "第八条第一款第（二）项第1目", Intentional + "造成责任原因严重征候的", 1),
        new("8-1-2-2", "第八条第一款第（二）项第2目",
            Intentional + "导致发生劫机、炸机以及其他严重非法干扰事件，或者发生暴力恐怖事件，或者发生机场控制区非法入侵，并接触航空器的安保责任事件的", 1),
        new("8-1-2-3", "第八条第一款第（二）项第3目", Intentional + "违反《航班正常管理规定》，严重侵犯消费者利益，引发重大社会影响的", 1),
        new("8-1-2-4", "第八条第一款第（二）项第4目", Intentional + "依据民航价格收费法律、法规、规章被认定为情节严重的", 1),
        new("8-1-2-5", "第八条第一款第（二）项第5目", Intentional + "发生直接关系民航运输、生产、服务、保障的重大或特别重大网络安全事件的", 1),
        // 实施办法第十七条: 3 years under item (三).
        new("8-1-3", "第八条第一款第（三）项",
            "因故意违法，单个违法行为被民航行政机关处以3万元以上罚款行政处罚的、处以吊销行政许可处罚的、处以责令停产停业行政处罚的或者处以撤销行政许可的", 3),
        new("8-1-4", "第八条第一款第（四）项", "民航行政机关作出决定后，有履行能力但拒不履行或者逃避执行的", 1),
        new("8-1-5", "第八条第一款第（五）项",
            "在申请民航行政机关出具文件以及行政许可工作中，或者在民航行政机关组织的检查、调查、评估、考试等工作过程中，"
            + "拒不提供相关材料，故意提供虚假材料、虚假承诺、虚假证言证词，作弊或者协助他人作弊的", 1),
        new("8-1-6", "第八条第一款第（六）项", "伪造、涂改、倒卖、出租、出借，或者以其他形式非法转让民航行政机关颁发的行政许可的", 1),
        new("8-1-7", "第八条第一款第（七）项", "存在无证无照经营行为的", 1),
        new("8-1-8", "第八条第一款第（八）项", "在从事民用航空活动过程中，存在其他被法律、行政法规或者规章认定为严重失信行为的", 1),
    ];

    /// <summary>The clause with that code, or null.</summary>
    public static CaseClause? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    /// <summary>
    /// The clause whose validity the record takes: the longest of those that apply, the first in the article's order
    /// among equals (实施办法第八条第二款).
    /// </summary>
    public static CaseClause Governing(IEnumerable<CaseClause> clauses) =>
        clauses.OrderByDescending(c => c.ValidityYears).ThenBy(c => All.ToList().IndexOf(c)).First();
}
