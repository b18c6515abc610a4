using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// After the decision: the warning interview reported within 5 working days and entered by legal staff within 3
/// (实施办法第十五条), late steps recorded with their working days; the notifications of 实施办法第十六条 as tasks with
/// the text sent, in the timeline.
/// </summary>
public sealed class CaseFollowUpTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Interview_ReportedLate_EnteredOnTime_NotificationSentWithItsText()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "huadong");
        var open = await world.OpenAsync(decisionDate: "2026-07-01", actDate: "2026-06-30");
        await CaseWorld.Refused(world.Officer, $"/api/cases/{open}/interview", new { text = "约谈" }, HttpStatusCode.Conflict, "case.step.state");
        var id = await world.RecordedAsync("2026-07-01");
        var path = $"/api/cases/{id}";
        await CaseWorld.Refused(world.Officer, $"{path}/interview-report", new { }, HttpStatusCode.Conflict, "case.step.state");

        factory.Clock.Now = TestClock.Beijing(2026, 7, 2);
        await world.SignInAsync();
        await CaseWorld.Refused(world.Officer, $"{path}/interview", new { }, HttpStatusCode.BadRequest, "field.required", "text");
        var view = await CaseWorld.Step(world.Officer, $"{path}/interview", new { text = "约谈法定代表人，督促其整改并消除不良影响。" });
        Assert.Equal(("interview", "recorded"), (CaseWorld.LastStep(view).GetProperty("step").GetString(), view.GetProperty("state").GetString()));

        // Reported on 07-10: due 5 working days after 07-02 (07-09), one working day late — recorded, not refused.
        factory.Clock.Now = TestClock.Beijing(2026, 7, 10);
        await world.SignInAsync();
        view = await CaseWorld.Step(world.Officer, $"{path}/interview-report", new { });
        var report = CaseWorld.LastStep(view);
        Assert.Equal(("2026-07-09", 1), (report.GetProperty("dueDate").GetString(), report.GetProperty("lateWorkingDays").GetInt32()));
        await CaseWorld.Refused(world.Officer, $"{path}/interview-report", new { }, HttpStatusCode.Conflict, "case.step.state");

        // Entered by legal staff on 07-13: due 3 working days after the report (07-15).
        factory.Clock.Now = TestClock.Beijing(2026, 7, 13);
        await world.SignInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"/api/entries/{id}/interview", new { }, Ct)).StatusCode);
        view = await CaseWorld.Step(world.Legal, $"/api/entries/{id}/interview", new { });
        var entry = CaseWorld.LastStep(view);
        Assert.Equal(("2026-07-15", 0), (entry.GetProperty("dueDate").GetString(), entry.GetProperty("lateWorkingDays").GetInt32()));

        // 实施办法第十六条: the regional bureau of the domicile, as a task, then sent with its text.
        var bad = await world.Officer.PostAsJsonAsync($"{path}/notifications", new { kind = "newspaper", recipient = "某报社", text = "通报" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var created = await world.Officer.PostAsJsonAsync($"{path}/notifications",
            new { kind = "other-bureau", recipient = "民航华东地区管理局", text = "现将西域通用航空有限公司严重失信行为认定及警示约谈情况通报如下……" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var task = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("应当通报", task.GetProperty("kindLabel").GetString());
        var open1 = await world.Officer.GetFromJsonAsync<JsonElement>($"{path}/notifications", Ct);
        Assert.Equal(JsonValueKind.Null, open1[0].GetProperty("sentOn").ValueKind);
        view = await CaseWorld.Step(world.Officer, $"{path}/notifications/{task.GetProperty("id").GetString()}/sent", new { method = "公文" });
        Assert.Contains("民航华东地区管理局", CaseWorld.LastStep(view).GetProperty("note").GetString());
        Assert.Equal("2026-07-13", (await world.Officer.GetFromJsonAsync<JsonElement>($"{path}/notifications", Ct))[0].GetProperty("sentOn").GetString());
        await CaseWorld.Refused(world.Officer, $"{path}/notifications/{task.GetProperty("id").GetString()}/sent", new { method = "公文" },
            HttpStatusCode.Conflict, "case.step.state");
    }
}
