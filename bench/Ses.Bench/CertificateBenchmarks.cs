using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ses.Documents;
using Ses.Documents.Certificates;
using Ses.Documents.Signing;

namespace Ses.Bench;

/// <summary>
/// Exporting a delivery certificate (送达证明) with 8 evidence entries: rendering it, and rendering and signing it
/// (PAdES B-T, in-process TSA) as legal staff get it (issue: the delivery certificate; target ≤ 50 ms median).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CertificateBenchmarks
{
    private DocumentEngine _engine = null!;
    private DeliveryCertificateData _data = null!;
    private SignatureSettings _settings = null!;
    private DirectoryInfo _certs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchData.Engine();
        _data = Certificate(events: 8);
        _certs = Directory.CreateTempSubdirectory("ses-bench-certs-");
        _settings = BenchData.Signing(_engine, _certs);
        var rendered = _engine.RenderDeliveryCertificate(_data);
        Console.WriteLine($"// certificate with 8 entries: {rendered.PageCount} pages, {rendered.Content.Length} bytes, signed {RenderAndSign()} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _certs.Delete(recursive: true);

    [Benchmark]
    public int Render() => _engine.RenderDeliveryCertificate(_data).Content.Length;

    [Benchmark]
    public int RenderAndSign() => _engine.RenderDeliveryCertificate(_data, _settings, DateTimeOffset.UtcNow).Length;

    private static DeliveryCertificateData Certificate(int events)
    {
        var sent = new DateTimeOffset(2026, 12, 8, 15, 30, 0, TimeSpan.Zero);
        (string Name, string Label, string Actor, string Detail)[] kinds =
        [
            ("SubmissionAcceptance", "签发", "张三（政策法规处）", "文书签章并加盖时间戳，进入送达"),
            ("ContentConsignment", "送达至账户", "SES系统", "文书已发送至受送达人的SES专用登录账号 xa_legal、xa_ops"),
            ("NotificationForAcceptance", "通知", "SES系统", "短信提醒已发送至 138****0011"),
            ("ContentHandover", "查阅", "xa_legal（法务部）", "受送达人账户下载了签章文件"),
        ];
        return new DeliveryCertificateData(
            "xibei", sent.AddDays(2), "西北局信告字〔2026〕1号", "民航行业严重失信行为认定告知书（组织）",
            Hash("document"), sent, "西安某某航空服务有限公司", "统一社会信用代码 91610131MA6U1H8X2T",
            [new RecipientAccount("xa_legal", "法务部"), new RecipientAccount("xa_ops", "运行控制中心")], "电子送达",
            [.. Enumerable.Range(0, events).Select(i => kinds[Math.Min(i, kinds.Length - 1)]).Select((k, i) =>
                new DeliveryEvent(k.Name, k.Label, sent.AddMinutes(7 * i), k.Actor, k.Detail, Hash(i.ToString(CultureInfo.InvariantCulture))))],
            new DeliveryOutcome(new DateOnly(2026, 12, 9), "受送达人于北京时间2026年12月9日10:12确认收讫（SES确认函二、4）", false),
            [
                new DeliveryDeadline("陈述和申辩期限", new DateOnly(2026, 12, 16), "送达之日后第5个工作日（实施办法第十三条）；日历数据 cn-holidays-2020-2026.csv", false),
                new DeliveryDeadline("申请行政复议期限", new DateOnly(2027, 2, 8), "送达之日起60日（行政复议法第二十条）；2027年节假日安排尚未公布，按周末推算", true),
            ],
            Hash("head"));
    }

    private static string Hash(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
}
