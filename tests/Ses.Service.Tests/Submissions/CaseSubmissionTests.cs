using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Submissions;

/// <summary>
/// Submissions that carry a credit case: a statement on the case's notice records the case's statement step, so the
/// officer reviews it as usual (实施办法第十三条第二款); a repair application filled in online for an eligible record is
/// received into the repair queue (实施办法第十八条), and refused with the procedure's codes while too early or for a
/// person recorded with the organisation (实施办法第十九条).
/// </summary>
public sealed class CaseSubmissionTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Statement_OnTheCasesNotice_MovesTheCaseToStatementReview()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xibei");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}";
        await CaseWorld.Step(world.Officer, $"{path}/collection", new { legalRepresentative = new { name = "周某", idValue = "610113197805120038" } });
        await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        var view = await CaseWorld.Step(world.Officer, $"{path}/notice", new { contact = "王某" });
        Assert.Equal("statement", view.GetProperty("state").GetString());
        var delivery = await world.DeliveryOfAsync(view, "notice");

        factory.Clock.Now = TestClock.Beijing(2026, 10, 9, 11);
        await world.SignInAsync();
        var account = await world.Delivery.AccountAsync(world.AccountName);
        var response = await account.PostAsJsonAsync($"/api/my/deliveries/{delivery}/statement", new
        {
            text = "延误系空管流量控制所致，请求不予记入。",
            attachments = new[] { SubmissionFiles.File("流量控制通知.pdf", SubmissionFiles.Pdf), SubmissionFiles.File("现场照片.png", SubmissionFiles.Png) },
        }, Ct);
        var submitted = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, submitted.ToString());
        Assert.True(submitted.GetProperty("caseStepRecorded").GetBoolean());
        Assert.Equal(id, submitted.GetProperty("caseId").GetString());

        // The case's statement step, from the account, on the submission's Beijing date, with its text and first file.
        view = await world.ReadAsync(id);
        Assert.Equal("statement-review", view.GetProperty("state").GetString());
        var step = CaseWorld.LastStep(view);
        Assert.Equal("statement", step.GetProperty("step").GetString());
        Assert.Equal("2026-10-09", step.GetProperty("doneOn").GetString());
        Assert.Equal("account:" + world.AccountName, step.GetProperty("doneBy").GetString());
        Assert.Equal("流量控制通知.pdf", step.GetProperty("fileName").GetString());
        Assert.Contains("延误系空管流量控制所致", step.GetProperty("note").GetString());
        Assert.Contains("现场照片.png", step.GetProperty("note").GetString());

        // The officer reviews it as usual; a second statement is still received and kept on the notice, the case unchanged.
        await CaseWorld.Step(world.Officer, $"{path}/statement-review", new { adopted = false, reason = "理由不成立" });
        var again = await Json(await account.PostAsJsonAsync($"/api/my/deliveries/{delivery}/statement", new { text = "补充意见。" }, Ct));
        Assert.False(again.GetProperty("caseStepRecorded").GetBoolean());
        Assert.Equal("meeting", (await world.ReadAsync(id)).GetProperty("state").GetString());
        var documentId = view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "notice")
            .GetProperty("documentId").GetString();
        Assert.Equal(2, (await world.Officer.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}/submissions", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task RepairApplication_Online_RefusedTooEarlyAndForAPerson_ThenReceivedWithItsReceipt()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "xinjiang");
        var caseId = await world.RecordedAsync("2026-07-01");
        var record = await world.RecordOfAsync(caseId);
        var recordId = record.GetProperty("id").GetString()!;
        var person = record.GetProperty("persons").EnumerateArray().First().GetProperty("id").GetString()!;
        var account = await world.Delivery.AccountAsync(world.AccountName);

        // The counterparty's records: its own with the first day a repair may be applied for; the persons' not applicable.
        var mine = await account.GetFromJsonAsync<JsonElement>("/api/my/records", Ct);
        var own = mine.EnumerateArray().Single(r => r.GetProperty("id").GetString() == recordId);
        Assert.Equal("2026-10-02", own.GetProperty("repairEligibleFrom").GetString());
        Assert.False(own.GetProperty("canApply").GetBoolean());
        Assert.Contains("2026年10月2日", own.GetProperty("notApplicable").GetString());
        var linked = mine.EnumerateArray().Single(r => r.GetProperty("id").GetString() == person);
        Assert.True(linked.GetProperty("linked").GetBoolean());
        Assert.False(linked.GetProperty("canApply").GetBoolean());

        var application = new
        {
            recordId, explanation = "已完成整改，建立航班延误服务保障制度。", newEvidence = true,
            attachments = new[] { SubmissionFiles.File("整改报告.pdf", SubmissionFiles.Pdf) },
        };
        await CaseWorld.Refused(account, "/api/my/repairs", application, HttpStatusCode.BadRequest, "repair.too-early", "recordId");
        await CaseWorld.Refused(account, "/api/my/repairs", application with { recordId = person }, HttpStatusCode.BadRequest,
            "repair.person-alone", "recordId");
        await CaseWorld.Refused(account, "/api/my/repairs", application with { attachments = new[] { SubmissionFiles.File("整改报告.docx", SubmissionFiles.Pdf) } },
            HttpStatusCode.BadRequest, "submission.file.content", "attachments[0].base64");
        Assert.Empty(await world.Officer.GetFromJsonAsync<JsonElement[]>($"/api/repairs?recordId={recordId}", Ct) ?? []);

        // After the waiting period: received on the bureau's behalf today, in the officer's repair queue.
        factory.Clock.Now = TestClock.Beijing(2026, 10, 9, 14, 5);
        await world.SignInAsync();
        account = await world.Delivery.AccountAsync(world.AccountName);
        Assert.True((await account.GetFromJsonAsync<JsonElement>("/api/my/records", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == recordId).GetProperty("canApply").GetBoolean());
        var response = await account.PostAsJsonAsync("/api/my/repairs", application, Ct);
        var submitted = await Json(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, submitted.ToString());
        Assert.Equal(["民航行业严重失信行为修复申请书.pdf", "整改报告.pdf"],
            submitted.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var queue = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/repairs?recordId={recordId}", Ct);
        var repair = queue.EnumerateArray().Single();
        Assert.Equal(("meeting", "2026-10-09"), (repair.GetProperty("state").GetString(), repair.GetProperty("receivedOn").GetString()));
        Assert.Equal(repair.GetProperty("id").GetString(), submitted.GetProperty("repairId").GetString());
        await CaseWorld.Refused(account, "/api/my/repairs", application, HttpStatusCode.Conflict, "repair.open");

        // The receipt names the record and every file; ses verify and pdfsig accept it. The bureau sees it on the record.
        var pdf = await account.GetByteArrayAsync(submitted.GetProperty("receiptUrl").GetString(), Ct);
        var text = ReceiptChecks.Text(pdf);
        Assert.Contains("电子提交回执", text);
        Assert.Contains("信用修复申请", text);
        Assert.Contains(record.GetProperty("decisionNumber").GetString()!, text);
        Assert.Contains("整改报告.pdf", text);
        Assert.Contains("民航行业严重失信行为修复申请书.pdf", text);
        Assert.Contains("北京时间2026-10-0914:05:00", text);
        ReceiptChecks.Verified(factory, pdf, "repair-receipt");
        var seen = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}/submissions", Ct);
        Assert.Equal(submitted.GetProperty("id").GetString(), seen.EnumerateArray().Single().GetProperty("id").GetString());
        var form = await world.Officer.GetByteArrayAsync($"/api/submissions/{submitted.GetProperty("id").GetString()}/files/1", Ct);
        Assert.Contains("已完成整改", ReceiptChecks.Text(form));
    }
}
