using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Evidence;

namespace Ses.Service.Tests.Records;

/// <summary>
/// Credit records entered at the end of a case (实施办法第十四条第二款): validity from the decision's delivery
/// (实施办法第十七条), repair from the day after the waiting period (实施办法第十八条), persons recorded with an
/// organisation (实施办法第八条第三款、第十九条), the in-force question with its measures (实施办法第二十一条), marks
/// (实施办法第二十七条) and the public list (实施办法第二十条).
/// </summary>
public sealed class RecordsTests(RecordsFixture factory) : IClassFixture<RecordsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entry_OrganisationWithPersons_ValidUntilCorrespondingDay_RepairFromTheDayAfter_OneEvidenceEntry()
    {
        var world = await RecordsWorld.CreateAsync(factory, "xibei");
        var name = RecordsWorld.NewName("长安航空服务有限公司");
        var before = world.WithDb(db => db.EvidenceEntries.Count());
        // Delivered 2024-02-29: one year later there is no 29 February, the last day in force is the month's last day.
        var id = await world.EnterAsync(world.Entry(name, RecordsWorld.NewIdentifier(), new DateOnly(2024, 2, 29), new DateOnly(2025, 11, 30),
            [RecordsWorld.Person("legal-rep", "王法人", RecordsWorld.PersonId()), RecordsWorld.Person("responsible", "李责任", RecordsWorld.PersonId())]));

        var record = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{id}", Ct);
        Assert.Equal("2025-02-28", record.GetProperty("validUntil").GetString());
        // 实施办法第十八条: entered 2025-11-30, 3 months end on 2026-02-28; an application is accepted from 2026-03-01.
        Assert.Equal("2026-03-01", record.GetProperty("repairEligibleFrom").GetString());
        Assert.Equal("in-force", record.GetProperty("state").GetString());
        Assert.Equal("有效", record.GetProperty("stateLabel").GetString());
        Assert.Equal(JsonValueKind.String, record.GetProperty("publishedAt").ValueKind);
        Assert.Contains("实施办法第十七条", record.GetProperty("rule").GetString());
        Assert.Contains("实施办法第十八条", record.GetProperty("rule").GetString());
        Assert.Equal("第八条第一款第（五）项", record.GetProperty("clauses")[0].GetProperty("label").GetString());
        var persons = record.GetProperty("persons").EnumerateArray().ToList();
        Assert.Equal(["法定代表人", "其他直接责任人员"], persons.Select(p => p.GetProperty("roleLabel").GetString()));
        Assert.Equal("运行总监", persons[1].GetProperty("position").GetString());

        // The linked person's record: same validity, never published, cannot be repaired on its own (实施办法第十九条).
        var person = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{persons[0].GetProperty("id").GetGuid()}", Ct);
        Assert.Equal("person", person.GetProperty("partyKind").GetString());
        Assert.Equal(id, person.GetProperty("linkedToRecordId").GetGuid());
        Assert.Equal("2025-02-28", person.GetProperty("validUntil").GetString());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("publishedAt").ValueKind);
        Assert.Contains("实施办法第十九条", person.GetProperty("rule").GetString());

        // 实施办法第八条第一款第（三）项 governs: 3 years (2024-02-29 → 2027-02-28) and 6 months (2025-08-31 → 2026-02-28, from 2026-03-01).
        var severe = await world.EnterAsync(world.Entry(RecordsWorld.NewName("秦岭通用航空有限公司"), RecordsWorld.NewIdentifier(), new DateOnly(2024, 2, 29),
            new DateOnly(2025, 8, 31), clauses: "8-1-2-3,8-1-3", governing: "8-1-3", years: 3));
        var three = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{severe}", Ct);
        Assert.Equal("2027-02-28", three.GetProperty("validUntil").GetString());
        Assert.Equal("2026-03-01", three.GetProperty("repairEligibleFrom").GetString());
        Assert.Equal(3, three.GetProperty("validityYears").GetInt32());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        // One evidence entry per entry (the organisation with its persons), one per the second; the chain holds.
        Assert.Equal(before + 2, await db.EvidenceEntries.CountAsync(Ct));
        var entered = await db.EvidenceEntries.SingleAsync(e => e.Event == "RecordEntered" && e.Subject == $"信用记录 {id}", Ct);
        Assert.Equal(world.Case.ToString(), EvidenceEntries.Facts(entered.Detail)["case"]);
        Assert.Equal("2025-02-28", EvidenceEntries.Facts(entered.Detail)["validUntil"]);
        Assert.Equal(2, EvidenceEntries.Facts(entered.Detail)["persons"]!.Split(',').Length);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "record.entered" && a.Subject == id.ToString(), Ct));
        Assert.True((await EvidenceLog.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task InForce_ByNameOrIdentifier_InEveryBureausRecords_WithClauseValidityAndTheMeasures()
    {
        var world = await RecordsWorld.CreateAsync(factory, "xibei");
        var name = RecordsWorld.NewName("敦煌机场服务有限公司");
        var identifier = RecordsWorld.NewIdentifier();
        var personId = RecordsWorld.PersonId();
        var id = await world.EnterAsync(world.Entry(name, identifier, new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29),
            [RecordsWorld.Person("legal-rep", "赵法人", personId)]));
        // A record removed (corrected) is no longer in force: it is not in the answer.
        var corrected = await world.EnterAsync(world.Entry(name + "分公司", RecordsWorld.NewIdentifier(), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29)));
        await world.RemoveAsync(corrected, "corrected", "信用信息错误，予以更正", new DateOnly(2026, 9, 30));

        var byName = await InForce(world.Officer, name[..10]);
        Assert.True(byName.GetProperty("inForce").GetBoolean());
        var found = Assert.Single(byName.GetProperty("records").EnumerateArray());
        Assert.Equal(id, found.GetProperty("id").GetGuid());
        Assert.Equal("第八条第一款第（五）项", found.GetProperty("clause").GetProperty("label").GetString());
        Assert.Contains("故意提供虚假材料", found.GetProperty("clause").GetProperty("text").GetString());
        Assert.Equal("2027-09-20", found.GetProperty("validUntil").GetString());
        Assert.Equal("民航西北地区管理局", found.GetProperty("bureauName").GetString());
        Assert.False(found.GetProperty("measuresSuspended").GetBoolean());
        var measures = string.Join("\n", found.GetProperty("measures").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("办理行政许可的，依法从严审核，禁止适用告知承诺制", measures);
        Assert.Contains("实施行政处罚的，依法从重处罚", measures);
        Assert.Contains("禁止适用法定自查容错机制", measures);
        Assert.Contains("编制行政检查计划的，加大检查频次", measures);
        Assert.Contains("实施办法第二十一条", byName.GetProperty("rule").GetString());

        // By identifier (any letter case); by a linked person's identity number, naming the organisation.
        Assert.Equal(id, (await InForce(world.Officer, identifier.ToLowerInvariant())).GetProperty("records")[0].GetProperty("id").GetGuid());
        var person = (await InForce(world.Leader, personId)).GetProperty("records")[0];
        Assert.Equal("法定代表人", person.GetProperty("personRoleLabel").GetString());
        Assert.Equal(name, person.GetProperty("linkedToName").GetString());

        // The list in SES is the industry's: another bureau's officer finds the record in force, but cannot open or list it.
        var foreign = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huabei", StaffRole.Officer));
        Assert.Equal(id, (await InForce(foreign, identifier)).GetProperty("records")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/records/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await foreign.GetStringAsync("/api/records", Ct));

        // Nothing found, and a question too short to ask.
        var none = await InForce(world.Officer, RecordsWorld.NewName("无此公司"));
        Assert.False(none.GetProperty("inForce").GetBoolean());
        Assert.Empty(none.GetProperty("records").EnumerateArray());
        await AssertProblem(await world.Officer.GetAsync("/api/records/in-force?q=x", Ct), "q", "record.query");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/records/in-force?q={identifier}", Ct)).StatusCode);
    }

    [Fact]
    public async Task List_TheBureausOwn_ByStateAndName_AndAnUnknownStateIsRefused()
    {
        var world = await RecordsWorld.CreateAsync(factory, "xinjiang");
        var name = RecordsWorld.NewName("天山航空有限公司");
        var kept = await world.EnterAsync(world.Entry(name, RecordsWorld.NewIdentifier(), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29)));
        var removed = await world.EnterAsync(world.Entry(name + "二", RecordsWorld.NewIdentifier(), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29)));
        await world.RemoveAsync(removed, "repaired", "经审议同意信用修复", new DateOnly(2026, 9, 30));

        var inForce = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records?state=in-force&q={name}", Ct);
        Assert.Equal([kept], inForce.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Contains("第十七条", inForce.GetProperty("rule").GetString());
        var repaired = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records?state=repaired&q={name}", Ct);
        var one = Assert.Single(repaired.GetProperty("records").EnumerateArray());
        Assert.Equal("2026-09-30", one.GetProperty("removedOn").GetString());
        Assert.Equal("信用修复移除", one.GetProperty("stateLabel").GetString());
        await AssertProblem(await world.Officer.GetAsync("/api/records?state=gone", Ct), "state", "field.choice.unknown");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/records", Ct)).StatusCode);
    }

    [Fact]
    public async Task Mark_ByLegalStaffOnly_ShowsEverywhere_SuspendsNewMeasures_ThenUnmark()
    {
        var world = await RecordsWorld.CreateAsync(factory, "zhongnan");
        var name = RecordsWorld.NewName("衡山航空有限公司");
        var id = await world.EnterAsync(world.Entry(name, RecordsWorld.NewIdentifier(), new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29)));
        var mark = new { kind = "reconsideration", filedOn = "2026-09-25", note = "相对人向民航局申请行政复议" };

        // Officers and leaders cannot mark; another bureau's legal staff do not find the record; nothing changes.
        var foreign = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huadong", StaffRole.Legal));
        var before = Counts();
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"/api/records/{id}/mark", mark, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Leader.PostAsJsonAsync($"/api/records/{id}/mark", mark, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsJsonAsync($"/api/records/{id}/mark", mark, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/records/{id}/mark", mark, Ct)).StatusCode);
        // Bad input: the field, a stable code, a Chinese message.
        await AssertProblem(await Mark(world, id, mark with { kind = "appeal" }), "kind", "record.mark.kind");
        await AssertProblem(await Mark(world, id, mark with { kind = "" }), "kind", "field.required");
        await AssertProblem(await Mark(world, id, mark with { filedOn = "2026-10-01" }), "filedOn", "record.date-in-future");
        await AssertProblem(await Mark(world, id, mark with { filedOn = "2026-09-19" }), "filedOn", "record.mark.before-decision");
        await AssertConflict(await world.Legal.PostAsync($"/api/records/{id}/unmark", null, Ct), "record.not-marked");
        Assert.Equal(before, Counts());

        var marked = await (await Mark(world, id, mark)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("reconsideration", marked.GetProperty("mark").GetString());
        Assert.Equal("复议中", marked.GetProperty("markLabel").GetString());
        Assert.Equal("2026-09-25", marked.GetProperty("markedOn").GetString());
        await AssertConflict(await Mark(world, id, mark), "record.already-marked");

        // The mark shows in the list, in the in-force answer (new measures suspended: 实施办法第二十七条第二款) and in the public list.
        var listed = (await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records?q={name}", Ct)).GetProperty("records")[0];
        Assert.Equal("复议中", listed.GetProperty("markLabel").GetString());
        var answer = (await InForce(world.Officer, name)).GetProperty("records")[0];
        Assert.True(answer.GetProperty("measuresSuspended").GetBoolean());
        Assert.Contains("暂停对其实施基于被复议、诉讼信用信息的新的惩戒措施", answer.GetProperty("measures")[0].GetString());
        Assert.Equal("复议中", PublicEntry(await PublicJson(), name).GetProperty("mark").GetString());
        Assert.Contains("复议中", await PublicCsv());

        // Reconsideration over, litigation filed; then over too.
        var litigation = await (await Mark(world, id, mark with { kind = "litigation", filedOn = "2026-09-28" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("诉讼中", litigation.GetProperty("markLabel").GetString());
        var unmarked = await world.Legal.PostAsync($"/api/records/{id}/unmark", null, Ct);
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        var cleared = await unmarked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("mark").ValueKind);
        Assert.False((await InForce(world.Officer, name)).GetProperty("records")[0].GetProperty("measuresSuspended").GetBoolean());
        Assert.Equal(["RecordMarked", "RecordMarked", "RecordUnmarked"], world.WithDb(db => db.EvidenceEntries
            .Where(e => e.Subject == $"信用记录 {id}" && (e.Event == "RecordMarked" || e.Event == "RecordUnmarked"))
            .OrderBy(e => e.Sequence).Select(e => e.Event).ToList()));
    }

    [Fact]
    public async Task PublicList_OrganisationsOnly_TakeDownsWithDayAndWhy_JsonAndCsv_WithoutSignIn()
    {
        var world = await RecordsWorld.CreateAsync(factory, "xibei");
        var name = RecordsWorld.NewName("祁连航空有限公司");
        var identifier = RecordsWorld.NewIdentifier();
        var personId = RecordsWorld.PersonId();
        var individualId = RecordsWorld.PersonId();
        var id = await world.EnterAsync(world.Entry(name, identifier, new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29),
            [RecordsWorld.Person("legal-rep", "钱法人", personId), RecordsWorld.Person("principal", "孙负责", RecordsWorld.PersonId())]));
        await world.EnterAsync(world.Entry("周个人", individualId, new DateOnly(2026, 9, 20), new DateOnly(2026, 9, 29), kind: "person"));

        var feed = await PublicJson();
        Assert.Contains("实施办法第二十条", feed.GetProperty("rule").GetString());
        var entry = PublicEntry(feed, name);
        Assert.Equal(identifier, entry.GetProperty("identifier").GetString());
        Assert.Equal("in-force", entry.GetProperty("status").GetString());
        Assert.Equal("西北局信决字〔2026〕1号", entry.GetProperty("decisionNumber").GetString());
        Assert.Equal("2026-09-20", entry.GetProperty("decisionDeliveredOn").GetString());
        Assert.Equal("2027-09-20", entry.GetProperty("validUntil").GetString());
        var csv = await PublicCsv();
        Assert.Contains(name, csv);
        // Individuals — recorded alone or with an organisation — are never listed.
        foreach (var text in new[] { feed.ToString(), csv })
        {
            foreach (var hidden in new[] { "钱法人", "孙负责", "周个人", personId, individualId }) Assert.DoesNotContain(hidden, text);
        }

        // Taken down (repaired): the feed says when and why, and the persons' records go with the organisation's.
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30, 15, 30);
        await world.RemoveAsync(id, "repaired", "经审议同意信用修复", new DateOnly(2026, 9, 30));
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        feed = await PublicJson();
        Assert.DoesNotContain(feed.GetProperty("inForce").EnumerateArray(), r => r.GetProperty("name").GetString() == name);
        var down = feed.GetProperty("removed").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);
        Assert.Equal("removed", down.GetProperty("status").GetString());
        Assert.Equal("2026-09-30", down.GetProperty("removedOn").GetString());
        Assert.Equal("2026-09-30T15:30:00+08:00", down.GetProperty("removedAt").GetString());
        Assert.Equal("repaired", down.GetProperty("removedReason").GetString());
        Assert.Equal("信用修复移除", down.GetProperty("removedReasonLabel").GetString());
        Assert.Contains("2026-09-30 15:30:00", await PublicCsv());
        Assert.All(world.WithDb(db => db.CreditRecords.Where(r => r.LinkedToRecordId == id).Select(r => r.State).ToList()), s => Assert.Equal("repaired", s));
    }

    private static async Task<JsonElement> InForce(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/records/in-force?q={Uri.EscapeDataString(q)}", Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private static Task<HttpResponseMessage> Mark(RecordsWorld world, Guid id, object body) => world.Legal.PostAsJsonAsync($"/api/records/{id}/mark", body, Ct);

    private async Task<JsonElement> PublicJson()
    {
        var response = await factory.CreateClient().GetAsync("/public/credit-records.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The CSV, checked to start with the UTF-8 byte-order mark (for Excel) and the header row.</summary>
    private async Task<string> PublicCsv()
    {
        var response = await factory.CreateClient().GetAsync("/public/credit-records.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("状态,组织名称,证照类型,统一社会信用代码或证照号码,失信行为,认定决定书文号,决定书送达日期,有效期至,", text);
        return text;
    }

    private static JsonElement PublicEntry(JsonElement feed, string name) =>
        feed.GetProperty("inForce").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private (int Evidence, int Audit) Counts()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return (db.EvidenceEntries.Count(), db.AuditEntries.Count());
    }

    private static async Task AssertProblem(HttpResponseMessage response, string field, string code)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body.ToString());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == field
            && p.GetProperty("code").GetString() == code && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));
    }

    private static async Task AssertConflict(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, body.ToString());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Contains(body.GetProperty("title").GetString()!, c => c >= '\u4e00');
    }
}
