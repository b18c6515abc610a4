using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ses.Service.Accounts;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// A bureau with what a credit case needs, made through the real API: a department, an officer in it, a leader, legal
/// staff, and a registered counterparty with a signed-in account.
/// </summary>
internal sealed class CaseWorld
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DevelopmentServiceFactory _factory;
    private readonly string _leaderName;
    private readonly string _officerName;

    private CaseWorld(DevelopmentServiceFactory factory, DeliveryWorld delivery, string officer, string leader, Guid department)
    {
        (_factory, Delivery, _officerName, _leaderName, Department) = (factory, delivery, officer, leader, department);
    }

    public DeliveryWorld Delivery { get; }

    public Guid Department { get; }

    public HttpClient Officer { get; private set; } = null!;

    public HttpClient Leader { get; private set; } = null!;

    public HttpClient Legal => Delivery.Legal;

    public string OfficerName => _officerName;

    public string Counterparty { get; private set; } = "";

    public string AccountName { get; private set; } = "";

    public static async Task<CaseWorld> CreateAsync(DevelopmentServiceFactory factory, string bureau)
    {
        var delivery = await DeliveryWorld.CreateAsync(factory, bureau);
        var unit = await delivery.Admin.PostAsJsonAsync("/api/units", new { name = "运输管理处", kind = "department" }, Ct);
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var department = (await unit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var world = new CaseWorld(factory, delivery, TestUsers.Create(factory, bureau, StaffRole.Officer), TestUsers.Create(factory, bureau, StaffRole.Leader),
            department);
        await world.SignInAsync();
        var (id, _, names) = await delivery.CounterpartyAsync("西域通用航空有限公司");
        (world.Counterparty, world.AccountName) = (id, names[0]);
        return world;
    }

    /// <summary>Signs everyone in again: after the clock moved on, their sign-ins have expired.</summary>
    public async Task SignInAsync()
    {
        await Delivery.SignInStaffAsync();
        Officer = await TestUsers.SignIn(_factory, _officerName);
        Leader = await TestUsers.SignIn(_factory, _leaderName);
    }

    public async Task<string> OpenAsync(string act = "未按规定向旅客提供航班延误服务", string[]? clauses = null, string decisionDate = "2026-09-28",
        string actDate = "2026-09-10", Guid? collectingUnit = null)
    {
        var response = await Officer.PostAsJsonAsync("/api/cases", new
        {
            counterpartyId = Counterparty, act, facts = "航班延误，未按规定向旅客提供服务。", actDate,
            clauses = clauses ?? ["8-1-5"], decisionNumber = "西北局罚〔2026〕12号", decisionDate, decisionIssuer = "民航西北地区管理局",
            collectingUnitId = collectingUnit ?? Department,
        }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Posts a step and expects the case back.</summary>
    public static async Task<JsonElement> Step(HttpClient client, string path, object? body = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Posts a step and expects a refusal with that status and code (and, for a 400, that field).</summary>
    public static async Task Refused(HttpClient client, string path, object? body, HttpStatusCode status, string code, string? field = null)
    {
        var response = await client.PostAsJsonAsync(path, body ?? new { }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode} {json}");
        if (field is null)
        {
            Assert.Equal(code, json.GetProperty("code").GetString());
            Assert.Contains(json.GetProperty("title").GetString()!, c => c >= '\u4e00');
        }
        else
        {
            Assert.Contains(json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == field
                && p.GetProperty("code").GetString() == code && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));
        }
    }

    /// <summary>
    /// A case taken to its record on the day the clock shows, without waiting: collected with a legal representative and a
    /// responsible person, approved, the notice served, a statement received the same day and not adopted, the meeting,
    /// the decision served both ways with its paper delivery that day, transferred and entered.
    /// </summary>
    public async Task<string> RecordedAsync(string today, string act = "未按规定向旅客提供航班延误服务")
    {
        var id = await DecidedAsync(today, act);
        await Step(Officer, $"/api/cases/{id}/transfer", new { });
        await Step(Legal, $"/api/entries/{id}", new { });
        return id;
    }

    /// <summary>
    /// A case taken to its transfer on the day the clock shows, as <see cref="RecordedAsync"/> does, collected by
    /// <paramref name="collectingUnit"/> (default: the department; a supervision office's collection is reviewed by the
    /// department first).
    /// </summary>
    public async Task<string> DecidedAsync(string today, string act = "未按规定向旅客提供航班延误服务", Guid? collectingUnit = null)
    {
        var id = await OpenAsync(act, decisionDate: today, actDate: today, collectingUnit: collectingUnit);
        var path = $"/api/cases/{id}";
        var collected = await Step(Officer, $"{path}/collection", new
        {
            legalRepresentative = new { name = "周某", idValue = "610113197805120038" },
            persons = new[] { new { name = "郑某", idValue = "610112199003140515", position = "质量部经理" } },
        });
        if (collected.GetProperty("state").GetString() == "office-review") await Step(Officer, $"{path}/office-review", new { });
        await Step(Leader, $"/api/approvals/{id}", new { approve = true });
        await Step(Officer, $"{path}/notice", new { });
        await Step(Officer, $"{path}/statement", new { text = "对认定有异议。" });
        await Step(Officer, $"{path}/statement-review", new { adopted = false, reason = "理由不成立" });
        await Step(Officer, $"{path}/meeting", new { minutes = "%PDF-1.7\n% minutes\n"u8.ToArray() });
        var view = await Step(Officer, $"{path}/decision", new { });
        var delivery = await DeliveryOfAsync(view, "decision");
        var paper = await Officer.PostAsJsonAsync($"/api/deliveries/{delivery}/paper", new
        {
            deliveredOn = today, method = "EMS", trackingNumber = "EA123456789CN", signedBy = "周某",
            receiptBase64 = Convert.ToBase64String("%PDF-1.7\n% receipt\n"u8.ToArray()), receiptName = "回证.pdf",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        return id;
    }

    /// <summary>A supervision office (监管局) that submits its collections to the department.</summary>
    public async Task<Guid> OfficeAsync(string name)
    {
        var office = await Delivery.Admin.PostAsJsonAsync("/api/units", new { name, kind = "office", submitsToUnitId = Department }, Ct);
        Assert.Equal(HttpStatusCode.Created, office.StatusCode);
        return (await office.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    /// <summary>The organisation's record of the case (not a linked person's).</summary>
    public async Task<JsonElement> RecordOfAsync(string caseId) =>
        (await Legal.GetFromJsonAsync<JsonElement>("/api/records", Ct)).GetProperty("records").EnumerateArray()
            .Single(r => r.GetProperty("caseId").GetString() == caseId && r.GetProperty("linkedToRecordId").ValueKind == JsonValueKind.Null);

    public async Task<JsonElement> ReadAsync(string id) => await Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct);

    public static JsonElement LastStep(JsonElement view) => view.GetProperty("steps").EnumerateArray().Last();

    /// <summary>The delivery of the case's document issued by that step.</summary>
    public async Task<string> DeliveryOfAsync(JsonElement view, string step)
    {
        var number = view.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step)
            .GetProperty("documentNumber").GetString();
        var found = await Officer.GetFromJsonAsync<JsonElement>($"/api/deliveries?number={Uri.EscapeDataString(number!)}", Ct);
        return found.EnumerateArray().Single().GetProperty("id").GetString()!;
    }
}
