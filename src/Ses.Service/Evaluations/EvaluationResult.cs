namespace Ses.Service.Evaluations;

/// <summary>The evaluation of one enterprise's year: the score, the grade and how they were reached.</summary>
/// <param name="Enterprise">The enterprise's name.</param>
/// <param name="Type">The enterprise type.</param>
/// <param name="Year">The calendar year evaluated.</param>
/// <param name="Causes">The deduction of each cause, in the order their first event was given.</param>
/// <param name="Skipped">The events given that do not count, and why.</param>
public sealed record EvaluationResult(
    string Enterprise, EnterpriseType Type, int Year, IReadOnlyList<CauseDeduction> Causes, IReadOnlyList<SkippedEvent> Skipped)
{
    /// <summary>The sum over the causes.</summary>
    public decimal Deducted => Causes.Sum(c => c.Total);

    /// <summary>100 less the deductions, not below 0 (暂行办法第八条).</summary>
    public decimal Score => Math.Max(0, EvaluationTable.BaseScore - Deducted);

    /// <summary>The grade of the score (暂行办法第九条).</summary>
    public EvaluationGrade Grade => EvaluationTable.GradeOf(Score);
}
