using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ses.Service.Accounts;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Submissions;

/// <summary>
/// Statements and defences submitted online against a served notice (实施办法第十三条): from any account of the
/// counterparty, within the period and after it (accepted, marked late with the working days), each answered at once
/// with a signed, timestamped receipt that <c>ses verify</c> and pdfsig accept; seen by the bureau's officers on the
/// notice; refused, with nothing stored, for a file whose content is not what its name says, an oversized file, another
/// counterparty's delivery, a document that is not a notice, and staff.
/// </summary>
public sealed class StatementTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Statement_InTimeThenLate_MarkedWithWorkingDays_ReceiptsVerify()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30, 9, 15);
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, accounts, names) = await world.CounterpartyAsync("陈述申辩测试航空有限公司", accounts: 2);
        var (docId, number) = await world.IssueAsync(cp, "陈述申辩测试航空有限公司");
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;

        // Before the delivery date is fixed the period's last day is not known, and a statement is in time.
        var open = await accounts[0].GetFromJsonAsync<JsonElement>($"/api/my/deliveries/{delivery}/statement", Ct);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("lastDay").ValueKind);
        Assert.False(open.GetProperty("late").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await accounts[0].PostAsync($"/api/my/deliveries/{delivery}/confirm", null, Ct)).StatusCode);

        // The period's last day: the one date the inbox shows for the notice (实施办法第十三条).
        var period = await accounts[1].GetFromJsonAsync<JsonElement>($"/api/my/deliveries/{delivery}/statement", Ct);
        var inbox = await accounts[1].GetFromJsonAsync<JsonElement>($"/api/my/deliveries/{delivery}", Ct);
        var lastDay = DateOnly.Parse(period.GetProperty("lastDay").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(inbox.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("period").GetString() == "defense")
            .GetProperty("lastDay").GetString(), period.GetProperty("lastDay").GetString());

        // In time, from the second account, with two files.
        const string text = "我公司对告知书认定的事实有异议，理由如下：航班延误系天气原因。";
        var response = await accounts[1].PostAsJsonAsync($"/api/my/deliveries/{delivery}/statement", new
        {
            text, attachments = new[] { SubmissionFiles.File("情况说明.pdf", SubmissionFiles.Pdf), SubmissionFiles.File("气象资料.png", SubmissionFiles.Png) },
        }, Ct);
        var first = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, first.ToString());
        Assert.False(first.GetProperty("late").GetBoolean());
        Assert.Equal(0, first.GetProperty("lateWorkingDays").GetInt32());
        Assert.Equal(names[1], first.GetProperty("accountName").GetString());
        Assert.True(first.GetProperty("receiptReady").GetBoolean());
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(text)), first.GetProperty("textSha256").GetString());

        var receipt = await accounts[1].GetAsync(first.GetProperty("receiptUrl").GetString(), Ct);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        var pdf = await receipt.Content.ReadAsByteArrayAsync(Ct);
        var read = ReceiptChecks.Text(pdf);
        Assert.Contains("电子提交回执", read);
        Assert.Contains("陈述和申辩", read);
        Assert.Contains("陈述申辩测试航空有限公司", read);
        Assert.Contains(names[1], read);
        Assert.Contains(number, read);
        Assert.Contains("情况说明.pdf", read);
        Assert.Contains("气象资料.png", read);
        Assert.Contains(Sha(SubmissionFiles.Pdf), read);
        Assert.Contains(Sha(SubmissionFiles.Png), read);
        Assert.Contains(Sha(Encoding.UTF8.GetBytes(text)), read);
        Assert.Contains("北京时间2026-09-3009:15:00", read);
        Assert.Contains("本次提交在期限内", read);
        ReceiptChecks.Verified(factory, pdf, "statement-receipt");

        // Three days after the last day: accepted, marked late with the working days after it.
        factory.Clock.Now = TestClock.Beijing(lastDay.Year, lastDay.Month, lastDay.Day, 16, 30).AddDays(3);
        var expected = Enumerable.Range(1, 3).Select(lastDay.AddDays).Count(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday);
        var late = await world.AccountAsync(names[0]);
        await world.SignInStaffAsync();
        response = await late.PostAsJsonAsync($"/api/my/deliveries/{delivery}/statement", new { text = "补充陈述：逾期提交。" }, Ct);
        var second = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, second.ToString());
        Assert.True(second.GetProperty("late").GetBoolean());
        Assert.Equal(expected, second.GetProperty("lateWorkingDays").GetInt32());
        Assert.Equal(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), second.GetProperty("periodLastDay").GetString());
        var latePdf = await late.GetByteArrayAsync(second.GetProperty("receiptUrl").GetString(), Ct);
        Assert.Contains($"本次提交已逾期{expected}个工作日", ReceiptChecks.Text(latePdf));
        Assert.Contains("本次提交未附文件", ReceiptChecks.Text(latePdf));
        ReceiptChecks.Verified(factory, latePdf, "late-statement-receipt");

        // The bureau's officers see both on the notice, oldest first, and download the receipt and the files.
        var seen = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/documents/{docId}/submissions", Ct);
        Assert.Equal([false, true], seen.EnumerateArray().Select(s => s.GetProperty("late").GetBoolean()));
        var staffReceipt = seen[0].GetProperty("receiptUrl").GetString()!;
        Assert.StartsWith("/api/submissions/", staffReceipt);
        Assert.Equal(pdf, await world.Legal.GetByteArrayAsync(staffReceipt, Ct));
        Assert.Equal(SubmissionFiles.Png, await world.Officer.GetByteArrayAsync($"/api/submissions/{seen[0].GetProperty("id").GetString()}/files/2", Ct));
        Assert.Equal(2, (await late.GetFromJsonAsync<JsonElement>("/api/my/submissions", Ct)).GetArrayLength());

        // Evidence: the submission and its receipt.
        var evidence = world.WithDb(db => db.EvidenceEntries.Where(e => e.Subject.Contains(seen[0].GetProperty("id").GetString()!)).OrderBy(e => e.Sequence)
            .Select(e => e.Event).ToList());
        Assert.Equal(["SubmissionReceived", "SubmissionAcceptance"], evidence);

        // Another bureau sees none of it; an account never sees staff routes.
        var other = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xinjiang", StaffRole.Officer));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/documents/{docId}/submissions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(staffReceipt, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await late.GetAsync($"/api/documents/{docId}/submissions", Ct)).StatusCode);
    }

    [Fact]
    public async Task Statement_Refusals_StoreNothing()
    {
        // Earlier than the other test of the class: the development certificates are made when the service starts, at the clock's time.
        factory.Clock.Now = TestClock.Beijing(2026, 9, 1);
        var world = await DeliveryWorld.CreateAsync(factory);
        var (cp, accounts, _) = await world.CounterpartyAsync("拒收测试航空有限公司");
        var (docId, _) = await world.IssueAsync(cp, "拒收测试航空有限公司");
        var delivery = (await world.ServeAsync(docId)).GetProperty("id").GetString()!;
        var path = $"/api/my/deliveries/{delivery}/statement";
        var account = accounts[0];

        // A file whose content is not what its name says, named in the message.
        await Refused(account, path, new { text = "见附件", attachments = new[] { SubmissionFiles.File("申辩书.pdf", SubmissionFiles.Png) } },
            "attachments[0].base64", "submission.file.content", "申辩书.pdf");
        await Refused(account, path, new { text = "见附件", attachments = new[] { SubmissionFiles.File("申辩书.exe", SubmissionFiles.Pdf) } },
            "attachments[0].name", "submission.file.type", "申辩书.exe");
        // Oversized: more than 5 MB.
        var big = new byte[5 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(big);
        await Refused(account, path, new { attachments = new[] { SubmissionFiles.File("大文件.pdf", big) } }, "attachments[0].base64",
            "submission.file.size", "大文件.pdf");
        await Refused(account, path, new { attachments = Enumerable.Repeat(SubmissionFiles.File("a.pdf", SubmissionFiles.Pdf), 6).ToArray() },
            "attachments", "submission.file.count", "5");
        await Refused(account, path, new { text = " " }, "text", "submission.empty", "陈述和申辩意见");
        await Refused(account, path, new { text = "x", attachments = new[] { new { name = "a.pdf", base64 = "不是base64" } } },
            "attachments[0].base64", "field.base64", "a.pdf");

        // Another counterparty's delivery is not found; a decision is not a notice; staff cannot submit.
        var (otherCp, otherAccounts, _) = await world.CounterpartyAsync("另一相对人有限公司");
        Assert.Equal(HttpStatusCode.NotFound,
            (await otherAccounts[0].PostAsJsonAsync(path, new { text = "冒名提交" }, Ct)).StatusCode);
        var (decision, _) = await world.IssueAsync(otherCp, "另一相对人有限公司", decision: true);
        var decisionDelivery = (await world.ServeAsync(decision, "both")).GetProperty("id").GetString()!;
        var notNotice = await otherAccounts[0].PostAsJsonAsync($"/api/my/deliveries/{decisionDelivery}/statement", new { text = "申辩" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, notNotice.StatusCode);
        Assert.Equal("submission.not-a-notice", (await Json(notNotice)).GetProperty("code").GetString());
        var staff = await world.Officer.PostAsJsonAsync(path, new { text = "工作人员代交" }, Ct);
        Assert.Contains(staff.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        Assert.Equal(0, world.WithDb(db => db.Submissions.Count(s => s.CounterpartyId == Guid.Parse(cp) || s.CounterpartyId == Guid.Parse(otherCp))));
        Assert.Empty(await account.GetFromJsonAsync<JsonElement[]>("/api/my/submissions", Ct) ?? []);
    }

    private static async Task Refused(HttpClient client, string path, object body, string field, string code, string named)
    {
        var response = await client.PostAsJsonAsync(path, body, Ct);
        var json = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, json.ToString());
        Assert.Contains(json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == field
            && p.GetProperty("code").GetString() == code && p.GetProperty("message").GetString()!.Contains(named, StringComparison.Ordinal)
            && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));
    }

    private static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));
}
