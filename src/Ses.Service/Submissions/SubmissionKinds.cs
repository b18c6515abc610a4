namespace Ses.Service.Submissions;

/// <summary>What a counterparty submits online.</summary>
public static class SubmissionKinds
{
    /// <summary>A statement and defence against a served notice (实施办法第十三条).</summary>
    public const string Statement = "statement";

    /// <summary>A repair application (附件8, 实施办法第十八条).</summary>
    public const string Repair = "repair";

    /// <summary>A written review application against a pre-evaluation result (《通用航空企业诚信经营评价管理暂行办法》第十四条).</summary>
    public const string EvaluationReview = "evaluation-review";

    public static string Label(string kind) => kind switch
    {
        Statement => "陈述和申辩",
        EvaluationReview => "诚信经营预评价结果复核申请",
        _ => "信用修复申请",
    };
}
