using System.Globalization;
using System.Text.RegularExpressions;
using Ses.Documents.Certificates;
using Ses.Documents.Signing;
using Ses.Documents.Signing.Pdf;
using Ses.Documents.Tests.Signing.Crypto;
using Ses.Documents.Tests.Support;
using Ses.Documents.Validation;
using UglyToad.PdfPig;

namespace Ses.Documents.Tests.Certificates;

/// <summary>The delivery certificate (送达证明): its content read back, its signature, qpdf, and tables over pages.</summary>
public sealed partial class DeliveryCertificateTests(DevelopmentPki pki)
{
    private static DocumentEngine Engine => TestEngine.Engine;

    private SignatureSettings Settings => new(pki.Set.Signing, pki.Tsa());

    private static List<string> PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return [.. doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }

    // Wrapped lines extract without the break; spaces inside a line extract as letters or not at all: compare without any.
    private static string Squeezed(string s) => Whitespace().Replace(s, "");

    private static string Text(byte[] pdf) => Squeezed(string.Concat(PageTexts(pdf)));

    [Fact]
    public void Render_PendingDeliveryWithProvisionalDeadline_PrintsEveryValue()
    {
        var data = CertificateSamples.Pending();
        var rendered = Engine.RenderDeliveryCertificate(data);
        var text = Text(rendered.Content);

        Assert.Contains("送达证明", text);
        Assert.Contains("民航西北地区管理局通过民航行业监管执法信息系统（SES）", text);
        Assert.Contains("西北局信告字〔2026〕1号", text);
        Assert.Contains("民航行业严重失信行为认定告知书（组织）", text);
        Assert.DoesNotContain("notice-org", text); // the form's title, never its id
        Assert.DoesNotContain("表单标识", text);
        Assert.Contains(CertificateSamples.DocumentSha256, text);
        Assert.Contains("2026-12-0815:30:00UTC", text);
        Assert.Contains("北京时间2026-12-0823:30:00", text);
        Assert.Contains("西安某某航空服务有限公司", text);
        Assert.Contains("统一社会信用代码91610131MA6U1H8X2T", text);
        Assert.Contains("xa_legal法务部", text);
        Assert.Contains("xa_ops运行控制中心", text);
        Assert.Contains("电子送达", text);
        foreach (var e in data.Events)
        {
            Assert.Contains(e.Label + e.Name, text);
            Assert.Contains(Squeezed(string.Create(CultureInfo.InvariantCulture, $"{e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")), text);
            Assert.Contains(
                Squeezed(string.Create(CultureInfo.InvariantCulture, $"北京时间 {e.At.ToOffset(CertificateSamples.Beijing):yyyy-MM-dd HH:mm:ss}")), text);
            Assert.Contains(Squeezed(e.Actor + e.Detail), text);
            Assert.Contains("记录哈希：" + e.EntryHash, text);
        }
        Assert.Contains("送达日期尚未送达（待定）", text);
        Assert.Contains(Squeezed(data.Delivery.Rule), text);
        Assert.Contains("陈述和申辩期限2026年12月18日" + Squeezed(data.Deadlines[0].Rule), text);
        Assert.Contains("申请行政复议期限2027年2月9日（暂定）" + Squeezed(data.Deadlines[1].Rule), text);
        Assert.DoesNotContain("2026年12月18日（暂定）", text);
        Assert.Contains("「暂定」：标注「暂定」的日期", text);
        Assert.Contains("证据链头哈希" + CertificateSamples.EvidenceHead, text);
        Assert.Contains("本证明出具时间2026-12-1002:00:00UTC北京时间2026-12-1010:00:00", text);
        Assert.EndsWith("民航西北地区管理局2026年12月10日", Squeezed(PageTexts(rendered.Content)[^1]).Split('—')[0]);
        Assert.Equal(rendered.PageCount - 1, rendered.Seal?.Page);
    }

    [Fact]
    public void Render_ConfirmedDelivery_PrintsTheDateWithoutAnyProvisionalMark()
    {
        var data = CertificateSamples.Pending() with
        {
            Delivery = new DeliveryOutcome(new DateOnly(2026, 12, 9), "受送达人于北京时间2026年12月9日10:12确认收讫（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）", false),
            Deadlines = [new DeliveryDeadline("陈述和申辩期限", new DateOnly(2026, 12, 16), "送达之日后第5个工作日（实施办法第十三条）；日历数据 cn-holidays-2020-2026.csv", false)],
        };
        var text = Text(Engine.RenderDeliveryCertificate(data).Content);
        Assert.Contains("送达日期2026年12月9日认定依据", text);
        Assert.Contains("陈述和申辩期限2026年12月16日", text);
        Assert.DoesNotContain("暂定", text);
        Assert.DoesNotContain("尚未送达", text);
    }

    [Fact]
    public void Render_ProvisionalDeliveryDate_IsMarkedAndWarnedAndAnEmptyDeadlineTableIsLeftOut()
    {
        var data = CertificateSamples.Pending() with
        {
            Delivery = new DeliveryOutcome(new DateOnly(2027, 1, 5), "发送之日（北京时间2026年12月30日）后第三个工作日；2027年节假日安排尚未公布，按周末推算", true),
            Deadlines = [],
        };
        var text = Text(Engine.RenderDeliveryCertificate(data).Content);
        Assert.Contains("送达日期2027年1月5日（暂定）认定依据", text);
        Assert.Contains("「暂定」：标注「暂定」的日期", text);
        Assert.DoesNotContain("计算依据", text);
    }

    [Fact]
    public void RenderSigned_VerifiesWithTimestampOverTheWholeFile()
    {
        var now = pki.Time.GetUtcNow();
        var pdf = Engine.RenderDeliveryCertificate(CertificateSamples.Pending(), Settings, now);

        var report = PdfVerifier.Verify(pdf, [pki.Set.Root], ["西北局"], now);
        Assert.True(report.AllValid, string.Join(" ", report.Signatures.SelectMany(s => s.Problems)));
        var s = Assert.Single(report.Signatures);
        Assert.True(s.Intact);
        Assert.False(s.ModifiedAfter);
        Assert.Empty(s.LaterChanges);
        Assert.True(s.ChainTrusted);
        Assert.Contains("民航西北地区管理局", s.Signer);
        Assert.Equal(now, s.TimestampTime);
        Assert.Equal("送达证明", report.Title);
        // The certificate has no number of its own; the served document's number is content, not the certificate's.
        Assert.Null(report.DocumentNumber);

        var field = Assert.Single(PdfSignatureInspector.Inspect(pdf));
        Assert.Null(field.RangeProblem);
        Assert.Equal(0, field.ByteRange[0]);
        Assert.Equal(pdf.Length, field.ByteRange[2] + field.ByteRange[3]);
        Assert.Equal(pdf.Length, field.RevisionEnd);
        Assert.Contains(CertificateSamples.DocumentSha256, Text(pdf));
    }

    [Fact]
    public void RenderSigned_PassesQpdfCheckWithoutWarnings()
    {
        var pdf = Engine.RenderDeliveryCertificate(CertificateSamples.Pending(8), Settings, pki.Time.GetUtcNow());
        ExternalTool.AssertQpdfClean(pdf, "certificate");
    }

    [Fact]
    public void Render_ManyEvents_RepeatsTheTableHeaderOnEveryPageAndNumbersThePages()
    {
        var data = CertificateSamples.Pending(events: 20);
        var rendered = Engine.RenderDeliveryCertificate(data);
        var pages = PageTexts(rendered.Content);
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.Equal(rendered.PageCount, pages.Count);

        const string header = "序号事件和时间操作人、说明和记录哈希";
        var withEvents = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = Squeezed(pages[i]);
            Assert.Contains($"—{i + 1}—", page);
            var firstHash = data.Events.Select(e => page.IndexOf(e.EntryHash, StringComparison.Ordinal)).Where(at => at >= 0).DefaultIfEmpty(-1).Min();
            if (firstHash < 0) continue;
            withEvents++;
            var at = page.IndexOf(header, StringComparison.Ordinal);
            Assert.True(at >= 0 && at < firstHash, $"page {i + 1} lists events without the table header above them");
        }
        Assert.True(withEvents >= 2, $"the events spread over {withEvents} page(s)");
        // The table's heading and header rows are not left at the foot of a page: they go with the first entry.
        var headingPage = pages.FindIndex(p => Squeezed(p).Contains("送达过程记录" + header, StringComparison.Ordinal));
        Assert.True(headingPage >= 0);
        Assert.Contains(data.Events[0].EntryHash, Squeezed(pages[headingPage]));
        var all = Squeezed(string.Concat(pages));
        Assert.All(data.Events, e => Assert.Contains("记录哈希：" + e.EntryHash, all));
        // Each entry is one row, kept whole on a page, in order.
        var positions = data.Events.Select(e => all.IndexOf(e.EntryHash, StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Render_ControlCharacterInAnEvent_IsAProblemNamingTheEntry()
    {
        var data = CertificateSamples.Pending();
        var events = data.Events.ToList();
        events[1] = events[1] with { Actor = "SES\u0007系统" };
        var e = Assert.Throws<FormValidationException>(() => Engine.RenderDeliveryCertificate(data with { Events = events }));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("events[1].actor", problem.Field);
        Assert.Equal("field.control-char", problem.Code);
    }

    [Fact]
    public void Render_UnknownBureau_IsAProblem()
    {
        var e = Assert.Throws<FormValidationException>(() => Engine.RenderDeliveryCertificate(CertificateSamples.Pending() with { BureauCode = "nowhere" }));
        Assert.Equal("bureau.unknown", Assert.Single(e.Problems).Code);
    }

    [Fact]
    public void Render_OtherBureau_HeadsAndSignsWithItsName()
    {
        var rendered = Engine.RenderDeliveryCertificate(CertificateSamples.Pending() with { BureauCode = "huadong" });
        var text = Text(rendered.Content);
        Assert.Contains("民航华东地区管理局通过民航行业监管执法信息系统", text);
        Assert.Contains("民航华东地区管理局2026年12月10日", text);
        Assert.Equal("huadong", rendered.Document.Bureau.Code);
    }

    [Fact]
    public void Templates_DeliveryCertificate_IsInternalAndNotAStatutoryForm()
    {
        var templates = Engine.Templates;
        Assert.DoesNotContain(templates.Forms, f => f.Internal || f.Id == "delivery-certificate");
        Assert.Null(templates.FindForm("delivery-certificate"));
        var form = templates.FindInternalForm("delivery-certificate");
        Assert.NotNull(form);
        Assert.Null(form.Series);
        Assert.Null(templates.FindInternalForm("notice-org"));
        using var empty = System.Text.Json.JsonDocument.Parse("{}");
        var (input, problems) = Engine.Validate("delivery-certificate", empty.RootElement);
        Assert.Null(input);
        Assert.Equal("form.unknown", Assert.Single(problems).Code);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
