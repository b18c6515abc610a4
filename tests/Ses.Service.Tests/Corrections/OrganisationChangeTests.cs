using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Corrections;

/// <summary>
/// Organisation changes (实施办法第二十二条): a renamed organisation's records take the new name (the old one kept); an
/// absorbed organisation's records in force pass to the survivor, and the in-force question finds them under the
/// survivor's name; split and new-merger organisations start clean (nothing moves). Administrators or legal staff only.
/// </summary>
public sealed class OrganisationChangeTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Renamed_RecordsTakeTheNewName_OldNameKept_OfficersCannot()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "xinjiang");
        var caseId = await world.RecordedAsync("2026-07-01");
        var record = await world.RecordOfAsync(caseId);
        var (recordId, oldName) = (record.GetProperty("id").GetString(), record.GetProperty("partyName").GetString());
        var body = new { kind = "renamed", counterpartyId = world.Counterparty, newName = "西域天翼通用航空有限公司", on = "2026-07-01" };
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Officer.PostAsJsonAsync("/api/organisation-changes", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Leader.PostAsJsonAsync("/api/organisation-changes", body, Ct)).StatusCode);

        var change = await Created(world.Delivery.Admin, body);
        Assert.Equal((oldName, "西域天翼通用航空有限公司"), (change.GetProperty("oldName").GetString(), change.GetProperty("newName").GetString()));
        Assert.Contains("实施办法第二十二条第一款", change.GetProperty("rule").GetString());
        var changed = change.GetProperty("records").EnumerateArray().Single();
        Assert.Equal((recordId, oldName), (changed.GetProperty("record").GetString(), changed.GetProperty("partyName").GetString()));

        var after = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal(("西域天翼通用航空有限公司", "in-force"), (after.GetProperty("partyName").GetString(), after.GetProperty("state").GetString()));
        var party = await world.Delivery.Admin.GetFromJsonAsync<JsonElement>($"/api/counterparties/{world.Counterparty}", Ct);
        Assert.Equal("西域天翼通用航空有限公司", party.GetProperty("name").GetString());
        var question = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records/in-force?q={Uri.EscapeDataString("西域天翼")}", Ct);
        Assert.Contains(question.GetProperty("records").EnumerateArray(), r => r.GetProperty("id").GetString() == recordId);
        // Legal staff read the history.
        var history = await world.Legal.GetFromJsonAsync<JsonElement[]>($"/api/organisation-changes?counterpartyId={world.Counterparty}", Ct);
        Assert.Equal(oldName, Assert.Single(history!).GetProperty("oldName").GetString());
    }

    [Fact]
    public async Task MergerAbsorption_RecordsPassToTheSurvivor_InForceQuestionFindsThemUnderItsName()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "huabei");
        var caseId = await world.RecordedAsync("2026-07-01");
        var record = await world.RecordOfAsync(caseId);
        var recordId = record.GetProperty("id").GetString();
        var (survivor, _, _) = await world.Delivery.CounterpartyAsync("天山航空有限公司");

        var change = await Created(world.Legal,
            new { kind = "merger-absorption", counterpartyId = world.Counterparty, toCounterpartyId = survivor, on = "2026-07-01" });
        Assert.Equal(("天山航空有限公司", 3), (change.GetProperty("toName").GetString(), change.GetProperty("records").GetArrayLength()));
        Assert.Contains("第（三）项", change.GetProperty("rule").GetString());

        var after = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal((survivor, "天山航空有限公司", "in-force"),
            (after.GetProperty("counterpartyId").GetString(), after.GetProperty("partyName").GetString(), after.GetProperty("state").GetString()));
        var question = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records/in-force?q={Uri.EscapeDataString("天山航空有限公司")}", Ct);
        Assert.True(question.GetProperty("inForce").GetBoolean());
        var found = question.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("id").GetString() == recordId);
        Assert.Equal("天山航空有限公司", found.GetProperty("partyName").GetString());
        // The old name no longer answers; the history keeps it.
        var old = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records/in-force?q={Uri.EscapeDataString("西域通用航空")}", Ct);
        Assert.DoesNotContain(old.GetProperty("records").EnumerateArray(), r => r.GetProperty("id").GetString() == recordId);
        Assert.Contains(change.GetProperty("records").EnumerateArray(), r => r.GetProperty("record").GetString() == recordId
            && r.GetProperty("partyName").GetString() == "西域通用航空有限公司" && r.GetProperty("counterpartyId").GetString() == world.Counterparty);
        var feed = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/public/credit-records.json", Ct);
        Assert.Equal("天山航空有限公司",
            feed.GetProperty("inForce").EnumerateArray().Single(e => e.GetProperty("id").GetString() == recordId).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("split-surviving", "dongbei", "第（一）项")]
    [InlineData("split-dissolved", "xinan", "第（二）项")]
    [InlineData("merger-new", "zhongnan", "第（四）项")]
    public async Task SplitsAndNewMerger_NothingMoves_TheNewOrganisationsStartClean(string kind, string bureau, string item)
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, bureau);
        var caseId = await world.RecordedAsync("2026-07-01");
        var record = await world.RecordOfAsync(caseId);
        var recordId = record.GetProperty("id").GetString();
        var (other, _, _) = await world.Delivery.CounterpartyAsync("昆仑新航空有限公司");

        var change = await Created(world.Delivery.Admin, new { kind, counterpartyId = world.Counterparty, toCounterpartyId = other, on = "2026-06-30" });
        Assert.Equal(0, change.GetProperty("records").GetArrayLength());
        Assert.Contains(item, change.GetProperty("rule").GetString());
        var after = await world.Legal.GetFromJsonAsync<JsonElement>($"/api/records/{recordId}", Ct);
        Assert.Equal((world.Counterparty, record.GetProperty("partyName").GetString()),
            (after.GetProperty("counterpartyId").GetString(), after.GetProperty("partyName").GetString()));
        var clean = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/records/in-force?q={Uri.EscapeDataString("昆仑新航空")}", Ct);
        Assert.False(clean.GetProperty("inForce").GetBoolean());
    }

    [Fact]
    public async Task BadInput_GetsFieldCodeAndChineseMessage_AndStoresNothing_OtherBureauCannot()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 7, 1);
        var world = await CaseWorld.CreateAsync(factory, "huadong");
        var admin = world.Delivery.Admin;
        const string Path = "/api/organisation-changes";
        await CaseWorld.Refused(admin, Path, new { kind = "moved", counterpartyId = world.Counterparty, on = "2026-07-01" }, HttpStatusCode.BadRequest,
            "organisation-change.kind", "kind");
        await CaseWorld.Refused(admin, Path, new { kind = "renamed", counterpartyId = Guid.NewGuid(), newName = "新名", on = "2026-07-01" },
            HttpStatusCode.BadRequest, "organisation-change.counterparty", "counterpartyId");
        await CaseWorld.Refused(admin, Path, new { kind = "renamed", counterpartyId = world.Counterparty, on = "2026-07-01" }, HttpStatusCode.BadRequest,
            "field.required", "newName");
        await CaseWorld.Refused(admin, Path, new { kind = "merger-absorption", counterpartyId = world.Counterparty, on = "2026-07-01" },
            HttpStatusCode.BadRequest, "field.required", "toCounterpartyId");
        await CaseWorld.Refused(admin, Path,
            new { kind = "merger-absorption", counterpartyId = world.Counterparty, toCounterpartyId = world.Counterparty, on = "2026-07-01" },
            HttpStatusCode.BadRequest, "organisation-change.same", "toCounterpartyId");
        await CaseWorld.Refused(admin, Path, new { kind = "renamed", counterpartyId = world.Counterparty, newName = "新名称有限公司", on = "2026-07-02" },
            HttpStatusCode.BadRequest, "organisation-change.date-in-future", "on");
        var other = await DeliveryWorld.CreateAsync(factory, "xibei");
        await CaseWorld.Refused(other.Admin, Path, new { kind = "renamed", counterpartyId = world.Counterparty, newName = "新名称有限公司", on = "2026-07-01" },
            HttpStatusCode.BadRequest, "organisation-change.counterparty", "counterpartyId");
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>(Path, Ct) ?? []);
        var party = await admin.GetFromJsonAsync<JsonElement>($"/api/counterparties/{world.Counterparty}", Ct);
        Assert.Equal("西域通用航空有限公司", party.GetProperty("name").GetString());
    }

    private static async Task<JsonElement> Created(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/organisation-changes", body, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }
}
