using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ses.Documents.Certificates;

namespace Ses.Documents.Tests.Certificates;

/// <summary>
/// Delivery certificates as the service would fill them: a notice sent on Tuesday 2026-12-08 at 23:30 Beijing time
/// (15:30 UTC), certified on 2026-12-10 while delivery is pending. Dates from `ses calendar`: deemed delivery
/// 2026-12-11, defence to 2026-12-18, reconsideration to 2027-02-09 (provisional: no 2027 holiday schedule yet).
/// </summary>
internal static class CertificateSamples
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset IssuedAt = new(2026, 12, 8, 15, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset CertifiedAt = new(2026, 12, 10, 10, 0, 0, Beijing);

    public static string Hash(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    public static readonly string DocumentSha256 = Hash("西北局信告字〔2026〕1号.pdf");

    public static readonly string EvidenceHead = Hash("evidence head");

    /// <summary>The delivery still pending (not confirmed, deemed date not reached), one deadline provisional.</summary>
    public static DeliveryCertificateData Pending(int events = 4) => new(
        BureauCode: "xibei",
        CertifiedAt: CertifiedAt,
        DocumentNumber: "西北局信告字〔2026〕1号",
        DocumentTitle: "民航行业严重失信行为认定告知书（组织）",
        DocumentSha256: DocumentSha256,
        IssuedAt: IssuedAt,
        RecipientName: "西安某某航空服务有限公司",
        RecipientIdentifier: "统一社会信用代码 91610131MA6U1H8X2T",
        Accounts: [new("xa_legal", "法务部"), new("xa_ops", "运行控制中心")],
        ServiceMode: "电子送达",
        Events: [.. Events(events)],
        Delivery: new DeliveryOutcome(null,
            "尚未确认收讫。受送达人未确认收讫的，发送之日（北京时间2026年12月8日）后第三个工作日即2026年12月11日为送达之日（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）；日历数据 cn-holidays-2020-2026.csv。", false),
        Deadlines:
        [
            new("陈述和申辩期限", new DateOnly(2026, 12, 18), "送达之日后第5个工作日，按视为送达日2026年12月11日计算（实施办法第十三条）；日历数据 cn-holidays-2020-2026.csv", false),
            new("申请行政复议期限", new DateOnly(2027, 2, 9), "送达之日起60日，按视为送达日2026年12月11日计算（行政复议法第二十条）；2027年节假日安排尚未公布，按周末推算", true),
        ],
        EvidenceHeadHash: EvidenceHead);

    /// <summary>The evidence entries: the first four are what a notice goes through; more repeat reading by the accounts.</summary>
    public static IEnumerable<DeliveryEvent> Events(int count)
    {
        (string Name, string Label, string Actor, string Detail)[] kinds =
        [
            ("SubmissionAcceptance", "签发", "张三（政策法规处）", "文书签章并加盖时间戳，进入送达"),
            ("ContentConsignment", "送达至账户", "SES系统", "文书已发送至受送达人的SES专用登录账号 xa_legal、xa_ops"),
            ("NotificationForAcceptance", "通知", "SES系统", "短信提醒已发送至 138****0011"),
            ("ContentHandover", "查阅", "xa_legal（法务部）", "受送达人账户下载了签章文件"),
        ];
        for (var i = 0; i < count; i++)
        {
            var k = kinds[Math.Min(i, kinds.Length - 1)];
            yield return new DeliveryEvent(k.Name, k.Label, IssuedAt.AddMinutes(i * 7), k.Actor, k.Detail,
                Hash(string.Create(CultureInfo.InvariantCulture, $"entry {i}")));
        }
    }
}
