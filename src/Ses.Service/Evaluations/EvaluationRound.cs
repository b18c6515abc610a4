namespace Ses.Service.Evaluations;

/// <summary>
/// A bureau's evaluation round of one calendar year (《通用航空企业诚信经营评价管理暂行办法》第十条、第十一条): the notice,
/// the collection of materials, the pre-evaluation, its publication for 5 working days, the reviews and the final result.
/// </summary>
public sealed class EvaluationRound
{
    public Guid Id { get; init; }

    public required string Bureau { get; init; }

    /// <summary>The calendar year evaluated (暂行办法第六条).</summary>
    public int Year { get; init; }

    /// <summary>Where the round stands (<see cref="RoundState"/>).</summary>
    public required string State { get; set; }

    /// <summary>The notice to the enterprises (印发通知), as the officer wrote it; the enterprises read it on their page.</summary>
    public required string Notice { get; set; }

    /// <summary>The Beijing date the notice was given.</summary>
    public DateOnly NoticeOn { get; init; }

    /// <summary>The last day the enterprises are asked to upload their materials (收集材料).</summary>
    public DateOnly MaterialsDueOn { get; set; }

    public DateOnly? PreEvaluatedOn { get; set; }

    /// <summary>The day the pre-evaluation result was published (暂行办法第十三条); the period counts from the next day.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The last day of the publication: the 5th working day after <see cref="PublishedOn"/>; reviews until then (第十四条).</summary>
    public DateOnly? PublicationEndsOn { get; set; }

    /// <summary>The 15th working day after the publication ends: the reviews are due (第十五条).</summary>
    public DateOnly? ReviewDueOn { get; set; }

    /// <summary>The day the final result was published (发布评价结果).</summary>
    public DateOnly? FinalPublishedOn { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; set; }
}
