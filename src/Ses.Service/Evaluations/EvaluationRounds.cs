using Ses.Service.Calendar;

namespace Ses.Service.Evaluations;

/// <summary>
/// The limits and periods of an evaluation round (《通用航空企业诚信经营评价管理暂行办法》第十三条至第十五条), computed on the
/// working-day calendar: the publication's last day and the review's due date.
/// </summary>
public static class EvaluationRounds
{
    public const int NoticeLength = 4000;

    public const int TextLength = 2000;

    public const int CauseLength = 100;

    /// <summary>The publication of the pre-evaluation result lasts 5 working days (暂行办法第十三条).</summary>
    public const int PublicationDays = 5;

    /// <summary>The reviews are completed within 15 working days after the publication ends (暂行办法第十五条).</summary>
    public const int ReviewDays = 15;

    /// <summary>The measures took effect on 1 September 2021 (暂行办法第二十条): no earlier year is evaluated.</summary>
    public const int FirstYear = 2021;

    /// <summary>
    /// The last day of the publication: the 5th working day after the day of publication, which is not counted (民法典第二百零一条:
    /// a period counts from the next day) — the enterprise always has 5 whole working days.
    /// </summary>
    public static LegalDate PublicationEnds(DateOnly publishedOn, HolidayCalendar calendar) =>
        LegalDates.WorkingDayLimit(publishedOn, PublicationDays, calendar,
            $"预评价结果公示期：自公示之日（{publishedOn:yyyy-MM-dd}）起 5 个工作日，公示之日不计入（暂行办法第十三条；民法典第二百零一条）");

    /// <summary>The reviews' due date: the 15th working day after the publication's last day (暂行办法第十五条).</summary>
    public static LegalDate ReviewDue(DateOnly publicationEnds, HolidayCalendar calendar) =>
        LegalDates.WorkingDayLimit(publicationEnds, ReviewDays, calendar,
            $"复核：公示期结束（{publicationEnds:yyyy-MM-dd}）后 15 个工作日内完成，并书面通知申请人（暂行办法第十五条）");

    /// <summary>What 暂行办法第十九条 allows an inspector planning inspections, for a grade.</summary>
    public static string InspectionNote(string grade) => grade switch
    {
        "A" => "评价等级高：可以依法视情调减检查频次或者豁免检查（暂行办法第十九条第二款）",
        "C" => "评价等级低：可以依法视情调增检查频次（暂行办法第十九条第二款）",
        _ => "作为实施行业监管的重要参考（暂行办法第十九条第一款）",
    };
}
