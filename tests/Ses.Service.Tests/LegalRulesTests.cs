using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ses.Service.Tests;

/// <summary>
/// Rules of docs/legal-basis.md that no other test proves on its own: each series of each bureau has its own
/// sequence, and a record under the general case is valid one year and repairable after three months.
/// </summary>
public sealed class LegalRulesTests : IDisposable
{
    private readonly TestClock _clock = new(TestClock.Beijing(2026, 3, 2, 10));
    private readonly DevelopmentServiceFactory _factory;

    public LegalRulesTests() => _factory = new DevelopmentServiceFactory(Directory.CreateTempSubdirectory("ses-rules-").FullName, owns: true, _clock);

    public void Dispose() => _factory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Numbers_EachSeriesOfEachBureau_CountsFromOneInTheYearOfIssue()
    {
        var xibei = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, _) = await xibei.CounterpartyAsync("编号测试公司", accounts: 0);
        var huadong = await DeliveryWorld.CreateAsync(_factory, "huadong");
        var (other, _, _) = await huadong.CounterpartyAsync("华东编号测试公司", accounts: 0);

        Assert.Equal("西北局信告字〔2026〕1号", (await xibei.IssueAsync(cp, "编号测试公司")).Number);
        Assert.Equal("西北局信决字〔2026〕1号", (await xibei.IssueAsync(cp, "编号测试公司", decision: true)).Number);
        Assert.Equal("华东局信告字〔2026〕1号", (await huadong.IssueAsync(other, "华东编号测试公司")).Number);
        Assert.Equal("西北局信告字〔2026〕2号", (await xibei.IssueAsync(cp, "编号测试公司")).Number);
    }

    [Fact]
    public async Task Decision_GeneralCase_RecordIsValidOneYearAndRepairableAfterThreeMonths_FromThePaperDelivery()
    {
        var world = await DeliveryWorld.CreateAsync(_factory);
        var (cp, _, names) = await world.CounterpartyAsync("一般情形测试公司");
        var (docId, _) = await world.IssueAsync(cp, "一般情形测试公司", decision: true, validityCase: "general");
        var id = (await world.ServeAsync(docId, "both")).GetProperty("id").GetString();

        _clock.Now = TestClock.Beijing(2026, 3, 31, 10);
        await world.SignInStaffAsync();
        var paper = await world.Officer.PostAsJsonAsync($"/api/deliveries/{id}/paper", new
        {
            deliveredOn = "2026-03-31", method = "EMS", signedBy = "张三", receiptBase64 = Convert.ToBase64String("%PDF-1.7\n% receipt\n"u8.ToArray()),
        }, Ct);
        var delivered = await DeliveryWorld.Json(paper);
        Assert.True(paper.StatusCode == HttpStatusCode.OK, delivered.ToString());

        var deadlines = delivered.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("period").GetString()!);
        Assert.Equal("2027-03-31", deadlines["validity"].GetProperty("lastDay").GetString());
        // No 31 June: three months after 31 March end on 30 June; an application is accepted from 1 July.
        Assert.Equal("2026-07-01", deadlines["repair"].GetProperty("lastDay").GetString());
        Assert.Contains("2026-06-30 届满后，自次日起可以申请", deadlines["repair"].GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.Contains("实施办法第十七条", deadlines["validity"].GetProperty("basis").GetString());
        Assert.Contains("实施办法第十八条", deadlines["repair"].GetProperty("basis").GetString());
        Assert.DoesNotContain("第八条", deadlines["validity"].GetProperty("basis").GetString());
        Assert.Equal(JsonValueKind.False, deadlines["validity"].GetProperty("provisional").ValueKind);

        // The same first day in the counterparty's inbox and on the delivery certificate.
        var inbox = await (await world.AccountAsync(names[0])).GetStringAsync("/inbox", Ct);
        Assert.Contains("最早可申请信用修复：<time class=\"date\" datetime=\"2026-07-01\">", inbox, StringComparison.Ordinal);
        using var certificate = UglyToad.PdfPig.PdfDocument.Open(await world.Legal.GetByteArrayAsync($"/api/deliveries/{id}/certificate", Ct));
        var text = string.Concat(string.Concat(certificate.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("最早可申请信用修复2026年7月1日", text, StringComparison.Ordinal);
    }
}
