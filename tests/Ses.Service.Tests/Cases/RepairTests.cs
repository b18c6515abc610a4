using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// Credit repair through the API on an injected clock (实施办法第十八条、第十九条): too early refused, a linked person
/// cannot apply alone, refused by the meeting with a refusal decision (信不决), repeated without new evidence and
/// rejected (信不受), then approved with new evidence, transferred and removed by legal staff — the public list takes the
/// organisation down and says when.
/// </summary>
public sealed class RepairTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = "%PDF-1.7\n% application\n"u8.ToArray();

    [Fact]
    public async Task Refused_RepeatedWithoutNewEvidenceRejected_ThenApprovedAndRemoved()
    {
        // Entered on Wednesday 2026-07-01: the 3-month waiting period ends on 10-01, an application is accepted from 10-02.
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "xinjiang");
        var caseId = await world.RecordedAsync("2026-07-01");
        var record = await world.RecordOfAsync(caseId);
        var recordId = record.GetProperty("id").GetString();
        Assert.Equal("2026-10-02", record.GetProperty("repairEligibleFrom").GetString());
        var person = record.GetProperty("persons").EnumerateArray().First().GetProperty("id").GetString();

        // A person recorded with the organisation cannot apply alone (实施办法第十九条); nothing is stored.
        factory.Clock.Now = TestClock.Beijing(2026, 10, 1);
        await world.SignInAsync();
        await CaseWorld.Refused(world.Officer, "/api/repairs", Application(person), HttpStatusCode.BadRequest, "repair.person-alone", "recordId");
        // 10-01 is the last day of the waiting period (实施办法第十八条: 满 3 个月).
        var early = await world.Officer.PostAsJsonAsync("/api/repairs", Application(recordId), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var problem = (await early.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems")[0];
        Assert.Equal(("receivedOn", "repair.too-early"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        Assert.Contains("2026年10月2日", problem.GetProperty("message").GetString());
        Assert.Empty(await world.Officer.GetFromJsonAsync<JsonElement[]>($"/api/repairs?recordId={recordId}", Ct) ?? []);

        // First application on Friday 10-09: to the meeting within 3 working days (10-10 is a working Saturday: 10-13).
        factory.Clock.Now = TestClock.Beijing(2026, 10, 9);
        await world.SignInAsync();
        var first = await Created(world, Application(recordId));
        Assert.Equal(("meeting", "2026-10-13"), (first.GetProperty("state").GetString(), first.GetProperty("next").GetProperty("dueDate").GetString()));
        await CaseWorld.Refused(world.Officer, "/api/repairs", Application(recordId), HttpStatusCode.Conflict, "repair.open");
        var repair = $"/api/repairs/{first.GetProperty("id").GetString()}";
        await CaseWorld.Refused(world.Officer, $"{repair}/meeting", new { approved = false, minutes = Pdf }, HttpStatusCode.BadRequest, "field.required",
            "reasons");
        var refused = await CaseWorld.Step(world.Officer, $"{repair}/meeting", new { approved = false, reasons = "未能证明已消除不良影响", minutes = Pdf });
        Assert.Equal(("refusal", "2026-10-12"), (refused.GetProperty("state").GetString(), refused.GetProperty("next").GetProperty("dueDate").GetString()));
        // Held the same day (10-09): the refusal decision is due 2 working days later, 10-12 (10-10 is a working Saturday).
        refused = await CaseWorld.Step(world.Officer, $"{repair}/refusal", new { });
        Assert.Equal("refused", refused.GetProperty("state").GetString());
        var refusalNumber = refused.GetProperty("documentNumber").GetString()!;
        Assert.StartsWith("新疆局信不决字〔2026〕", refusalNumber);
        var refusalText = await PdfText(world, refused.GetProperty("documentId").GetString()!);
        Assert.Contains("未能证明已消除不良影响", refusalText);
        Assert.Contains("未按规定向旅客提供航班延误服务", refusalText);
        await ConfirmAsync(world, refusalNumber);

        // A repeated application without new evidence is received to be rejected (实施办法第十九条第三款).
        factory.Clock.Now = TestClock.Beijing(2026, 10, 16);
        await world.SignInAsync();
        var second = await Created(world, Application(recordId));
        Assert.Equal("rejection", second.GetProperty("state").GetString());
        await CaseWorld.Refused(world.Officer, $"/api/repairs/{second.GetProperty("id").GetString()}/meeting", new { approved = true, minutes = Pdf },
            HttpStatusCode.Conflict, "case.step.state");
        var rejected = await CaseWorld.Step(world.Officer, $"/api/repairs/{second.GetProperty("id").GetString()}/rejection", new { });
        Assert.Equal("rejected", rejected.GetProperty("state").GetString());
        Assert.StartsWith("新疆局信不受字〔2026〕", rejected.GetProperty("documentNumber").GetString());
        Assert.Contains(refusalNumber, await PdfText(world, rejected.GetProperty("documentId").GetString()!));

        // With new evidence: approved, transferred within 2 working days, removed by legal staff.
        factory.Clock.Now = TestClock.Beijing(2026, 10, 19);
        await world.SignInAsync();
        var third = await Created(world, Application(recordId, newEvidence: true));
        Assert.Equal("meeting", third.GetProperty("state").GetString());
        Assert.Equal("2026-11-16", third.GetProperty("wholeDue").GetString()); // 20 working days after 10-19
        repair = $"/api/repairs/{third.GetProperty("id").GetString()}";
        var approved = await CaseWorld.Step(world.Officer, $"{repair}/meeting", new { approved = true, minutes = Pdf });
        Assert.Equal(("transfer", "2026-10-21"), (approved.GetProperty("state").GetString(), approved.GetProperty("next").GetProperty("dueDate").GetString()));
        await CaseWorld.Step(world.Officer, $"{repair}/transfer", new { });
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync($"{repair}/removal", new { }, Ct)).StatusCode);
        var removed = await CaseWorld.Step(world.Legal, $"{repair}/removal", new { });
        Assert.Equal(("repaired", "repaired"), (removed.GetProperty("state").GetString(), removed.GetProperty("recordState").GetString()));
        var after = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal(("repaired", "2026-10-19"), (after.GetProperty("state").GetString(), after.GetProperty("removedOn").GetString()));
        Assert.All(after.GetProperty("persons").EnumerateArray(), p => Assert.Equal("repaired", p.GetProperty("state").GetString()));
        var feed = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/public/credit-records.json", Ct);
        Assert.Contains(feed.GetProperty("removed").EnumerateArray(), e => e.GetProperty("id").GetString() == recordId
            && e.GetProperty("removedReason").GetString() == "repaired");

        // The case's timeline holds every step of the repair.
        var steps = (await world.ReadAsync(caseId)).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ToList();
        Assert.Equal(3, steps.Count(s => s == "repair-application"));
        Assert.Contains("repair-refusal", steps);
        Assert.Contains("repair-rejection", steps);
        Assert.Equal("repair-removal", steps[^1]);
    }

    private static object Application(string? recordId, bool newEvidence = false) => new
    {
        recordId, newEvidence, explanation = "已完成整改，建立旅客服务保障制度并开展培训。", file = Pdf, fileName = "修复申请书.pdf",
    };

    private static async Task<JsonElement> Created(CaseWorld world, object body)
    {
        var response = await world.Officer.PostAsJsonAsync("/api/repairs", body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static async Task ConfirmAsync(CaseWorld world, string number)
    {
        var found = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/deliveries?number={Uri.EscapeDataString(number)}", Ct);
        var account = await world.Delivery.AccountAsync(world.AccountName);
        var confirmed = await account.PostAsync($"/api/my/deliveries/{found.EnumerateArray().Single().GetProperty("id").GetString()}/confirm", null, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    private static async Task<string> PdfText(CaseWorld world, string documentId)
    {
        var bytes = await world.Officer.GetByteArrayAsync($"/api/documents/{documentId}/pdf", Ct);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }
}
