using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Notifications;

namespace Ses.Service.Tests;

/// <summary>
/// Dates and texts agree everywhere: the defence period of a notice ends on the date printed in it (never earlier than
/// the 5th working day after delivery) in every view and on the certificate; what people read is Chinese and free of
/// internals; an SMS only recorded in the outbox reads as recorded, never as sent.
/// </summary>
public sealed partial class LegalTextsTests : IDisposable
{
    // Tuesday 8 December 2026, 10:00 Beijing time.
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 12, 8, 10));
    private readonly DevelopmentServiceFactory _factory;

    public LegalTextsTests() => _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-texts-").FullName, owns: true, _clock);

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static JsonElement Defence(JsonElement view) => view.GetProperty("deadlines").EnumerateArray().Single(d => Str(d, "period") == "defense");

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [Fact]
    public async Task Notice_WithALaterPrintedReplyDate_ThatDateIsTheDefenceDeadline_InEveryViewAndOnTheCertificate_InChineseWithoutInternals()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, accounts, names) = await world.CounterpartyAsync("期限一致测试航空");
        var draft = await DeliveryWorld.Json(await world.Officer.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org", counterpartyId = cp,
            data = new { actDate = "2026-11-02", actDescription = "在申请许可过程中提交虚假材料", replyDeadline = "2026-12-28" },
        }, Ct));
        var issued = await world.Officer.PostAsync($"/api/drafts/{Str(draft, "id")}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var docId = Str(await DeliveryWorld.Json(issued), "id")!;
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await world.Officer.GetByteArrayAsync($"/api/documents/{docId}/pdf", Ct)))
        {
            Assert.Contains("应当于2026年12月28日前", string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c))));
        }
        var id = Str(await world.ServeAsync(docId), "id")!;
        Assert.Equal(2, await _factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(Ct));

        // Confirmed the day it was served: the 5th working day after is 15 December, but the notice printed the 28th.
        var confirmed = await DeliveryWorld.Json(await accounts[0].PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct));
        Assert.Equal("2026-12-08", Str(confirmed, "deliveredOn"));
        var views = new[]
        {
            confirmed,
            await DeliveryWorld.Json(await accounts[0].GetAsync($"/api/my/deliveries/{id}", Ct)),
            (await DeliveryWorld.Json(await accounts[0].GetAsync("/api/my/deliveries", Ct))).EnumerateArray().Single(),
            await DeliveryWorld.Json(await world.Legal.GetAsync($"/api/deliveries/{id}", Ct)),
            (await DeliveryWorld.Json(await world.Legal.GetAsync("/api/deliveries?number=" + Uri.EscapeDataString(Str(confirmed, "number")!), Ct)))
                .EnumerateArray().Single(),
        };
        foreach (var view in views)
        {
            var defence = Defence(view);
            Assert.Equal("2026-12-28", Str(defence, "lastDay"));
            Assert.Contains("实施办法第十三条", Str(defence, "rule"));
            Assert.Contains("应当于2026年12月28日前", Str(defence, "basis"));
            Assert.DoesNotMatch("[A-Za-z]{4,}", Str(defence, "rule"));
            Assert.StartsWith("受送达人账号", Str(view, "deliveryRuleText"));
            Assert.Contains("以确认收讫之日为送达日（《关于使用民航行业监管执法信息系统（SES）的确认函》第二条第四项）", Str(view, "deliveryRuleText"));
        }

        // The timeline: Chinese labels beside the ETSI names; the SMS only recorded, never "sent".
        var timeline = views[3].GetProperty("timeline").EnumerateArray().ToList();
        var recorded = timeline.Where(e => Str(e, "action") == "notification-recorded").ToList();
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, e => Assert.Equal("短信已记录（未发送）", Str(e, "label")));
        Assert.All(recorded, e => Assert.Contains("已记录（未发送）", Str(e, "text")));
        Assert.DoesNotContain(timeline, e => Str(e, "action") == "notified");
        Assert.Equal("受送达人账号 " + names[0], Str(timeline.Single(e => Str(e, "action") == "confirmed"), "actorText"));

        var certificate = await world.Legal.GetByteArrayAsync($"/api/deliveries/{id}/certificate", Ct);
        using var read = UglyToad.PdfPig.PdfDocument.Open(certificate);
        var text = string.Concat(string.Concat(read.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("陈述和申辩期限2026年12月28日", text);
        Assert.Contains("告知书载明「应当于2026年12月28日前」", text);
        Assert.Contains("短信已记录（未发送）", text);
        Assert.Contains("138****0011", text);
        Assert.Contains("受送达人账号" + names[0], text);
        Assert.Contains("ConsignmentAcceptance", text); // ETSI names may stay beside the Chinese
        Assert.Contains("民航行业严重失信行为认定告知书（组织）", text);
        foreach (var internals in new[] { "deemedRule", "effect=", "answer", "recorded:", "notice-org", "13800000011", "13800000012", "seed", "account:", "=" })
        {
            Assert.DoesNotContain(internals, text);
        }
        Assert.DoesNotMatch(Guid(), text);
    }
}
