using Ses.Service.Calendar;

namespace Ses.Service.Delivery;

/// <summary>
/// How a delivery's date was found, in Chinese, with the calendar data used: the one text the API, the pages and the
/// certificate show (确认函第二条第四项).
/// </summary>
public static class DeliveryRuleText
{
    public static string Of(DeliveryRecord r, HolidayCalendar calendar) => r.DeliveryRule switch
    {
        DeliveryRules.Confirmation =>
            $"受送达人账号 {r.ConfirmedBy} 于 {r.DeliveredOn:yyyy-MM-dd}（北京时间）确认收讫，未晚于视为送达日 {r.DeemedOn:yyyy-MM-dd}，"
            + "以确认收讫之日为送达日（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）",
        DeliveryRules.Deemed =>
            $"发送日 {LegalDates.BeijingDate(r.ServedAt):yyyy-MM-dd}（北京时间）后第三个工作日 {r.DeliveredOn:yyyy-MM-dd} 前未确认收讫，"
            + $"视为送达（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）；工作日依据 {LegalDates.Sources(calendar)}"
            + (r.DeemedProvisional ? "（暂定：所涉年份的节假日安排尚未公布）" : ""),
        DeliveryRules.Paper =>
            $"纸质送达（{r.PaperMethod}{(r.PaperTrackingNumber is null ? "" : "，邮件号 " + r.PaperTrackingNumber)}，签收人 {r.PaperSignedBy}），"
            + "以纸质送达之日为送达日（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）",
        _ => r.Paper ? "待纸质送达登记：重要文书以纸质送达之日为送达日" : $"待确认收讫；未确认的，于 {r.DeemedOn:yyyy-MM-dd} 视为送达",
    };
}
