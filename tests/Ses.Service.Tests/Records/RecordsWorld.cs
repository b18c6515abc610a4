using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Records;

namespace Ses.Service.Tests.Records;

/// <summary>
/// A bureau with an officer, legal staff and a leader, a registered counterparty and a credit case opened through the
/// API; records are entered as the case's entry step enters them: <see cref="RecordService.StageEntryAsync"/> inside
/// <see cref="EvidenceLog.WriteAsync{T}"/>.
/// </summary>
internal sealed class RecordsWorld
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Clauses = ["8-1-5"];

    private readonly WebApplicationFactory<Program> _factory;

    private RecordsWorld(WebApplicationFactory<Program> factory, string bureau) => (_factory, Bureau) = (factory, bureau);

    public string Bureau { get; }

    public HttpClient Officer { get; private set; } = null!;

    public HttpClient Legal { get; private set; } = null!;

    public HttpClient Leader { get; private set; } = null!;

    public string LegalName { get; private set; } = "";

    public Guid Counterparty { get; private set; }

    public Guid Case { get; private set; }

    /// <summary>The world; the case's act and decision are dated <paramref name="decisionDate"/> (not after the clock's today).</summary>
    public static async Task<RecordsWorld> CreateAsync(WebApplicationFactory<Program> factory, string bureau, string decisionDate = "2026-09-28")
    {
        var world = new RecordsWorld(factory, bureau);
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, bureau, StaffRole.Admin));
        var department = await DepartmentAsync(admin);
        world.Officer = await TestUsers.SignIn(factory, TestUsers.Create(factory, bureau, StaffRole.Officer));
        world.LegalName = TestUsers.Create(factory, bureau, StaffRole.Legal);
        world.Legal = await TestUsers.SignIn(factory, world.LegalName);
        world.Leader = await TestUsers.SignIn(factory, TestUsers.Create(factory, bureau, StaffRole.Leader));
        world.Counterparty = TestUsers.CreateAccount(factory, bureau).Counterparty;
        var opened = await world.Officer.PostAsJsonAsync("/api/cases", new
        {
            counterpartyId = world.Counterparty, act = "故意提供虚假材料", facts = "申请行政许可时提供虚假材料。", actDate = decisionDate,
            clauses = Clauses, decisionNumber = "西北局罚〔2026〕12号", decisionDate, decisionIssuer = "民航西北地区管理局",
            collectingUnitId = department,
        }, Ct);
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, body.ToString());
        world.Case = body.GetProperty("id").GetGuid();
        return world;
    }

    /// <summary>
    /// The bureau's 运输管理处, made the first time: a case is collected by one of the bureau profile's sealing units, and
    /// a unit's name is unique in its bureau, so the worlds made on one service share it.
    /// </summary>
    private static async Task<Guid> DepartmentAsync(HttpClient admin)
    {
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/units", Ct);
        if (units.EnumerateArray().FirstOrDefault(u => u.GetProperty("name").GetString() == "运输管理处") is { ValueKind: JsonValueKind.Object } found)
        {
            return found.GetProperty("id").GetGuid();
        }
        var unit = await admin.PostAsJsonAsync("/api/units", new { name = "运输管理处", kind = "department" }, Ct);
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        return (await unit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    /// <summary>An identifier no other test uses, like a unified social credit code.</summary>
    public static string NewIdentifier() => "91610000" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A name no other test uses.</summary>
    public static string NewName(string kind) => kind + Guid.NewGuid().ToString("N")[..8];

    /// <summary>An organisation's entry (1 year under 实施办法第八条第一款第（五）项 unless said otherwise).</summary>
    public RecordEntry Entry(string name, string identifier, DateOnly delivered, DateOnly entered, IReadOnlyList<RecordPerson>? persons = null,
        string clauses = "8-1-5", string governing = "8-1-5", int years = 1, string kind = "org") =>
        new(Case, Bureau, Counterparty, name, kind, kind == "org" ? "uscc" : "id", identifier, "故意提供虚假材料", clauses, governing, years,
            "西北局信决字〔2026〕1号", Guid.NewGuid(), delivered, entered, persons ?? []);

    /// <summary>Enters the record as the case's entry step does, in one evidence transaction; returns the organisation's (or individual's) record id.</summary>
    public async Task<Guid> EnterAsync(RecordEntry entry)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<RecordService>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        return await EvidenceLog.WriteAsync(db, async chain => (await records.StageEntryAsync(chain, entry, LegalName, now, Ct)).Id, Ct);
    }

    /// <summary>Removes the record as repair or correction will (with its linked persons).</summary>
    public async Task RemoveAsync(Guid id, string state, string reason, DateOnly on)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<RecordService>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await EvidenceLog.WriteAsync(db, async chain =>
        {
            var record = await db.CreditRecords.SingleAsync(r => r.Id == id, Ct);
            await records.StageRemovalAsync(chain, record, state, reason, on, LegalName, now, Ct);
            return 0;
        }, Ct);
    }

    public static RecordPerson Person(string role, string name, string id) => new(role, name, "id", id, role == "responsible" ? "运行总监" : null);

    public static string PersonId() => "610102" + Random.Shared.NextInt64(100000000000, 999999999999).ToString(CultureInfo.InvariantCulture);

    public T WithDb<T>(Func<SesDbContext, T> read)
    {
        using var scope = _factory.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<SesDbContext>());
    }
}
