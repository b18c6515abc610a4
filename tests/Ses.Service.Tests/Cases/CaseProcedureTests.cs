using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Data;
using Ses.Service.Records;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// Whole credit cases through the API on an injected clock across the 2026 National Day holiday (10-01/07 rest days,
/// 10-10 a working Saturday): collection → leader approval → notice served → deemed delivered → no statement → meeting →
/// decision served both ways → transfer slip → entry (实施办法第十二条至第十四条); a statement adopted and closed without a
/// record (第十三条第二款); documents produced from the case's data; late steps recorded with their working days.
/// </summary>
public sealed class CaseProcedureTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Collection = new
    {
        legalRepresentative = new { name = "周某", idValue = "610113197805120038", phone = "13991234567" },
        persons = new[] { new { name = "郑某", idValue = "610112199003140515", position = "质量部经理" } },
    };

    [Fact]
    public async Task WholeCase_NoStatement_DecisionServedBothWays_TransferredLate_Entered()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xibei");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}";

        // Collection: the organisation's legal representative is required (实施办法第八条第三款; the form asks for one).
        await CaseWorld.Refused(world.Officer, $"{path}/collection", new { }, HttpStatusCode.BadRequest, "field.required", "legalRepresentative");
        var view = await CaseWorld.Step(world.Officer, $"{path}/collection", Collection);
        Assert.Equal("notice-approval", view.GetProperty("state").GetString());
        var collected = CaseWorld.LastStep(view);
        Assert.Equal("2026-10-16", collected.GetProperty("dueDate").GetString()); // 10 working days after 09-28, across National Day
        Assert.Equal(0, collected.GetProperty("lateWorkingDays").GetInt32());
        Assert.Equal(["legal-rep", "responsible"], view.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("role").GetString()));

        // Only the leader approves; a step out of order is refused and changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"/api/approvals/{id}", new { approve = true }, Ct)).StatusCode);
        await CaseWorld.Refused(world.Officer, $"{path}/notice", null, HttpStatusCode.Conflict, "case.step.state");
        var waiting = await world.Leader.GetFromJsonAsync<JsonElement>("/api/approvals", Ct);
        Assert.Contains(waiting.EnumerateArray(), a => a.GetProperty("caseId").GetString() == id);
        view = await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        Assert.Equal("notice", view.GetProperty("state").GetString());
        Assert.Equal("approved", CaseWorld.LastStep(view).GetProperty("result").GetString());

        // The notice, issued from the case and served electronically on 09-30: deemed delivered on the 3rd working day
        // (10-10) at the latest; the period runs 5 full working days after that (10-12 … 10-16), so the notice states
        // 「应当于2026年10月19日前」, the next working day — the one date the case uses.
        view = await CaseWorld.Step(world.Officer, $"{path}/notice", new { contact = "王某" });
        Assert.Equal("statement", view.GetProperty("state").GetString());
        Assert.Equal("2026-10-19", view.GetProperty("replyDeadline").GetString());
        Assert.Equal("2026-10-19", view.GetProperty("next").GetProperty("dueDate").GetString());
        var noticeNumber = CaseWorld.LastStep(view).GetProperty("documentNumber").GetString()!;
        Assert.StartsWith("西北局信告字〔2026〕", noticeNumber);
        var noticeText = await PdfText(world, CaseWorld.LastStep(view).GetProperty("documentId").GetString()!);
        Assert.Contains("未按规定向旅客提供航班延误服务", noticeText); // the act, from the case
        Assert.Contains("2026年10月19日前", noticeText); // the one reply date, as the case holds it
        await CaseWorld.Refused(world.Officer, $"{path}/no-statement", null, HttpStatusCode.Conflict, "case.statement.period-open");

        // The day after the stated date, nobody having confirmed: the job deems the notice delivered; no statement → the meeting.
        factory.Clock.Now = TestClock.Beijing(2026, 10, 20);
        await world.Delivery.RunJobAsync();
        await world.SignInAsync();
        view = await CaseWorld.Step(world.Officer, $"{path}/no-statement");
        Assert.Equal("meeting", view.GetProperty("state").GetString());
        await CaseWorld.Refused(world.Officer, $"{path}/meeting", new { heldOn = "2026-10-20" }, HttpStatusCode.BadRequest, "field.required", "minutes");
        await CaseWorld.Refused(world.Officer, $"{path}/meeting", new { heldOn = "2026-10-21", minutes = Minutes }, HttpStatusCode.BadRequest,
            "case.date-in-future", "heldOn");
        view = await CaseWorld.Step(world.Officer, $"{path}/meeting",
            new { heldOn = "2026-10-20", kind = "bureau", minutes = Minutes, minutesName = "纪要.pdf" });
        Assert.Equal("decision", view.GetProperty("state").GetString());
        Assert.Equal("2026-10-29", view.GetProperty("next").GetProperty("dueDate").GetString()); // 7 working days after 10-20

        // The decision, an important document: served both ways by default; the transfer waits for its delivery.
        await CaseWorld.Refused(world.Officer, $"{path}/decision", new { mode = "electronic" }, HttpStatusCode.BadRequest, "serve.important-both", "mode");
        view = await CaseWorld.Step(world.Officer, $"{path}/decision", new { });
        Assert.EndsWith("信决字〔2026〕1号", CaseWorld.LastStep(view).GetProperty("documentNumber").GetString()); // the refusal took no number
        Assert.Equal("transfer", view.GetProperty("state").GetString());
        Assert.StartsWith("西北局信决字〔2026〕", CaseWorld.LastStep(view).GetProperty("documentNumber").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("next").GetProperty("dueDate").ValueKind);
        var listed = (await world.Officer.GetFromJsonAsync<JsonElement>("/api/cases/mine", Ct)).EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(("等待认定决定书送达", JsonValueKind.Null),
            (listed.GetProperty("next").GetProperty("step").GetString(), listed.GetProperty("next").GetProperty("dueDate").ValueKind));
        await CaseWorld.Refused(world.Officer, $"{path}/transfer", new { }, HttpStatusCode.Conflict, "case.not-delivered");
        var delivery = await world.DeliveryOfAsync(view, "decision");
        var paper = await world.Officer.PostAsJsonAsync($"/api/deliveries/{delivery}/paper", new
        {
            deliveredOn = "2026-10-20", method = "EMS", trackingNumber = "EA123456789CN", signedBy = "周某",
            receiptBase64 = Convert.ToBase64String("%PDF-1.7\n% receipt\n"u8.ToArray()), receiptName = "回证.pdf",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.Equal("2026-10-23", (await world.ReadAsync(id)).GetProperty("next").GetProperty("dueDate").GetString());

        // Transferred on 10-27: 2 working days after the due date 10-23 (10-26, 10-27) — recorded, not refused.
        factory.Clock.Now = TestClock.Beijing(2026, 10, 27);
        await world.SignInAsync();
        view = await CaseWorld.Step(world.Officer, $"{path}/transfer", new { });
        var transfer = CaseWorld.LastStep(view);
        Assert.Equal(("2026-10-23", 2), (transfer.GetProperty("dueDate").GetString(), transfer.GetProperty("lateWorkingDays").GetInt32()));
        Assert.Equal("entry", view.GetProperty("state").GetString());
        Assert.Equal("2026-10-30", view.GetProperty("next").GetProperty("dueDate").GetString());

        // Legal staff enter it; an officer cannot.
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"/api/entries/{id}", new { }, Ct)).StatusCode);
        Assert.Contains((await world.Legal.GetFromJsonAsync<JsonElement>("/api/entries", Ct)).EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        view = await CaseWorld.Step(world.Legal, $"/api/entries/{id}", new { });
        Assert.Equal("recorded", view.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("next").ValueKind);

        // The record, entered in the same transaction: valid 1 year from the decision's delivery (实施办法第十七条), repair
        // possible from the day after 3 months from the entry (第十八条), the two persons linked (第八条第三款).
        var records = await world.Legal.GetFromJsonAsync<JsonElement>("/api/records", Ct);
        var record = records.GetProperty("records").EnumerateArray()
            .Single(r => r.GetProperty("caseId").GetString() == id && r.GetProperty("linkedToRecordId").ValueKind == JsonValueKind.Null);
        Assert.Equal(("2026-10-20", "2027-10-20", "2027-01-28", "in-force"), (record.GetProperty("decisionDeliveredOn").GetString(),
            record.GetProperty("validUntil").GetString(), record.GetProperty("repairEligibleFrom").GetString(), record.GetProperty("state").GetString()));
        Assert.Equal(2, record.GetProperty("persons").GetArrayLength());

        // Expiry (实施办法第十七条): in force through its last day, removed by the job from the next.
        factory.Clock.Now = TestClock.Beijing(2027, 10, 20, 23, 30);
        Assert.Equal(0, await ExpireAsync());
        factory.Clock.Now = TestClock.Beijing(2027, 10, 21, 0, 30);
        Assert.Equal(3, await ExpireAsync()); // the organisation's record and its two linked persons
        await world.SignInAsync();
        var expired = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{record.GetProperty("id").GetString()}", Ct);
        Assert.Equal(("expired", "2027-10-21"), (expired.GetProperty("state").GetString(), expired.GetProperty("removedOn").GetString()));
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);

        // Every step is in the timeline and the evidence log.
        Assert.Equal(["opened", "collection", "notice-approval", "notice", "no-statement", "meeting", "decision", "transfer", "entry"],
            view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        Assert.Equal(8, await db.EvidenceEntries.CountAsync(e => e.Event == "CaseStepRecorded" && e.Subject == $"信用案件 {id}", Ct));
    }

    [Fact]
    public async Task StatementAdopted_LeaderApproves_ClosedWithoutRecord()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "huabei");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}";
        await CaseWorld.Step(world.Officer, $"{path}/collection", Collection);
        await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        await CaseWorld.Step(world.Officer, $"{path}/notice", new { });

        // The statement arrives on 10-12; the review is due 7 working days later (10-21).
        factory.Clock.Now = TestClock.Beijing(2026, 10, 12);
        await world.SignInAsync();
        await CaseWorld.Refused(world.Officer, $"{path}/statement", new { }, HttpStatusCode.BadRequest, "field.required", "text");
        var view = await CaseWorld.Step(world.Officer, $"{path}/statement", new { text = "航班延误系天气原因，已按规定提供服务，附证明材料。", file = Minutes, fileName = "申辩.pdf" });
        Assert.Equal("statement-review", view.GetProperty("state").GetString());
        Assert.Equal("2026-10-21", view.GetProperty("next").GetProperty("dueDate").GetString());
        view = await CaseWorld.Step(world.Officer, $"{path}/statement-review", new { adopted = true, reason = "天气原因属实，理由成立" });
        Assert.Equal("close-approval", view.GetProperty("state").GetString());
        Assert.Equal("adopted", CaseWorld.LastStep(view).GetProperty("result").GetString());
        view = await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        Assert.Equal("not-recorded", view.GetProperty("state").GetString());
        Assert.DoesNotContain((await world.Officer.GetFromJsonAsync<JsonElement>("/api/cases/mine", Ct)).EnumerateArray(),
            c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ChangingTheCaseBeforeTheNotice_ChangesTheNotice_AfterwardsRefused()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "dongbei");
        var id = await world.OpenAsync();
        var path = $"/api/cases/{id}";
        Assert.Contains("未按规定向旅客提供航班延误服务", await Preview(world, path));

        var body = new
        {
            act = "在申请许可过程中提交虚假材料", facts = "经查，提交的安全检查记录系伪造。", actDate = "2026-09-11", clauses = new[] { "8-1-3" },
            decisionNumber = "东北局罚〔2026〕3号", decisionDate = "2026-09-28", decisionIssuer = "民航东北地区管理局",
        };
        var changed = await world.Officer.PutAsJsonAsync(path, body, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var preview = await Preview(world, path);
        Assert.Contains("在申请许可过程中提交虚假材料", preview);
        Assert.DoesNotContain("航班延误", preview);
        var view = await world.ReadAsync(id);
        Assert.Equal(3, view.GetProperty("validityYears").GetInt32());
        Assert.Equal("amended", CaseWorld.LastStep(view).GetProperty("step").GetString());

        // A bad change is refused with its field and changes nothing.
        var bad = await world.Officer.PutAsJsonAsync(path, body with { clauses = NoSuchClause }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("8-1-3", (await world.ReadAsync(id)).GetProperty("governingClause").GetString());

        await CaseWorld.Step(world.Officer, $"{path}/collection", Collection);
        await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = true });
        view = await CaseWorld.Step(world.Officer, $"{path}/notice", new { });
        Assert.Contains("在申请许可过程中提交虚假材料", await PdfText(world, CaseWorld.LastStep(view).GetProperty("documentId").GetString()!));
        var late = await world.Officer.PutAsJsonAsync(path, body, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("case.step.state", (await late.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task LeaderReturnsTheNotice_BackToCollection_WithTheNote()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await CaseWorld.CreateAsync(factory, "xinan");
        var id = await world.OpenAsync();
        await CaseWorld.Step(world.Officer, $"/api/cases/{id}/collection", Collection);
        await CaseWorld.Refused(world.Leader, $"/api/approvals/{id}", new { approve = false }, HttpStatusCode.BadRequest, "field.required", "note");
        var view = await CaseWorld.Step(world.Leader, $"/api/approvals/{id}", new { approve = false, note = "事实部分请补充证据" });
        Assert.Equal("collecting", view.GetProperty("state").GetString());
        Assert.Equal(("returned", "事实部分请补充证据"), (CaseWorld.LastStep(view).GetProperty("result").GetString(),
            CaseWorld.LastStep(view).GetProperty("note").GetString()));
        // Another bureau's leader does not find it.
        var other = await CaseWorld.CreateAsync(factory, "zhongnan");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Leader.PostAsJsonAsync($"/api/approvals/{id}", new { approve = true }, Ct)).StatusCode);
    }

    private async Task<int> ExpireAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecordExpiryJob>().RunOnceAsync(Ct);
    }

    private static readonly string[] NoSuchClause = ["8-1-9"];

    private static readonly byte[] Minutes = "%PDF-1.7\n% minutes\n"u8.ToArray();

    private static async Task<string> Preview(CaseWorld world, string path)
    {
        var response = await world.Officer.GetAsync($"{path}/preview", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    private static async Task<string> PdfText(CaseWorld world, string documentId)
    {
        var bytes = await world.Officer.GetByteArrayAsync($"/api/documents/{documentId}/pdf", Ct);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }
}
