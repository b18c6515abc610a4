using System.Globalization;

namespace Ses.Service.Evaluations;

/// <summary>
/// Scores one enterprise's year by the table of 《通用航空企业诚信经营评价管理暂行办法》: pure (no database, no clock),
/// so the same events always give the same score, and every point deducted is traced to its event and row.
/// </summary>
public static class EvaluationScorer
{
    public static EvaluationOutcome Evaluate(EvaluationInput input)
    {
        var problems = EvaluationValidator.Validate(input);
        if (problems.Count > 0) return new EvaluationOutcome(null, problems);
        var year = input.Year!.Value;
        var counted = new List<(string Key, string? Cause, EvaluationEvent Event, EventValue Value)>();
        var skipped = new List<SkippedEvent>();
        for (var i = 0; i < input.Events.Count; i++)
        {
            var e = input.Events[i];
            var date = e.Date!.Value;
            var number = i + 1;
            // 暂行办法第六条: the period is one whole calendar year; the dates are Beijing dates.
            if (date.Year != year)
            {
                skipped.Add(new SkippedEvent(number, e.Item, $"日期 {Day(date)} 不在 {year} 年度内，不计入（暂行办法第六条）"));
                continue;
            }
            // 暂行办法附表第8项第2点: the seven kinds are not complaints.
            if (e.Item == 8 && e.Excluded)
            {
                skipped.Add(new SkippedEvent(number, e.Item, "不属于投诉范围，不扣分（附表第8项第2点）"));
                continue;
            }
            var (value, basis) = EvaluationTable.Value(e);
            // 暂行办法附表注2: events without a cause are each their own cause.
            var key = e.CauseKey is { } cause ? "cause:" + cause : "event:" + number.ToString(CultureInfo.InvariantCulture);
            counted.Add((key, e.CauseKey, e, new EventValue(number, e.Item, date, value, basis)));
        }
        // 暂行办法附表注2: a cause counts once, at its highest value; item 7 is added for repeated punishment.
        var causes = counted
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => new CauseDeduction(
                g.First().Cause,
                [.. g.Select(c => c.Value)],
                g.Select(c => c.Value).MaxBy(v => v.Value)!,
                g.Count(c => EvaluationTable.IsPunishment(c.Event.Item))))
            .ToList();
        return new EvaluationOutcome(new EvaluationResult(input.Enterprise!.Trim(), EnterpriseTypes.Parse(input.Type)!.Value, year, causes, skipped), []);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
