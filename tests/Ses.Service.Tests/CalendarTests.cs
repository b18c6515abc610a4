using System.Globalization;
using Ses.Service.Calendar;
using Ses.Service.Cli;

namespace Ses.Service.Tests;

/// <summary>Deemed delivery and deadlines on the real 2020–2026 calendar, across holiday edges and midnight in Beijing.</summary>
public sealed class CalendarTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Default;

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // Friday before the 2026 Spring Festival: Sat 02-14 is an adjusted working day, 02-15..23 are off.
    [InlineData("2026-02-13T23:59:00+08:00", "2026-02-25")]
    [InlineData("2026-02-13T15:59:00Z", "2026-02-25")]
    // One minute past midnight in Beijing is already the 14th, though still the 13th in UTC.
    [InlineData("2026-02-13T16:01:00Z", "2026-02-26")]
    // National Day 2025: 09-28 (Sun) adjusted working, 10-01..08 off, 10-11 (Sat) adjusted working.
    [InlineData("2025-09-29T10:00:00+08:00", "2025-10-10")]
    [InlineData("2025-10-09T10:00:00+08:00", "2025-10-13")]
    // An ordinary week: Monday → Thursday.
    [InlineData("2026-03-02T09:00:00+08:00", "2026-03-05")]
    // Friday → Wednesday over an ordinary weekend.
    [InlineData("2026-03-06T09:00:00+08:00", "2026-03-11")]
    public void DeemedDelivery_IsTheThirdWorkingDayAfterTheBeijingSendingDate(string sentAt, string expected)
    {
        var r = LegalDates.DeemedDelivery(DateTimeOffset.Parse(sentAt, CultureInfo.InvariantCulture), Calendar);
        Assert.Equal(D(expected), r.Date);
        Assert.False(r.Provisional);
        Assert.Contains(LegalDates.ShippedCalendar, r.Rule);
        Assert.DoesNotContain(HolidayCalendar.DefaultSource, r.Rule);
    }

    [Fact]
    public void DeemedDelivery_ReachingAYearWithNoSchedule_IsProvisional()
    {
        var r = LegalDates.DeemedDelivery(new DateTimeOffset(2026, 12, 30, 10, 0, 0, LegalDates.Beijing), Calendar);
        Assert.Equal(D("2027-01-04"), r.Date);
        Assert.True(r.Provisional);
    }

    [Theory]
    [InlineData(Period.Defense, "2026-02-25", "2026-03-03")]   // Sat 02-28 is an adjusted working day
    [InlineData(Period.Defense, "2026-09-30", "2026-10-13")]   // over National Day, Sat 10-10 working
    [InlineData(Period.Reconsideration, "2026-08-02", "2026-10-08")]   // 10-01 is a holiday → next working day
    [InlineData(Period.Reconsideration, "2026-01-15", "2026-03-16")]   // 03-16 is a Monday
    [InlineData(Period.Litigation, "2026-04-04", "2026-10-08")]   // 10-04 in the National Day holiday
    [InlineData(Period.Litigation, "2025-08-31", "2026-02-28")]   // no 31 February: the last day; 02-28 is a working Saturday
    public void Deadline_EndsOnTheRightDayAndMovesOffRestDays(Period period, string delivered, string expected)
    {
        var r = LegalDates.Deadline(period, D(delivered), Calendar);
        Assert.Equal(D(expected), r.Date);
        Assert.False(r.Provisional);
    }

    [Fact]
    public void ProposedReplyDate_LeavesFiveFullWorkingDaysAfterTheDeemedDelivery()
    {
        var issued = new DateTimeOffset(2026, 2, 13, 17, 0, 0, LegalDates.Beijing);
        var proposal = LegalDates.ProposedReplyDate(issued, Calendar);
        var deemed = LegalDates.DeemedDelivery(issued, Calendar).Date;
        Assert.Equal(D("2026-02-25"), deemed);
        // Working days strictly after the deemed delivery and strictly before the proposed date: at least five.
        var days = 0;
        for (var d = deemed.AddDays(1); d < proposal.Date; d = d.AddDays(1)) if (Calendar.IsWorkingDay(d).Working) days++;
        Assert.Equal(5, days);
        Assert.Equal(D("2026-03-04"), proposal.Date);
    }

    [Fact]
    public void Parse_BadLines_AreAllReportedWithTheirLineNumbers()
    {
        var calendar = HolidayCalendar.Parse(
            "date,is_off_day,name\n2027-13-01,true,x\n2027-01-01,maybe,y\n2027-01-01,true,元旦\n2027-01-01,true,元旦\n", "2027.csv", out var problems);
        Assert.Null(calendar);
        Assert.Equal(3, problems.Count);
        // Chinese, with a stable code, naming the file and the line.
        Assert.Contains(problems, p => p.Code == "calendar.line-format" && p.Message.StartsWith("2027.csv 第 2 行：应为", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Code == "calendar.date-twice" && p.Message.Contains("第 5 行：2027-01-01 重复列出", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("line", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void With_AnImportedYear_MakesItsComputationsFinal()
    {
        var y2027 = HolidayCalendar.Parse("2027-01-01,true,元旦\n2027-01-02,true,元旦\n2027-01-03,true,元旦\n", "2027.csv", out _)!;
        var r = LegalDates.DeemedDelivery(new DateTimeOffset(2026, 12, 30, 10, 0, 0, LegalDates.Beijing), Calendar.With(y2027));
        Assert.Equal(D("2027-01-05"), r.Date);
        Assert.False(r.Provisional);
        Assert.Contains("2027.csv", r.Rule);
    }

    [Fact]
    public async Task Cli_DeemedAndDeadline_PrintTheDateFirstAndExit1OnABadLine()
    {
        var stdout = new StringWriter();
        var exit = await SesCommand.RunAsync(
            ["calendar", "deemed", "2026-02-13T23:30:00+08:00", "2026-02-13T15:30:00Z", "2026-12-30T10:00:00+08:00"], stdout, new StringWriter());
        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2026-02-25 ", lines[0]);
        Assert.StartsWith("2026-02-25 ", lines[1]);
        Assert.StartsWith("2027-01-04 provisional", lines[2]);

        stdout = new StringWriter();
        var stderr = new StringWriter();
        exit = await SesCommand.RunAsync(["calendar", "deadline", "reconsideration", "2026-08-02", "2026-02-30"], stdout, stderr);
        Assert.Equal(1, exit);
        lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2026-10-08 ", lines[0]);
        Assert.StartsWith("invalid 2026-02-30", lines[1]);
        // What a person reads on the error stream is Chinese throughout.
        Assert.Equal("无效输入 2026-02-30：应为日期，格式为 YYYY-MM-DD", stderr.ToString().Trim());
    }
}
