using System.Globalization;
using Microsoft.AspNetCore.Html;
using Ses.Service.Calendar;

namespace Ses.Service.Pages;

/// <summary>
/// How the pages write dates and times: dates as 2026年2月25日, times in Beijing time with the label, provisional
/// dates marked 「暂定」 — one way everywhere.
/// </summary>
public static class Show
{
    public const string Provisional = "「暂定」";

    public static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");

    public static string Date(DateOnly? d) => d is { } x ? Date(x) : "—";

    public static string Date(DateOnly? d, bool provisional) => d is { } x ? Date(x) + (provisional ? Provisional : "") : "—";

    /// <summary>2026年2月25日 14:05（北京时间）.</summary>
    public static string Time(DateTimeOffset t)
    {
        var b = t.ToOffset(LegalDates.Beijing);
        return Date(DateOnly.FromDateTime(b.DateTime)) + " " + b.ToString("HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";
    }

    public static string Time(DateTimeOffset? t) => t is { } x ? Time(x) : "—";

    /// <summary>A date as an element that never breaks inside it (tables on a phone): <c>&lt;time class="date"&gt;</c>, 「暂定」 beside.</summary>
    public static IHtmlContent DateTag(DateOnly d, bool provisional = false) =>
        new HtmlString($"<time class=\"date\" datetime=\"{Iso(d)}\">{Date(d)}</time>"
            + (provisional ? $"<span class=\"provisional nw\">{Provisional}</span>" : ""));

    public static IHtmlContent DateTag(DateOnly? d, bool provisional = false) => d is { } x ? DateTag(x, provisional) : new HtmlString("—");

    /// <summary>A time as an element: the date and the clock each stay whole, a line may break only between them.</summary>
    public static IHtmlContent TimeTag(DateTimeOffset t)
    {
        var b = t.ToOffset(LegalDates.Beijing);
        return new HtmlString($"<time datetime=\"{Iso(t)}\"><span class=\"date\">{Date(DateOnly.FromDateTime(b.DateTime))}</span> "
            + $"<span class=\"nw\">{b.ToString("HH:mm", CultureInfo.InvariantCulture)}（北京时间）</span></time>");
    }

    public static IHtmlContent TimeTag(DateTimeOffset? t) => t is { } x ? TimeTag(x) : new HtmlString("—");

    /// <summary>An evidence time to the millisecond: 2026年2月25日 14:05:09.123（北京时间）.</summary>
    public static string Precise(DateTimeOffset t)
    {
        var b = t.ToOffset(LegalDates.Beijing);
        return Date(DateOnly.FromDateTime(b.DateTime)) + " " + b.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + "（北京时间）";
    }

    /// <summary>The machine-readable value of a time element.</summary>
    public static string Iso(DateTimeOffset t) => t.ToOffset(LegalDates.Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string InboxStatus(string status) => status switch
    {
        "new" => "新送达",
        "opened" => "已查看",
        "confirmed" => "已确认收讫",
        "deemed" => "视为送达",
        _ => status,
    };

    public static string Mode(string mode) => mode switch
    {
        "electronic" => "电子送达",
        "paper" => "纸质送达",
        "both" => "电子送达并纸质送达",
        _ => mode,
    };

    public static string Role(string role) => Accounts.StaffRole.Label(role);
}
