namespace Ses.Service.Evaluations;

/// <summary>Where an evaluation round stands (暂行办法第十一条: 印发通知、收集材料、预评价、公示、复核、发布).</summary>
public static class RoundState
{
    /// <summary>The notice is out; the enterprises upload their materials and the officers enter the events.</summary>
    public const string Collecting = "collecting";

    /// <summary>The pre-evaluation is computed (it may be computed again until it is published).</summary>
    public const string PreEvaluated = "pre-evaluated";

    /// <summary>The pre-evaluation result is published (5 working days), then the reviews are completed.</summary>
    public const string Publication = "publication";

    /// <summary>The final result is published.</summary>
    public const string Published = "published";

    public static string Label(string state, bool publicationOver = false) => state switch
    {
        Collecting => "收集材料",
        PreEvaluated => "预评价",
        Publication => publicationOver ? "预评价结果复核" : "预评价结果公示",
        Published => "评价结果已发布",
        _ => state,
    };
}
