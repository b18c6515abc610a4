using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Notifications;
using UglyToad.PdfPig;

namespace Ses.Service.Tests;

/// <summary>
/// The whole journey on one real service: issue → serve → open → confirm or deemed → paper → delivery certificate →
/// <c>ses verify</c> on the certificate, run as its own process.
/// </summary>
public sealed class JourneyTests : IAsyncLifetime
{
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 9, 30, 16, 45));
    private DevelopmentServiceFactory _factory = null!;
    private Notifications.SmtpTestServer _smtp = null!;

    public async ValueTask InitializeAsync()
    {
        _smtp = await Notifications.SmtpTestServer.StartAsync();
        _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-journey-").FullName, owns: true, _clock, new Dictionary<string, string>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Smtp:From"] = "民航西北地区管理局 SES <ses@xibei.caac.example>",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<int> DispatchAsync() =>
        await _factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(Ct);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    [Fact]
    public async Task Decision_ServedBothWays_OpenedConfirmedPaper_CertificateVerifies()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, names) = await world.CounterpartyAsync("全流程测试航空有限公司", accounts: 2);
        var (docId, number) = await world.IssueAsync(cp, "全流程测试航空有限公司", decision: true);
        var pdfSha = Str(await DeliveryWorld.Json(await world.Officer.GetAsync($"/api/documents/{docId}", Ct)), "pdfSha256")!;

        // Served on the eve of the National Day holiday (1–7 October 2026; 10 October is an adjusted working day).
        var served = await world.ServeAsync(docId);
        Assert.Equal("both", Str(served, "mode"));
        Assert.Equal("2026-10-10", Str(served, "deemedOn")); // 8 Oct, 9 Oct, then Saturday 10 Oct, an adjusted working day
        var id = Str(served, "id")!;

        // The contacts are told: an SMS per mobile (recorded in the outbox) and an email, sent to a real SMTP server.
        Assert.Equal(3, await DispatchAsync());
        var mail = Assert.Single(_smtp.Messages());
        Assert.Equal("ops@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains(number, mail.Subject);
        Assert.Contains("2026年10月10日视为送达", mail.TextBody);
        var sms = world.WithDb(db => db.NotificationMessages.Where(m => m.DeliveryId == Guid.Parse(id) && m.Channel == "sms").ToList());
        Assert.Equal(["13800000011", "13800000012"], sms.Select(m => m.Recipient).Order());
        Assert.All(sms, m => Assert.StartsWith("recorded:", m.ProviderAnswer));
        Assert.Contains(number, sms[0].Body);

        // The timeline's facts: as hashed for legal staff (they recompute the chain); the officer sees where, not the contacts.
        var legalView = (await DeliveryWorld.Json(await world.Legal.GetAsync($"/api/deliveries/{id}", Ct))).GetRawText();
        Assert.Contains("13800000011", legalView);
        var officerView = await DeliveryWorld.Json(await world.Officer.GetAsync($"/api/deliveries/{id}", Ct));
        Assert.DoesNotContain("13800000011", officerView.GetRawText());
        Assert.DoesNotContain("ops@example.com", officerView.GetRawText());
        Assert.Contains(officerView.GetProperty("timeline").EnumerateArray(), e => Str(e, "detail")!.Contains("138****0011", StringComparison.Ordinal));

        _clock.Now = TestClock.Beijing(2026, 10, 8, 9);
        var account = await world.AccountAsync(names[0]);
        var pdf = await account.GetByteArrayAsync($"/api/my/deliveries/{id}/pdf", Ct);
        Assert.Equal(pdfSha, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var confirmed = await DeliveryWorld.Json(await account.PostAsync($"/api/my/deliveries/{id}/confirm", null, Ct));
        Assert.Equal("2026-10-08", Str(confirmed, "electronicOn"));
        Assert.Equal("pending", Str(confirmed, "status"));

        _clock.Now = TestClock.Beijing(2026, 10, 12, 15);
        await world.SignInStaffAsync();
        var paper = await world.Officer.PostAsJsonAsync($"/api/deliveries/{id}/paper", new
        {
            deliveredOn = "2026-10-12", method = "EMS", trackingNumber = "EA000000001CN", signedBy = "王五",
            receiptBase64 = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), receiptName = "receipt.png",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);

        var response = await world.Legal.GetAsync($"/api/deliveries/{id}/certificate", Ct);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var certificate = await response.Content.ReadAsByteArrayAsync(Ct);
        using (var read = PdfDocument.Open(certificate))
        {
            var text = string.Concat(read.GetPages().Select(p => p.Text));
            var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            Assert.Contains(number, compact);
            Assert.Contains(pdfSha, compact);
            Assert.Contains("全流程测试航空有限公司", compact);
            Assert.Contains(names[0], compact);
            Assert.Contains("纸质送达", compact);
            Assert.Contains("ConsignmentAcceptance", compact);
            Assert.Contains("ConsignmentNotification", compact);
            Assert.Contains("申请行政复议期限", compact);
            Assert.Contains("北京时间", compact);
        }

        var file = Path.Combine(_factory.Folder, "certificate.pdf");
        await File.WriteAllBytesAsync(file, certificate, Ct);
        var (exit, output) = SesProcess.Run(_factory.Folder, new Dictionary<string, string>
        {
            ["Signing__DevelopmentCertificatesPath"] = Path.Combine(_factory.Folder, "certs"),
        }, "verify", file, "--json");
        Assert.True(exit == 0, output);
        using var report = JsonDocument.Parse(output);
        Assert.Contains("\"valid\":true", output.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
