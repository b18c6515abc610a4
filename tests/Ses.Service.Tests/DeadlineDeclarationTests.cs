using Ses.Documents.Templates;
using Ses.Service.Calendar;
using Ses.Service.Delivery;

namespace Ses.Service.Tests;

/// <summary>
/// The periods a delivered document opens are those its form declares (<c>"opens"</c>, <c>"validityCase"</c> in
/// templates/forms/*.json), not those of its number series.
/// </summary>
public sealed class DeadlineDeclarationTests
{
    private static readonly TemplateLibrary Templates = TemplateLibrary.Load(TemplateLibrary.Locate(null));

    // Tuesday 2026-03-03: defence ends on the 5th working day, 03-10.
    private static readonly DateOnly Delivered = new(2026, 3, 3);

    private static string[] Periods(FormTemplate? form, string dataJson = "{}") =>
        [.. Deadlines.For(form, dataJson, Delivered, HolidayCalendar.Default).Select(d => d.Period)];

    [Fact]
    public void ShippedForms_OpenTheirStatutoryPeriods()
    {
        Assert.Equal(["defense"], Periods(Templates.FindForm("notice-org")));
        Assert.Equal(["reconsideration", "litigation", "validity", "repair"], Periods(Templates.FindForm("decision-person")));
        Assert.Equal(["reconsideration", "litigation"], Periods(Templates.FindForm("repair-rejection")));
        Assert.Empty(Periods(Templates.FindForm("transfer-slip")));
    }

    [Fact]
    public void Declaration_NotTheSeries_DecidesThePeriods()
    {
        var notice = Templates.FindForm("notice-org")!;
        Assert.Equal("信告", notice.Series);
        Assert.Equal(["reconsideration", "litigation"], Periods(notice with { Opens = [OpenedPeriod.Reconsideration, OpenedPeriod.Litigation] }));
        Assert.Empty(Periods(notice with { Opens = [] }));
    }

    [Fact]
    public void ValidityAndRepair_ReadTheDeclaredCaseField()
    {
        var decision = Templates.FindForm("decision-org")! with { Opens = [OpenedPeriod.Validity, OpenedPeriod.Repair], ValidityCaseField = "chosenCase" };
        var deadlines = Deadlines.For(decision, """{ "chosenCase": "art8-1-3", "validityCase": "general" }""", Delivered, HolidayCalendar.Default);
        Assert.Equal([("validity", new DateOnly(2029, 3, 3)), ("repair", new DateOnly(2026, 9, 4))], deadlines.Select(d => (d.Period, d.LastDay)));
    }

    [Fact]
    public void Defence_HonoursTheDateInTheFieldMarkedReplyDate()
    {
        var deadline = Assert.Single(
            Deadlines.For(Templates.FindForm("notice-person"), """{ "replyDeadline": "2026-03-20" }""", Delivered, HolidayCalendar.Default));
        Assert.Equal(new DateOnly(2026, 3, 20), deadline.LastDay);
    }

    [Fact]
    public void FormTheTemplatesNoLongerHold_OpensNoPeriod() => Assert.Empty(Periods(null));
}
