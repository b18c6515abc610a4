using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Corrections;

/// <summary>
/// Corrections of credit records through the API on an injected clock (实施办法第二十四条): prepared within 3 working days
/// of the discovery and approved by the leader, the transfer slip (变更), the adjustment by legal staff within 2, the
/// withdrawal of the publication within 3 of the adjustment — late steps recorded with their working days; an amendment
/// takes its validity again from the governing clause (实施办法第八条第二款、第十七条); a removal takes the record off the
/// public list (实施办法第二十条第二款).
/// </summary>
public sealed class CorrectionTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string NewName = "西域通用航空股份有限公司";

    private static readonly string[] UnknownClause = ["8-1-9"];

    [Fact]
    public async Task Amend_NameAndSevereClause_ApprovedTransferredAdjustedOnTime_WithdrawnLate()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "xinjiang");
        var caseId = await world.RecordedAsync("2026-07-01");
        var record = await world.RecordOfAsync(caseId);
        var recordId = record.GetProperty("id").GetString()!;
        var oldName = record.GetProperty("partyName").GetString()!;
        Assert.Equal(("2027-07-01", 1), (record.GetProperty("validUntil").GetString(), record.GetProperty("validityYears").GetInt32()));

        // Discovered on Monday 07-06: prepared, approved and transferred within 3 working days (07-09).
        factory.Clock.Now = TestClock.Beijing(2026, 7, 6);
        await world.SignInAsync();
        var body = new
        {
            recordId, discoveredOn = "2026-07-06", kind = "amend", partyName = NewName, clauses = new[] { "8-1-5", "8-1-3" },
            reason = "相对人已更名；处罚决定为罚款5万元，应适用第八条第一款第（三）项",
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Leader.PostAsJsonAsync("/api/corrections", body, Ct)).StatusCode);
        var created = await Created(world, body);
        Assert.Equal(("approval", "2026-07-09"), (created.GetProperty("state").GetString(), created.GetProperty("next").GetProperty("dueDate").GetString()));
        Assert.Contains("实施办法第二十四条", created.GetProperty("rule").GetString());
        await CaseWorld.Refused(world.Officer, "/api/corrections", body, HttpStatusCode.Conflict, "correction.open");
        var path = $"/api/corrections/{created.GetProperty("id").GetString()}";
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"{path}/approve", new { approve = true }, Ct)).StatusCode);
        var approved = await CaseWorld.Step(world.Leader, $"{path}/approve", new { approve = true });
        Assert.Equal("transfer", approved.GetProperty("state").GetString());

        // Transferred on 07-08: the legal department adjusts within 2 working days (07-10).
        factory.Clock.Now = TestClock.Beijing(2026, 7, 8);
        await world.SignInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Legal.PostAsJsonAsync($"{path}/transfer", new { }, Ct)).StatusCode);
        var transferred = await CaseWorld.Step(world.Officer, $"{path}/transfer", new { });
        Assert.Equal(("adjustment", "2026-07-10", 0),
            (transferred.GetProperty("state").GetString(), transferred.GetProperty("next").GetProperty("dueDate").GetString(),
                transferred.GetProperty("transferLateWorkingDays").GetInt32()));

        factory.Clock.Now = TestClock.Beijing(2026, 7, 10);
        await world.SignInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"{path}/adjust", new { }, Ct)).StatusCode);
        var adjusted = await CaseWorld.Step(world.Legal, $"{path}/adjust", new { });
        // Published on the public list: the withdrawal is due 3 working days after the adjustment (Wednesday 07-15).
        Assert.Equal(("withdrawal", "2026-07-15", 0, true),
            (adjusted.GetProperty("state").GetString(), adjusted.GetProperty("next").GetProperty("dueDate").GetString(),
                adjusted.GetProperty("adjustLateWorkingDays").GetInt32(), adjusted.GetProperty("published").GetBoolean()));
        Assert.Equal((oldName, "8-1-5", "2027-07-01"),
            (adjusted.GetProperty("before").GetProperty("partyName").GetString(), adjusted.GetProperty("before").GetProperty("clauses").GetString(),
                adjusted.GetProperty("before").GetProperty("validUntil").GetString()));

        // 实施办法第八条第二款、第十七条: item (三) governs, 3 years from the decision's delivery; repair after 6 months.
        var after = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal((NewName, "8-1-3", 3, "2029-07-01", "2027-01-02", "in-force"),
            (after.GetProperty("partyName").GetString(), after.GetProperty("governingClause").GetString(), after.GetProperty("validityYears").GetInt32(),
                after.GetProperty("validUntil").GetString(), after.GetProperty("repairEligibleFrom").GetString(), after.GetProperty("state").GetString()));
        var person = after.GetProperty("persons")[0].GetProperty("id").GetString();
        Assert.Equal("2029-07-01", (await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{person}", Ct)).GetProperty("validUntil").GetString());
        var feed = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/public/credit-records.json", Ct);
        var entry = feed.GetProperty("inForce").EnumerateArray().Single(e => e.GetProperty("id").GetString() == recordId);
        Assert.Equal((NewName, "2029-07-01"), (entry.GetProperty("name").GetString(), entry.GetProperty("validUntil").GetString()));

        // Withdrawn on Friday 07-17: 2 working days late, recorded, not refused.
        factory.Clock.Now = TestClock.Beijing(2026, 7, 17);
        await world.SignInAsync();
        var done = await CaseWorld.Step(world.Officer, $"{path}/withdrawal", new { on = "2026-07-17", note = "已在门户网站撤下原公布信息" });
        Assert.Equal(("done", 2), (done.GetProperty("state").GetString(), done.GetProperty("withdrawalLateWorkingDays").GetInt32()));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("next").ValueKind);

        var steps = (await world.ReadAsync(caseId)).GetProperty("steps").EnumerateArray().ToList();
        var names = steps.Select(s => s.GetProperty("step").GetString()).ToList();
        Assert.Equal(["correction", "correction-approval", "correction-transfer", "correction-entry", "correction-withdrawal"], names[^5..]);
        var slip = steps.Single(s => s.GetProperty("step").GetString() == "correction-transfer");
        Assert.Equal("严重失信行为信息移送单（变更）.pdf", slip.GetProperty("fileName").GetString());
        Assert.Equal(2, steps[^1].GetProperty("lateWorkingDays").GetInt32());
        Assert.Equal(0, steps.Single(s => s.GetProperty("step").GetString() == "correction-entry").GetProperty("lateWorkingDays").GetInt32());
    }

    [Fact]
    public async Task Remove_RecordedInError_TakesTheRecordOffThePublicList()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "huabei");
        var caseId = await world.RecordedAsync("2026-07-01");
        var recordId = (await world.RecordOfAsync(caseId)).GetProperty("id").GetString()!;
        factory.Clock.Now = TestClock.Beijing(2026, 7, 2);
        await world.SignInAsync();
        var created = await Created(world, new { recordId, discoveredOn = "2026-07-02", kind = "remove", reason = "该行为系他人所为，记入错误" });
        var path = $"/api/corrections/{created.GetProperty("id").GetString()}";
        await CaseWorld.Step(world.Leader, $"{path}/approve", new { approve = true });
        await CaseWorld.Step(world.Officer, $"{path}/transfer", new { });
        var adjusted = await CaseWorld.Step(world.Legal, $"{path}/adjust", new { });
        Assert.Equal(("withdrawal", "corrected"), (adjusted.GetProperty("state").GetString(), adjusted.GetProperty("recordState").GetString()));

        var after = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal(("corrected", "2026-07-02"), (after.GetProperty("state").GetString(), after.GetProperty("removedOn").GetString()));
        Assert.All(after.GetProperty("persons").EnumerateArray(), p => Assert.Equal("corrected", p.GetProperty("state").GetString()));
        var feed = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/public/credit-records.json", Ct);
        Assert.DoesNotContain(feed.GetProperty("inForce").EnumerateArray(), e => e.GetProperty("id").GetString() == recordId);
        Assert.Contains(feed.GetProperty("removed").EnumerateArray(), e => e.GetProperty("id").GetString() == recordId
            && e.GetProperty("removedReason").GetString() == "corrected" && e.GetProperty("removedAt").ValueKind == JsonValueKind.String);
        var identifier = Uri.EscapeDataString(after.GetProperty("idValue").GetString()!);
        var question = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records/in-force?q={identifier}", Ct);
        Assert.False(question.GetProperty("inForce").GetBoolean());
        var done = await CaseWorld.Step(world.Officer, $"{path}/withdrawal", new { note = "已撤回原通报" });
        Assert.Equal(("done", 0), (done.GetProperty("state").GetString(), done.GetProperty("withdrawalLateWorkingDays").GetInt32()));
        // Nothing left to correct.
        await CaseWorld.Refused(world.Officer, "/api/corrections", new { recordId, discoveredOn = "2026-07-02", kind = "remove", reason = "再次" },
            HttpStatusCode.Conflict, "correction.not-in-force");
    }

    [Fact]
    public async Task Returned_ByTheLeader_ClosesIt_AndANewOneMayBePrepared()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "dongbei");
        var caseId = await world.RecordedAsync("2026-07-01");
        var before = await world.RecordOfAsync(caseId);
        var (recordId, number) = (before.GetProperty("id").GetString()!, before.GetProperty("decisionNumber").GetString());
        var body = new { recordId, discoveredOn = "2026-07-01", kind = "amend", decisionNumber = "东北局信决字〔2026〕99号", reason = "文号录入错误" };
        var created = await Created(world, body);
        var path = $"/api/corrections/{created.GetProperty("id").GetString()}";
        await CaseWorld.Refused(world.Leader, $"{path}/approve", new { approve = false }, HttpStatusCode.BadRequest, "field.required", "note");
        var returned = await CaseWorld.Step(world.Leader, $"{path}/approve", new { approve = false, note = "请核对原处罚决定书" });
        Assert.Equal(("returned", "请核对原处罚决定书"), (returned.GetProperty("state").GetString(), returned.GetProperty("leaderNote").GetString()));
        await CaseWorld.Refused(world.Officer, $"{path}/transfer", new { }, HttpStatusCode.Conflict, "correction.state");
        var record = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal(number, record.GetProperty("decisionNumber").GetString());
        var steps = (await world.ReadAsync(caseId)).GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("returned", steps[^1].GetProperty("result").GetString());
        await Created(world, body);
    }

    [Fact]
    public async Task BadInput_GetsFieldCodeAndChineseMessage_AndStoresNothing_OtherBureauCannotSeeIt()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "xinan");
        var caseId = await world.RecordedAsync("2026-07-01");
        var recordId = (await world.RecordOfAsync(caseId)).GetProperty("id").GetString()!;
        var stepsBefore = (await world.ReadAsync(caseId)).GetProperty("steps").GetArrayLength();

        await CaseWorld.Refused(world.Officer, "/api/corrections",
            new { recordId = Guid.NewGuid(), discoveredOn = "2026-07-01", kind = "remove", reason = "错误" }, HttpStatusCode.BadRequest,
            "correction.record-unknown", "recordId");
        await CaseWorld.Refused(world.Officer, "/api/corrections", new { recordId, discoveredOn = "2026-07-02", kind = "remove", reason = "错误" },
            HttpStatusCode.BadRequest, "correction.date-in-future", "discoveredOn");
        await CaseWorld.Refused(world.Officer, "/api/corrections", new { recordId, discoveredOn = "2026-07-01", kind = "fix", reason = "错误" },
            HttpStatusCode.BadRequest, "correction.kind", "kind");
        await CaseWorld.Refused(world.Officer, "/api/corrections",
            new { recordId, discoveredOn = "2026-07-01", kind = "amend", clauses = UnknownClause, reason = "错误" }, HttpStatusCode.BadRequest,
            "correction.clause-unknown", "clauses");
        await CaseWorld.Refused(world.Officer, "/api/corrections", new { recordId, discoveredOn = "2026-07-01", kind = "amend", reason = "错误" },
            HttpStatusCode.BadRequest, "correction.nothing-to-amend", "kind");
        await CaseWorld.Refused(world.Officer, "/api/corrections", new { recordId, discoveredOn = "2026-07-01", kind = "remove" },
            HttpStatusCode.BadRequest, "field.required", "reason");
        Assert.Empty(await world.Officer.GetFromJsonAsync<JsonElement[]>($"/api/corrections?recordId={recordId}", Ct) ?? []);
        Assert.Equal(stepsBefore, (await world.ReadAsync(caseId)).GetProperty("steps").GetArrayLength());

        // Another bureau neither sees nor corrects this bureau's record.
        var created = await Created(world, new { recordId, discoveredOn = "2026-07-01", kind = "remove", reason = "记入错误" });
        var other = await CaseWorld.CreateAsync(factory, "zhongnan");
        await CaseWorld.Refused(other.Officer, "/api/corrections", new { recordId, discoveredOn = "2026-07-01", kind = "remove", reason = "错误" },
            HttpStatusCode.BadRequest, "correction.record-unknown", "recordId");
        var path = $"/api/corrections/{created.GetProperty("id").GetString()}";
        Assert.Equal(HttpStatusCode.NotFound, (await other.Officer.GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Leader.PostAsJsonAsync($"{path}/approve", new { approve = true }, Ct)).StatusCode);
        Assert.Empty(await other.Officer.GetFromJsonAsync<JsonElement[]>("/api/corrections", Ct) ?? []);
    }

    private static async Task<JsonElement> Created(CaseWorld world, object body)
    {
        var response = await world.Officer.PostAsJsonAsync("/api/corrections", body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }
}
