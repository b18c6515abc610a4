using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Evaluations;

/// <summary>
/// A general-aviation evaluation round end to end on an injected clock (《通用航空企业诚信经营评价管理暂行办法》第十条至
/// 第十五条、第十九条): the notice and the materials, the events with their evidence and item 10 straight from the credit
/// records, the pre-evaluation published across the 2026 Labour Day holiday and its adjusted working day (5 working days,
/// the day of publication not counted), a review applied for on the last day and one a day late (refused), the review
/// result served in its own series, the final result on the public list and the grades for inspectors.
/// </summary>
public sealed class EvaluationRoundTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object[] Evidence = [new { name = "证明材料.pdf", base64 = Convert.ToBase64String("%PDF-1.7\n% 证明材料\n%%EOF\n"u8.ToArray()) }];

    [Fact]
    public async Task Round_PublishedAcrossLabourDay_ReviewOnLastDayServed_LateOneRefused_FinalPublished()
    {
        // A credit record of the enterprise entered on 2025-07-01: item 10 of the 2025 evaluation (附表第10项).
        factory.Clock.Now = TestClock.Beijing(2025, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "huabei");
        var caseId = await world.RecordedAsync("2025-07-01");
        var decisionNumber = (await world.RecordOfAsync(caseId)).GetProperty("decisionNumber").GetString();
        var (otherId, _, otherNames) = await world.Delivery.CounterpartyAsync("华北某某通用航空有限公司");

        // 印发通知: a round for 2025, the materials due 2026-03-20.
        factory.Clock.Now = TestClock.Beijing(2026, 3, 2);
        await world.SignInAsync();
        var other = await world.Delivery.AccountAsync(otherNames[0]);
        var mine = await world.Delivery.AccountAsync(world.AccountName);
        var body = new { year = 2025, notice = "请于2026年3月20日前通过SES上传2025年度诚信经营评价材料。", materialsDueOn = "2026-03-20" };
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Leader.PostAsJsonAsync("/api/evaluation-rounds", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await world.Officer.PostAsJsonAsync("/api/evaluation-rounds", body, Ct)).StatusCode);
        var rounds = await world.Officer.GetFromJsonAsync<JsonElement>("/api/evaluation-rounds", Ct);
        var round = rounds[0].GetProperty("id").GetString()!;
        var path = $"/api/evaluation-rounds/{round}";
        await CaseWorld.Refused(world.Officer, "/api/evaluation-rounds", body, HttpStatusCode.Conflict, "evaluation.round-exists");
        await CaseWorld.Refused(world.Officer, "/api/evaluation-rounds", new { year = 2020, notice = "通知", materialsDueOn = "2026-03-20" },
            HttpStatusCode.BadRequest, "evaluation.year", "year");
        await CaseWorld.Refused(world.Officer, $"{path}/enterprises", new { counterpartyId = world.Counterparty, type = "运输类" },
            HttpStatusCode.BadRequest, "evaluation.type", "type");
        await CaseWorld.Step(world.Officer, $"{path}/enterprises", new { counterpartyId = world.Counterparty, type = "载客类" });
        var added = await CaseWorld.Step(world.Officer, $"{path}/enterprises", new { counterpartyId = otherId, type = "其他类(不含执照培训)" });
        var a = Enterprise(added, world.Counterparty);
        // 印发通知: the enterprises' contacts are told by SMS (the outbox records what would be sent).
        var sms = world.Delivery.WithDb(db => db.NotificationMessages.Where(m => m.Channel == "sms" && m.Body.Contains("【民航华北地区管理局】贵单位已列入2025年度"))
            .Select(m => m.Body).ToList());
        Assert.Equal(4, sms.Count);
        Assert.All(sms, b => Assert.StartsWith("【民航华北地区管理局】贵单位已列入2025年度", b, StringComparison.Ordinal));
        Assert.Contains("2026年3月20日前", sms[0], StringComparison.Ordinal);
        var b = Enterprise(added, otherId);
        Assert.Equal("其他类（不含执照培训）", added.GetProperty("enterprises").EnumerateArray().Single(e => e.GetProperty("id").GetString() == b)
            .GetProperty("type").GetString());

        // 收集材料: the enterprise uploads; it sees the notice. A review cannot be applied for yet.
        var uploaded = await other.PostAsJsonAsync($"/api/my/evaluations/{b}/materials", new { note = "2025年度经营情况", attachments = Evidence }, Ct);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var mineB = (await other.GetFromJsonAsync<JsonElement>("/api/my/evaluations", Ct))[0];
        Assert.Equal(("收集材料", body.notice, 1), (mineB.GetProperty("stateLabel").GetString(), mineB.GetProperty("notice").GetString(),
            mineB.GetProperty("materials").GetArrayLength()));
        await CaseWorld.Refused(other, $"/api/my/evaluations/{b}/review", new { reason = "有异议", attachments = Evidence }, HttpStatusCode.Conflict,
            "evaluation.review-closed");
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostAsJsonAsync($"/api/my/evaluations/{b}/materials",
            new { attachments = Evidence }, Ct)).StatusCode);

        // The events with their evidence; item 7 is derived, a date outside 2025 does not belong to the round.
        var entries = $"/api/evaluations/{a}/entries";
        await CaseWorld.Refused(world.Officer, entries, new { item = 7, date = "2025-05-01", evidence = "两次处罚" }, HttpStatusCode.BadRequest,
            "evaluation.item.derived", "item");
        await CaseWorld.Refused(world.Officer, entries, new { item = 4, date = "2024-12-31", fine = 5000, evidence = "罚款决定书" },
            HttpStatusCode.BadRequest, "evaluation.date", "date");
        await CaseWorld.Refused(world.Officer, entries, new { item = 4, date = "2025-03-02", evidence = "罚款决定书" },
            HttpStatusCode.BadRequest, "evaluation.fine", "fine");
        await CaseWorld.Step(world.Officer, entries, new { item = 4, date = "2025-03-02", cause = "超范围经营", fine = 15000, evidence = "华北局罚〔2025〕3号" });
        var bEntries = $"/api/evaluations/{b}/entries";
        await CaseWorld.Step(world.Officer, bEntries, new { item = 8, date = "2025-07-01", cause = "退票纠纷", evidence = "投诉 2025-0701" });
        await CaseWorld.Step(world.Officer, bEntries, new { item = 8, date = "2025-07-03", cause = "退票纠纷", evidence = "投诉 2025-0703" });
        var bView = await CaseWorld.Step(world.Officer, bEntries, new { item = 3, date = "2025-09-01", corrected = true, evidence = "责令改正通知书" });
        // 附表注2: the two complaints for one cause count once (3), the order corrected in time 3: 94.
        Assert.Equal((94m, "A"), (bView.GetProperty("score").GetDecimal(), bView.GetProperty("grade").GetString()));

        // 预评价: item 10 from the credit record (50) and the fine (20): 30, C.
        factory.Clock.Now = TestClock.Beijing(2026, 4, 20);
        await world.SignInAsync();
        var pre = await CaseWorld.Step(world.Officer, $"{path}/pre-evaluation");
        Assert.Equal("pre-evaluated", pre.GetProperty("state").GetString());
        var aView = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/evaluations/{a}", Ct);
        Assert.Equal((30m, "C"), (aView.GetProperty("preScore").GetDecimal(), aView.GetProperty("preGrade").GetString()));
        // The enterprise's record and those of the two persons recorded with it: one cause, the decision (附表注2).
        var imported = aView.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("item").GetInt32() == 10).ToList();
        Assert.Equal(3, imported.Count);
        Assert.All(imported, e => Assert.Equal(("2025-07-01", decisionNumber), (e.GetProperty("date").GetString(), e.GetProperty("cause").GetString())));
        Assert.Contains(imported, e => e.GetProperty("evidence").GetString()!.Contains("法定代表人周某", StringComparison.Ordinal));
        // Computed again: the records are not imported twice.
        await CaseWorld.Step(world.Officer, $"{path}/pre-evaluation");
        aView = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/evaluations/{a}", Ct);
        Assert.Equal(3, aView.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("item").GetInt32() == 10));

        // 公示 on Wednesday 2026-04-29: 5 working days after it — 04-30, (05-01..05 Labour Day), 05-06, 05-07, 05-08 and the
        // adjusted working Saturday 05-09; the reviews are due 15 working days later, on 05-29.
        factory.Clock.Now = TestClock.Beijing(2026, 4, 29, 9);
        await world.SignInAsync();
        other = await world.Delivery.AccountAsync(otherNames[0]);
        var published = await CaseWorld.Step(world.Officer, $"{path}/publication", new { contact = "李某", contactPhone = "010-66666666" });
        Assert.Equal(("2026-04-29", "2026-05-09", "2026-05-29"), (published.GetProperty("publishedOn").GetString(),
            published.GetProperty("publicationEndsOn").GetString(), published.GetProperty("reviewDueOn").GetString()));
        Assert.Contains("暂行办法第十三条", published.GetProperty("publicationRule").GetString());
        var numbers = published.GetProperty("enterprises").EnumerateArray().Select(e => e.GetProperty("preNumber").GetString()).Order().ToList();
        Assert.Equal(["华北局诚评字〔2026〕1号", "华北局诚评字〔2026〕2号"], numbers);
        await CaseWorld.Refused(world.Officer, $"{path}/final", null, HttpStatusCode.Conflict, "evaluation.publication-open");
        await CaseWorld.Refused(other, $"/api/my/evaluations/{b}/materials", new { attachments = Evidence }, HttpStatusCode.Conflict,
            "evaluation.materials-closed");
        var inbox = await other.GetFromJsonAsync<JsonElement>("/api/my/deliveries", Ct);
        Assert.Contains(inbox.EnumerateArray(), d => d.GetProperty("number").GetString()!.Contains("诚评字", StringComparison.Ordinal));
        mineB = (await other.GetFromJsonAsync<JsonElement>("/api/my/evaluations", Ct))[0];
        Assert.Equal((94m, "A", true), (mineB.GetProperty("preScore").GetDecimal(), mineB.GetProperty("preGrade").GetString(),
            mineB.GetProperty("reviewOpen").GetBoolean()));
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/public/ga-evaluations.json", Ct);
        Assert.Equal(2, list.EnumerateArray().Count(e => e.GetProperty("stage").GetString() == "预评价结果公示"));

        // The last day, Saturday 05-09 (a working day), late in the evening: received. Monday 05-11: refused, naming the last day.
        factory.Clock.Now = TestClock.Beijing(2026, 5, 9, 23, 30);
        other = await world.Delivery.AccountAsync(otherNames[0]);
        await CaseWorld.Refused(other, $"/api/my/evaluations/{b}/review", new { reason = "", attachments = Evidence }, HttpStatusCode.BadRequest,
            "field.required", "reason");
        await CaseWorld.Refused(other, $"/api/my/evaluations/{b}/review", new { reason = "两次投诉属于不可抗力造成的纠纷" }, HttpStatusCode.BadRequest,
            "field.required", "attachments");
        var applied = await other.PostAsJsonAsync($"/api/my/evaluations/{b}/review",
            new { reason = "两次投诉属于不可抗力造成的纠纷，不属于投诉范围（附表第8项第2点）", attachments = Evidence }, Ct);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var submission = await Json(applied);
        Assert.Equal("诚信经营预评价结果复核申请", submission.GetProperty("kindLabel").GetString());
        factory.Clock.Now = TestClock.Beijing(2026, 5, 11, 9);
        mine = await world.Delivery.AccountAsync(world.AccountName);
        await CaseWorld.Refused(mine, $"/api/my/evaluations/{a}/review", new { reason = "有异议", attachments = Evidence }, HttpStatusCode.Conflict,
            "evaluation.review-closed");
        var refusedLate = await mine.PostAsJsonAsync($"/api/my/evaluations/{a}/review", new { reason = "有异议", attachments = Evidence }, Ct);
        Assert.Contains("2026年5月9日", (await Json(refusedLate)).GetProperty("title").GetString());

        // 复核: the complaints taken back on the evidence; the result (变更) served in its own series. A, without a review, is closed.
        factory.Clock.Now = TestClock.Beijing(2026, 5, 20);
        await world.SignInAsync();
        bView = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/evaluations/{b}", Ct);
        Assert.Equal(("2026-05-29", false), (bView.GetProperty("review").GetProperty("dueOn").GetString(), bView.GetProperty("review").GetProperty("late")
            .GetBoolean()));
        foreach (var complaint in bView.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("item").GetInt32() == 8))
        {
            await CaseWorld.Step(world.Officer, $"/api/evaluations/{b}/entries/{complaint.GetProperty("id").GetString()}/remove",
                new { reason = "企业提交的证明材料表明属于不可抗力造成的纠纷（附表第8项第2点）" });
        }
        var aEntry = aView.GetProperty("entries")[0].GetProperty("id").GetString();
        await CaseWorld.Refused(world.Officer, $"/api/evaluations/{a}/entries/{aEntry}/remove", new { reason = "试图撤回" }, HttpStatusCode.Conflict,
            "evaluation.state");
        await CaseWorld.Refused(world.Officer, $"/api/evaluations/{a}/review", new { reasons = "无" }, HttpStatusCode.Conflict, "evaluation.no-review");
        await CaseWorld.Refused(world.Officer, $"{path}/final", null, HttpStatusCode.Conflict, "evaluation.review-open");
        var reviewed = await CaseWorld.Step(world.Officer, $"/api/evaluations/{b}/review", new { reasons = "投诉不属于投诉范围，不予扣分；其余维持。" });
        Assert.Equal((97m, "A", "changed", "华北局诚复字〔2026〕1号"), (reviewed.GetProperty("review").GetProperty("score").GetDecimal(),
            reviewed.GetProperty("review").GetProperty("grade").GetString(), reviewed.GetProperty("review").GetProperty("result").GetString(),
            reviewed.GetProperty("review").GetProperty("number").GetString()));
        await CaseWorld.Refused(world.Officer, $"/api/evaluations/{b}/review", new { reasons = "再次" }, HttpStatusCode.Conflict,
            "evaluation.review-decided");
        other = await world.Delivery.AccountAsync(otherNames[0]);
        mineB = (await other.GetFromJsonAsync<JsonElement>("/api/my/evaluations", Ct))[0];
        Assert.Equal(("变更预评价结果", "华北局诚复字〔2026〕1号"), (mineB.GetProperty("reviewResultLabel").GetString(),
            mineB.GetProperty("reviewNumber").GetString()));
        var served = mineB.GetProperty("reviewDeliveryId").GetString();
        var pdf = await other.GetAsync($"/api/my/deliveries/{served}/pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(Ct), 0, 4), StringComparison.Ordinal);

        // 发布评价结果; the public list and the grades for inspectors (暂行办法第十九条).
        var final = await CaseWorld.Step(world.Officer, $"{path}/final");
        Assert.Equal(("published", "评价结果已发布"), (final.GetProperty("state").GetString(), final.GetProperty("stateLabel").GetString()));
        var csv = await factory.CreateClient().GetStringAsync("/public/ga-evaluations.csv", Ct);
        Assert.Contains("2025,评价结果,民航华北地区管理局,华北某某通用航空有限公司,其他类（不含执照培训）,A,2026-05-20,", csv);
        Assert.Contains("2025,评价结果,民航华北地区管理局,西域通用航空有限公司,载客类,C,2026-05-20,", csv);
        var grades = await world.Legal.GetFromJsonAsync<JsonElement>("/api/ga-grades?q=西域", Ct);
        Assert.Equal(("C", 2025), (grades[0].GetProperty("grade").GetString(), grades[0].GetProperty("year").GetInt32()));
        Assert.Contains("调增检查频次", grades[0].GetProperty("note").GetString());
        // Another bureau's staff see none of it.
        var outsider = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xibei", Accounts.StaffRole.Officer));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/evaluations/{a}", Ct)).StatusCode);
        Assert.Equal(0, (await outsider.GetFromJsonAsync<JsonElement>("/api/ga-grades", Ct)).GetArrayLength());
        foreach (var (route, body2) in new (string, object)[]
        {
            ($"{path}/enterprises", new { counterpartyId = otherId, type = "载客类" }), ($"{path}/pre-evaluation", new { }),
            ($"{path}/publication", new { }), ($"{path}/final", new { }),
            ($"/api/evaluations/{a}/entries", new { item = 1, date = "2025-05-01", evidence = "约见" }),
            ($"/api/evaluations/{a}/review", new { reasons = "无" }), ($"/api/evaluations/{a}/entries/import", new { file = "{}", evidence = "台账" }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(route, body2, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{path}", Ct)).StatusCode);
        // Another counterparty's account: not its evaluation.
        mine = await world.Delivery.AccountAsync(world.AccountName);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.PostAsJsonAsync($"/api/my/evaluations/{b}/review",
            new { reason = "异议", attachments = Evidence }, Ct)).StatusCode);
        Assert.DoesNotContain(b, await mine.GetStringAsync("/api/my/evaluations", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileOfTheCommandLine_AllOrNothing_TheEnterpriseAndYearMustMatch()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 2, 2);
        var world = await CaseWorld.CreateAsync(factory, "dongbei");
        var round = await Json(await world.Officer.PostAsJsonAsync("/api/evaluation-rounds",
            new { year = 2025, notice = "请上传材料。", materialsDueOn = "2026-02-27" }, Ct));
        var added = await CaseWorld.Step(world.Officer, $"/api/evaluation-rounds/{round.GetProperty("id").GetString()}/enterprises",
            new { counterpartyId = world.Counterparty, type = "载客类" });
        var id = Enterprise(added, world.Counterparty);
        var path = $"/api/evaluations/{id}/entries/import";
        static string File(string enterprise, int year, string events) =>
            $$"""{ "enterprise": "{{enterprise}}", "type": "载客类", "year": {{year}}, "events": [{{events}}] }""";
        const string events = """
            { "item": 4, "date": "2025-03-02", "cause": "c1", "fine": 15000 },
            { "item": 3, "date": "2025-04-10", "cause": "c2", "corrected": false },
            { "item": 6, "date": "2025-06-30", "points": 4 },
            { "item": 8, "date": "2025-07-01", "cause": "c3", "excluded": false }
            """;
        const string evidence = "东北局监管科 2025 年度执法台账";
        await CaseWorld.Refused(world.Officer, path, new { file = File("别的通用航空有限公司", 2025, events), evidence }, HttpStatusCode.BadRequest,
            "evaluation.enterprise", "enterprise");
        await CaseWorld.Refused(world.Officer, path, new { file = File("西域通用航空有限公司", 2024, events), evidence }, HttpStatusCode.BadRequest,
            "evaluation.year", "year");
        await CaseWorld.Refused(world.Officer, path, new { file = File("西域通用航空有限公司", 2025, events + """, { "item": 4, "date": "2025-08-01" }"""),
            evidence }, HttpStatusCode.BadRequest, "evaluation.fine", "events[4].fine");
        await CaseWorld.Refused(world.Officer, path, new { file = File("西域通用航空有限公司", 2025, events), evidence = "" }, HttpStatusCode.BadRequest,
            "field.required", "evidence");
        var before = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/evaluations/{id}", Ct);
        Assert.Equal(0, before.GetProperty("entries").GetArrayLength());

        var imported = await CaseWorld.Step(world.Officer, path, new { file = File("西域通用航空有限公司", 2025, events), evidence });
        // 20 + 10 + 4 + 3 = 37: 63, C — what `ses ga score` prints for the same file.
        Assert.Equal((63m, "C", 4), (imported.GetProperty("score").GetDecimal(), imported.GetProperty("grade").GetString(),
            imported.GetProperty("entries").GetArrayLength()));
        Assert.Contains(imported.GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("evidence").GetString() == evidence + "（导入文件第 2 个事件）");
    }

    [Fact]
    public async Task Concurrent_NewRoundsAndPublications_OneRoundAYear_OneNoticeEachEnterprise()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 3, 2);
        var world = await CaseWorld.CreateAsync(factory, "huadong");
        var body = new { year = 2025, notice = "请上传材料。", materialsDueOn = "2026-03-20" };
        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.Officer.PostAsJsonAsync("/api/evaluation-rounds", body, Ct)));
        Assert.Single(created, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(created.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var round = (await world.Officer.GetFromJsonAsync<JsonElement>("/api/evaluation-rounds", Ct))[0].GetProperty("id").GetString();
        var path = $"/api/evaluation-rounds/{round}";
        var (other, _, _) = await world.Delivery.CounterpartyAsync("华东某某通用航空有限公司");
        await CaseWorld.Step(world.Officer, $"{path}/enterprises", new { counterpartyId = world.Counterparty, type = "载客类" });
        await CaseWorld.Step(world.Officer, $"{path}/enterprises", new { counterpartyId = other, type = "执照培训类" });
        await CaseWorld.Step(world.Officer, $"{path}/pre-evaluation");

        var published = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => world.Officer.PostAsJsonAsync($"{path}/publication", new { }, Ct)));
        Assert.Contains(published, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(published, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        // A retry issues what is missing and nothing twice.
        await CaseWorld.Step(world.Officer, $"{path}/publication", new { });
        var numbers = world.Delivery.WithDb(db => db.IssuedDocuments.Where(d => d.FormId == "ga-pre-evaluation" && d.Bureau == "huadong")
            .Select(d => d.Number).ToList());
        Assert.Equal(["华东局诚评字〔2026〕1号", "华东局诚评字〔2026〕2号"], numbers.Order());
    }

    private static string Enterprise(JsonElement round, string counterpartyId) =>
        round.GetProperty("enterprises").EnumerateArray().Single(e => e.GetProperty("counterpartyId").GetString() == counterpartyId)
            .GetProperty("id").GetString()!;

    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
}
