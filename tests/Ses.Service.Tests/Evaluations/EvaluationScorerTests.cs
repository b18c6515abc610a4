using System.Globalization;
using Ses.Service.Evaluations;

namespace Ses.Service.Tests.Evaluations;

/// <summary>
/// The score of 《通用航空企业诚信经营评价管理暂行办法》: every item of the table and its bounds, note 2 (a cause counts
/// once, at its highest value), item 7 (punished twice for one cause), the floor at 0, the grades and the year.
/// </summary>
public sealed class EvaluationScorerTests
{
    private static readonly DateOnly Day = new(2025, 5, 1);

    private static EvaluationResult Score(params EvaluationEvent[] events)
    {
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput("某某通用航空有限公司", "载客类", 2025, events));
        Assert.True(outcome.IsValid, string.Join("\n", outcome.Problems));
        return outcome.Result!;
    }

    private static EvaluationEvent Event(int item, string? cause = null, string? date = null) =>
        new(item, date is null ? Day : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), cause);

    [Theory]
    [InlineData(1, 5, "附表第1项")]
    [InlineData(2, 10, "附表第2项")]
    [InlineData(5, 50, "附表第5项")]
    [InlineData(10, 50, "附表第10项")]
    [InlineData(11, 50, "附表第11项")]
    [InlineData(12, 50, "附表第12项")]
    public void Item_DeductsItsTableValue(int item, int value, string row)
    {
        var result = Score(Event(item));
        Assert.Equal(value, result.Deducted);
        Assert.Equal(100 - value, result.Score);
        var cause = Assert.Single(result.Causes);
        Assert.Equal(item, cause.Highest.Item);
        Assert.StartsWith(row + "：", cause.Highest.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 3, "附表第3项第1点")]
    [InlineData(false, 10, "附表第3项第2点")]
    public void CorrectionOrder_DeductsByWhetherCorrectedInTime(bool corrected, int value, string row)
    {
        var result = Score(Event(3) with { Corrected = corrected });
        Assert.Equal(value, result.Deducted);
        Assert.StartsWith(row, Assert.Single(result.Causes).Highest.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 10, "附表第4项第1点")]
    [InlineData("10000", 10, "附表第4项第1点")]
    [InlineData("10000.01", 20, "附表第4项第2点")]
    [InlineData("10001", 20, "附表第4项第2点")]
    [InlineData("30000", 20, "附表第4项第2点")]
    [InlineData("30001", 30, "附表第4项第3点")]
    [InlineData("200000", 30, "附表第4项第3点")]
    public void Fine_DeductsByAmount_TenAndThirtyThousandIncludedBelow(string fine, int value, string row)
    {
        var result = Score(Event(4) with { Fine = decimal.Parse(fine, CultureInfo.InvariantCulture) });
        Assert.Equal(value, result.Deducted);
        var basis = Assert.Single(result.Causes).Highest.Basis;
        Assert.StartsWith(row, basis, StringComparison.Ordinal);
        Assert.Contains($"罚款 {fine} 元", basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 30, "附表第9项第1点")]
    [InlineData(4, 30, "附表第9项第1点")]
    [InlineData(5, 40, "附表第9项第2点")]
    [InlineData(9, 40, "附表第9项第2点")]
    [InlineData(10, 50, "附表第9项第3点")]
    [InlineData(36, 50, "附表第9项第3点")]
    public void Casualties_DeductByCount_FourFiveAndNineTenAreTheBounds(int casualties, int value, string row)
    {
        var result = Score(Event(9) with { Casualties = casualties });
        Assert.Equal(value, result.Deducted);
        Assert.StartsWith(row, Assert.Single(result.Causes).Highest.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void InformationReporting_DeductsThePointsDeducted_SummedOverEventsWithoutCause()
    {
        Assert.Equal(0, Score(Event(6) with { Points = 0 }).Deducted);
        var result = Score(Event(6) with { Points = 4 }, Event(6) with { Points = 2.5m }, Event(6) with { Points = 1 });
        Assert.Equal(7.5m, result.Deducted);
        Assert.Equal(92.5m, result.Score);
        Assert.Equal(3, result.Causes.Count);
        Assert.Contains("按实际扣分 2.5 分核减", result.Causes[1].Highest.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Complaint_CountsThree_UnlessOfAnExcludedKind()
    {
        Assert.Equal(3, Score(Event(8) with { Excluded = false }).Deducted);
        var excluded = Score(Event(8) with { Excluded = true });
        Assert.Equal(0, excluded.Deducted);
        Assert.Empty(excluded.Causes);
        Assert.Contains("附表第8项第2点", Assert.Single(excluded.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SameCause_CountsOnce_AtItsHighestValue()
    {
        // 附表注2: a 责令改正 not corrected (10), a 罚款 of 40,000 (30) and a 约见 (5), all for c1: 30, not 45.
        var result = Score(Event(3, "c1") with { Corrected = false }, Event(4, "c1") with { Fine = 40_000 }, Event(1, "c1"));
        var cause = Assert.Single(result.Causes);
        Assert.Equal("c1", cause.Cause);
        Assert.Equal([1, 2, 3], cause.Events.Select(e => e.Number));
        Assert.Equal(2, cause.Highest.Number);
        Assert.False(cause.Repeated);
        Assert.Equal(30, result.Deducted);
    }

    [Fact]
    public void ComplaintsOfOneCause_CountOnce_EachOtherCauseCounts()
    {
        var result = Score(Event(8, "c3"), Event(8, "c3"), Event(8, "c3"), Event(8, "c4"));
        Assert.Equal(2, result.Causes.Count);
        Assert.Equal(6, result.Deducted);
    }

    [Fact]
    public void EventsWithoutCause_EachAreTheirOwnCause()
    {
        // An empty or blank cause is no cause.
        var result = Score(Event(1), Event(1, ""), Event(1, "  "));
        Assert.Equal(3, result.Causes.Count);
        Assert.Equal(15, result.Deducted);
        Assert.All(result.Causes, c => Assert.Null(c.Cause));
        Assert.Equal("第 2 个事件（无事由）", result.Causes[1].Label);
    }

    [Fact]
    public void TwoPunishments_ForTheSameCause_AddItem7()
    {
        // 警告 (10) and 罚款 of 20,000 (20) for c1: the highest, 20, and item 7, 50.
        var result = Score(Event(2, "c1"), Event(4, "c1", "2025-11-30") with { Fine = 20_000 });
        var cause = Assert.Single(result.Causes);
        Assert.True(cause.Repeated);
        Assert.Equal(2, cause.Punishments);
        Assert.Equal(70, cause.Total);
        Assert.StartsWith("附表第7项", cause.RepeatedBasis, StringComparison.Ordinal);
        Assert.Equal(30, result.Score);
        Assert.Equal(EvaluationGrade.C, result.Grade);
    }

    [Fact]
    public void ThreePunishments_ForTheSameCause_AddItem7Once()
    {
        var result = Score(Event(2, "c1"), Event(4, "c1") with { Fine = 500 }, Event(5, "c1"));
        Assert.Equal(100, result.Deducted);
        Assert.Equal(3, Assert.Single(result.Causes).Punishments);
    }

    [Fact]
    public void TwoPunishments_ForDifferentCauses_AreNotItem7()
    {
        var result = Score(Event(2, "c1"), Event(4, "c2") with { Fine = 5_000 });
        Assert.All(result.Causes, c => Assert.False(c.Repeated));
        Assert.Equal(20, result.Deducted);
    }

    [Fact]
    public void TwoPunishments_WithoutCause_AreNotItem7()
    {
        var result = Score(Event(2), Event(2));
        Assert.All(result.Causes, c => Assert.False(c.Repeated));
        Assert.Equal(20, result.Deducted);
    }

    [Fact]
    public void CorrectionOrder_IsNotAPunishment_ForItem7()
    {
        // 责令改正 is not 处罚: with one 警告 for the same cause, or twice on its own, no item 7.
        var withWarning = Score(Event(3, "c1") with { Corrected = false }, Event(2, "c1"));
        Assert.Equal(1, Assert.Single(withWarning.Causes).Punishments);
        Assert.Equal(10, withWarning.Deducted);
        var twice = Score(Event(3, "c1") with { Corrected = false }, Event(3, "c1") with { Corrected = true });
        Assert.False(Assert.Single(twice.Causes).Repeated);
        Assert.Equal(10, twice.Deducted);
    }

    [Fact]
    public void Punishment_OutsideTheYear_DoesNotMakeItem7()
    {
        var result = Score(Event(2, "c1", "2024-12-31"), Event(2, "c1", "2025-01-01"));
        Assert.False(Assert.Single(result.Causes).Repeated);
        Assert.Equal(10, result.Deducted);
    }

    [Fact]
    public void Score_IsNotBelowZero()
    {
        var result = Score(Event(5), Event(10), Event(11));
        Assert.Equal(150, result.Deducted);
        Assert.Equal(0, result.Score);
        Assert.Equal(EvaluationGrade.C, result.Grade);
    }

    [Theory]
    [InlineData("0", 100, EvaluationGrade.A)]
    [InlineData("10", 90, EvaluationGrade.A)]
    [InlineData("10.5", 89.5, EvaluationGrade.B)]
    [InlineData("11", 89, EvaluationGrade.B)]
    [InlineData("25", 75, EvaluationGrade.B)]
    [InlineData("25.5", 74.5, EvaluationGrade.C)]
    [InlineData("26", 74, EvaluationGrade.C)]
    public void Grade_NinetyIsA_SeventyFiveIsB_BelowIsC(string points, double score, EvaluationGrade grade)
    {
        var result = Score(Event(6) with { Points = decimal.Parse(points, CultureInfo.InvariantCulture) });
        Assert.Equal((decimal)score, result.Score);
        Assert.Equal(grade, result.Grade);
    }

    [Fact]
    public void EventsOutsideTheCalendarYear_DoNotCount()
    {
        var result = Score(Event(1, date: "2024-12-31"), Event(2, date: "2025-01-01"), Event(5, date: "2025-12-31"), Event(10, date: "2026-01-01"));
        Assert.Equal([2, 3], result.Causes.Select(c => c.Highest.Number));
        Assert.Equal(60, result.Deducted);
        Assert.Equal([1, 4], result.Skipped.Select(s => s.Number));
        Assert.All(result.Skipped, s => Assert.Contains("暂行办法第六条", s.Reason, StringComparison.Ordinal));
        Assert.Contains("2026-01-01 不在 2025 年度内", result.Skipped[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEvents_Is100_GradeA()
    {
        var result = Score();
        Assert.Equal(100, result.Score);
        Assert.Equal(EvaluationGrade.A, result.Grade);
        Assert.Equal(EnterpriseType.Passenger, result.Type);
    }

    [Theory]
    [InlineData("载客类", EnterpriseType.Passenger)]
    [InlineData("载人类", EnterpriseType.Manned)]
    [InlineData("其他类（不含执照培训）", EnterpriseType.Other)]
    [InlineData("其他类(不含执照培训)", EnterpriseType.Other)]
    [InlineData("执照培训类", EnterpriseType.Training)]
    public void EnterpriseType_IsOneOfTheFourOfNote1(string name, EnterpriseType type)
    {
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput("某某通用航空有限公司", name, 2025, []));
        Assert.Equal(type, outcome.Result!.Type);
    }
}
