using System.Globalization;
using System.Text;
using Ses.Service.Counterparties;

namespace Ses.Service.Records;

/// <summary>
/// The public list as CSV for Excel, the CAAC website and 信用中国 (实施办法第二十条): UTF-8 with a byte-order mark, CRLF,
/// RFC 4180 quoting, Chinese column names in a fixed order, one row per entry in force then per entry taken down.
/// </summary>
public static class PublicRecordsCsv
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Columns =
        ["状态", "组织名称", "证照类型", "统一社会信用代码或证照号码", "失信行为", "认定决定书文号", "决定书送达日期", "有效期至", "公布机关", "标注", "公布时间（北京时间）",
            "移除日期", "停止公布时间（北京时间）", "移除原因"];

    public static byte[] Write(PublicFeed feed)
    {
        var text = new StringBuilder();
        Line(text, Columns);
        foreach (var r in feed.InForce.Concat(feed.Removed))
        {
            Line(text,
            [
                r.Status == RecordState.InForce ? "有效" : "已移除", r.Name, IdSchemes.Label(r.IdScheme), r.Identifier, r.Act, r.DecisionNumber,
                Date(r.DecisionDeliveredOn), Date(r.ValidUntil), r.Bureau, r.Mark ?? "", Instant(r.PublishedAt), r.RemovedOn is { } on ? Date(on) : "",
                r.RemovedAt is { } at ? Instant(at) : "", r.RemovedReasonLabel ?? "",
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    internal static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    // RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; a leading =, +, - or @ is
    // prefixed with an apostrophe so a spreadsheet does not run it as a formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
