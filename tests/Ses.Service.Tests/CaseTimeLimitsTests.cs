using System.Globalization;
using Ses.Service.Calendar;
using Ses.Service.Cases;
using Ses.Service.Cli;

namespace Ses.Service.Tests;

/// <summary>
/// The credit case's time limits on the shipped calendar: the internal limits are the Nth working day after the day
/// they count from (实施办法第三章), across Mid-Autumn and National Day 2026 (09-25..27 and 10-01..07 off, Saturday
/// 10-10 an adjusted working day); the record's validity and the repair's waiting period end on the corresponding day
/// (the month's last day when it has none) and never move off a rest day; and <c>ses calendar deadline</c> prints them.
/// </summary>
public sealed class CaseTimeLimitsTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Default;

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Table_HasEveryKindOfTheProcedure_WithItsWorkingDaysAndArticle()
    {
        var expected = new Dictionary<string, int>
        {
            ["collection-department"] = 10, ["collection-office"] = 5, ["office-review"] = 7, ["statement-review"] = 7,
            ["decision"] = 7, ["transfer"] = 3, ["entry"] = 3, ["interview-report"] = 5, ["interview-entry"] = 3,
            ["repair-meeting"] = 3, ["repair-transfer"] = 2, ["repair-refusal"] = 2, ["repair-whole"] = 20,
            ["correction"] = 3, ["correction-entry"] = 2, ["withdrawal"] = 3,
        };
        var workingDays = CaseTimeLimits.All.Where(l => l.Unit == TimeLimitUnit.WorkingDays).ToDictionary(l => l.Kind, l => l.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), workingDays.OrderBy(e => e.Key));
        Assert.Equal(
            [("validity-general", 1, TimeLimitUnit.Years), ("validity-severe", 3, TimeLimitUnit.Years),
             ("repair-eligible-general", 3, TimeLimitUnit.Months), ("repair-eligible-severe", 6, TimeLimitUnit.Months)],
            CaseTimeLimits.All.Where(l => l.Unit != TimeLimitUnit.WorkingDays).Select(l => (l.Kind, l.Count, l.Unit)));
        Assert.All(CaseTimeLimits.All, l => Assert.StartsWith("实施办法第", l.Basis, StringComparison.Ordinal));
        Assert.Contains("第八条第一款第（三）项", CaseTimeLimits.Find("validity-severe")!.Basis, StringComparison.Ordinal);
        Assert.Contains("第八条第一款第（三）项", CaseTimeLimits.Find("repair-eligible-severe")!.Basis, StringComparison.Ordinal);
        Assert.DoesNotContain("第八条", CaseTimeLimits.Find("validity-general")!.Basis, StringComparison.Ordinal);
        Assert.Null(CaseTimeLimits.Find("defense"));
    }

    [Theory]
    // From Thursday 09-24: 09-28 is the 1st working day, 09-30 the 3rd, 10-08 the 4th, 10-10 (Saturday) the 6th.
    [InlineData("collection-department", "2026-09-24", "2026-10-15")]
    [InlineData("collection-office", "2026-09-24", "2026-10-09")]
    [InlineData("office-review", "2026-09-24", "2026-10-12")]
    [InlineData("statement-review", "2026-09-24", "2026-10-12")]
    [InlineData("decision", "2026-09-24", "2026-10-12")]
    [InlineData("transfer", "2026-09-24", "2026-09-30")]
    [InlineData("entry", "2026-09-24", "2026-09-30")]
    [InlineData("interview-report", "2026-09-24", "2026-10-09")]
    [InlineData("interview-entry", "2026-09-24", "2026-09-30")]
    [InlineData("repair-meeting", "2026-09-24", "2026-09-30")]
    [InlineData("repair-transfer", "2026-09-24", "2026-09-29")]
    [InlineData("repair-refusal", "2026-09-24", "2026-09-29")]
    [InlineData("repair-whole", "2026-09-24", "2026-10-29")]
    [InlineData("correction", "2026-09-24", "2026-09-30")]
    [InlineData("correction-entry", "2026-09-24", "2026-09-29")]
    [InlineData("withdrawal", "2026-09-24", "2026-09-30")]
    // From Wednesday 09-30: 10-08 is the 1st working day, the adjusted Saturday 10-10 the 3rd.
    [InlineData("transfer", "2026-09-30", "2026-10-10")]
    [InlineData("entry", "2026-09-30", "2026-10-10")]
    [InlineData("repair-transfer", "2026-09-30", "2026-10-09")]
    [InlineData("collection-office", "2026-09-30", "2026-10-13")]
    [InlineData("decision", "2026-09-30", "2026-10-15")]
    [InlineData("collection-department", "2026-09-30", "2026-10-20")]
    [InlineData("repair-whole", "2026-09-30", "2026-11-03")]
    // A day in the holiday itself: counting starts after it.
    [InlineData("transfer", "2026-10-03", "2026-10-10")]
    public void WorkingDayLimit_IsTheNthWorkingDayAfterTheDay_AcrossNationalDay(string kind, string from, string expected)
    {
        var limit = CaseTimeLimits.Find(kind)!;
        var r = CaseTimeLimits.Due(limit, D(from), Calendar);
        Assert.Equal(D(expected), r.Date);
        Assert.False(r.Provisional);
        Assert.Contains(limit.Basis, r.Rule, StringComparison.Ordinal);
        Assert.Contains($"（{from}）起 {limit.Count} 个工作日内", r.Rule, StringComparison.Ordinal);
        Assert.Contains(LegalDates.ShippedCalendar, r.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkingDayLimit_ReachingAYearWithNoSchedule_IsProvisional_UntilTheYearIsImported()
    {
        var limit = CaseTimeLimits.Find("collection-department")!;
        // Weekends only in 2027: 12-25, 28..31, then 01-01, 04..07.
        var r = CaseTimeLimits.Due(limit, D("2026-12-24"), Calendar);
        Assert.Equal(D("2027-01-07"), r.Date);
        Assert.True(r.Provisional);

        // Ending on the last day of the known year, it is final.
        var inYear = CaseTimeLimits.Due(CaseTimeLimits.Find("transfer")!, D("2026-12-28"), Calendar);
        Assert.Equal(D("2026-12-31"), inYear.Date);
        Assert.False(inYear.Provisional);

        var y2027 = HolidayCalendar.Parse("2027-01-01,true,元旦\n2027-01-02,true,元旦\n2027-01-03,true,元旦\n", "2027.csv", out _)!;
        var imported = CaseTimeLimits.Due(limit, D("2026-12-24"), Calendar.With(y2027));
        Assert.Equal(D("2027-01-08"), imported.Date);
        Assert.False(imported.Provisional);
        Assert.Contains("2027.csv", imported.Rule, StringComparison.Ordinal);
    }

    [Theory]
    // No 31 February: the month's last day.
    [InlineData("repair-eligible-severe", "2026-08-31", "2027-02-28")]
    [InlineData("repair-eligible-general", "2026-11-30", "2027-02-28")]
    [InlineData("repair-eligible-general", "2026-03-31", "2026-06-30")]
    [InlineData("repair-eligible-severe", "2026-03-31", "2026-09-30")]
    // 10-04 is in the National Day holiday: the period does not move off it.
    [InlineData("repair-eligible-general", "2026-07-04", "2026-10-04")]
    [InlineData("validity-general", "2026-03-31", "2027-03-31")]
    [InlineData("validity-general", "2028-02-29", "2029-02-28")]
    // In force through a holiday and into years without a schedule: no working day is counted, nothing is provisional.
    [InlineData("validity-severe", "2026-10-01", "2029-10-01")]
    [InlineData("validity-general", "2025-10-05", "2026-10-05")]
    public void RecordPeriod_EndsOnTheCorrespondingDay_AndDoesNotMoveOffARestDay(string kind, string from, string expected)
    {
        var limit = CaseTimeLimits.Find(kind)!;
        var r = CaseTimeLimits.Due(limit, D(from), Calendar);
        Assert.Equal(D(expected), r.Date);
        Assert.False(r.Provisional);
        Assert.Contains(limit.Basis, r.Rule, StringComparison.Ordinal);
        Assert.Contains("民法典第二百零一条、第二百零二条", r.Rule, StringComparison.Ordinal);
        Assert.Contains("不因休息日顺延", r.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void RepairEligible_NamesTheNextDayAsTheFirstDayToApply()
    {
        var r = CaseTimeLimits.Due(CaseTimeLimits.Find("repair-eligible-severe")!, D("2026-08-31"), Calendar);
        Assert.Equal(D("2027-02-28"), r.Date);
        Assert.Contains("自 2027-03-01 起可以申请信用修复", r.Rule, StringComparison.Ordinal);
        var validity = CaseTimeLimits.Due(CaseTimeLimits.Find("validity-general")!, D("2026-03-31"), Calendar);
        Assert.DoesNotContain("申请", validity.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_CaseKinds_PrintTheDateFirst_ProvisionalBeyondTheCalendar()
    {
        var (exit, stdout, _) = await Run("calendar", "deadline", "collection-department", "2026-09-24", "2026-12-24");
        Assert.Equal(SesCommand.Ok, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026-10-15 填写采集单", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2027-01-07 provisional 填写采集单", lines[1], StringComparison.Ordinal);

        (exit, stdout, _) = await Run("calendar", "deadline", "repair-eligible-severe", "2026-08-31");
        Assert.Equal(SesCommand.Ok, exit);
        Assert.StartsWith("2027-02-28 信用修复等待期最后一日", stdout, StringComparison.Ordinal);

        (exit, stdout, _) = await Run("calendar", "deadline", "validity-severe", "2026-10-01", "2026-02-30");
        Assert.Equal(SesCommand.Invalid, exit);
        lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2029-10-01 信用记录有效期最后一日", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("invalid 2026-02-30", lines[1], StringComparison.Ordinal);

        // Today's kinds are unchanged.
        (exit, stdout, _) = await Run("calendar", "deadline", "defense", "2026-09-30");
        Assert.Equal(SesCommand.Ok, exit);
        Assert.StartsWith("2026-10-13 ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_UnknownKind_IsExit2InChinese_AndTheUsageListsEveryKind()
    {
        var (exit, stdout, stderr) = await Run("calendar", "deadline", "collection", "2026-09-24");
        Assert.Equal(SesCommand.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Contains("不认识的期限种类：collection", stderr, StringComparison.Ordinal);
        Assert.Contains("collection-department", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Run("calendar", "deadline");
        Assert.Equal(SesCommand.Usage, exit);
        Assert.All(CaseTimeLimits.All, l => Assert.Contains(l.Kind, stderr, StringComparison.Ordinal));
        Assert.Contains("defense|reconsideration|litigation|", stderr, StringComparison.Ordinal);

        (_, stdout, _) = await Run("help");
        Assert.All(CaseTimeLimits.All, l => Assert.Contains(l.Kind, stdout, StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await SesCommand.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
