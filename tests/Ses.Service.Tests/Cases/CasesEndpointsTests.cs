using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Documents;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Data;

namespace Ses.Service.Tests.Cases;

/// <summary>
/// Officers open credit cases (实施办法第十一条) and see them in "my cases" with the collection form's due date
/// (实施办法第十二条: 10 working days for a department, 5 for a supervision office) on the 2026 calendar, where
/// 2026-09-25/27 and 2026-10-01/07 are rest days and 2026-10-10 (a Saturday) is a working day.
/// </summary>
public sealed class CasesEndpointsTests(CasesFixture factory) : IClassFixture<CasesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ThenRead_HoldsTheFactsClausesAndLongerValidity()
    {
        var world = await World("xibei");
        var response = await world.Officer.PostAsJsonAsync("/api/cases", Request(world, world.Department, ["8-1-2-3", "8-1-3"]), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var read = await world.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", Ct);
        Assert.Equal("collecting", read.GetProperty("state").GetString());
        Assert.Equal("航班延误未按规定处置", read.GetProperty("act").GetString());
        Assert.Equal(world.Counterparty, read.GetProperty("counterpartyId").GetGuid());
        Assert.Equal(["8-1-2-3", "8-1-3"], read.GetProperty("clauses").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        // 实施办法第八条第二款: the longer validity wins — 3 years under item (三) (实施办法第十七条).
        Assert.Equal("8-1-3", read.GetProperty("governingClause").GetString());
        Assert.Equal(3, read.GetProperty("validityYears").GetInt32());
        Assert.Equal("西北局罚〔2026〕12号", read.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal("2026-09-28", read.GetProperty("decision").GetProperty("date").GetString());
        Assert.Equal("运输管理处", read.GetProperty("collectingUnitName").GetString());
        Assert.Equal("填报采集单", read.GetProperty("next").GetProperty("step").GetString());

        var one = await world.Officer.PostAsJsonAsync("/api/cases", Request(world, world.Department, ["8-1-7"]), Ct);
        Assert.Equal(1, (await one.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("validityYears").GetInt32());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        Assert.True(await db.EvidenceEntries.AnyAsync(e => e.Event == "CaseOpened" && e.Subject == $"信用案件 {id}", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "case.created" && e.Subject == id.ToString(), Ct));
    }

    [Fact]
    public async Task Mine_AcrossNationalDay_DepartmentTenOfficeFiveWorkingDays_ThenOverdue()
    {
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
        var world = await World("huadong");
        var department = await Create(world, world.Department);
        var office = await Create(world, world.Office);
        // Another officer's case is not in my cases.
        var other = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huadong", StaffRole.Officer));
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/cases", Request(world, world.Department, ["8-1-1"]), Ct)).StatusCode);

        // Decision on Monday 2026-09-28: 9-29, 9-30, 10-08, 10-09, 10-10 (a working Saturday) … 10-16.
        var mine = await Mine(world.Officer);
        Assert.Equal([office, department], mine.Keys);
        AssertNext(mine[office], "2026-10-10", 3, overdue: false);
        AssertNext(mine[department], "2026-10-16", 8, overdue: false);
        Assert.Contains("实施办法第十二条第二款", mine[office].GetProperty("rule").GetString());
        Assert.Contains("实施办法第十二条第一款", mine[department].GetProperty("rule").GetString());

        // On the due date itself nothing is left and it is not late; the next working days count down below zero.
        // A sign-in does not outlive the days the clock moves over: sign in again on each day.
        factory.Clock.Now = TestClock.Beijing(2026, 10, 10, 23, 59);
        AssertNext((await Mine(await TestUsers.SignIn(factory, world.OfficerName)))[office], "2026-10-10", 0, overdue: false);
        factory.Clock.Now = TestClock.Beijing(2026, 10, 13);
        mine = await Mine(await TestUsers.SignIn(factory, world.OfficerName));
        AssertNext(mine[office], "2026-10-10", -2, overdue: true);
        AssertNext(mine[department], "2026-10-16", 3, overdue: false);
        factory.Clock.Now = TestClock.Beijing(2026, 9, 30);
    }

    [Fact]
    public async Task Create_BadInput_FieldCodeChineseMessage_AndNothingStored()
    {
        var world = await World("xinjiang");
        var foreignAdmin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "dongbei", StaffRole.Admin));
        var foreignUnit = await Unit(foreignAdmin, "运输管理处", "department");
        var before = await Counts();

        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-9"])), "clauses[0]", "case.clause.unknown");
        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-2"])), "clauses[0]", "case.clause.unknown");
        await AssertProblem(await Post(world, Request(world, world.Department, [])), "clauses", "case.clause.required");
        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-1"]) with { DecisionDate = "2026-09-01" }),
            "decisionDate", "case.decision-before-act");
        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-1"]) with { DecisionDate = "2026-10-09" }),
            "decisionDate", "case.date-in-future");
        await AssertProblem(await Post(world, Request(world, foreignUnit, ["8-1-1"])), "collectingUnitId", "case.unit");
        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-1"]) with { Act = "" }), "act", "field.required");
        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-1"]) with { Act = new string('航', 2000) }), "act", "field.too-long");
        // A character no shipped font draws cannot be printed on the case's documents later.
        await AssertProblem(await Post(world, Request(world, world.Department, ["8-1-1"]) with { Facts = "事实\U0001F600" }), "facts",
            "field.glyph.missing");

        var foreignParty = TestUsers.CreateAccount(factory, "dongbei").Counterparty;
        // A counterparty the bureau does not supervise, or none at all, is not found (实施办法第十一条: the bureau's own).
        var valid = Request(world, world.Department, ["8-1-1"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(world, valid with { CounterpartyId = foreignParty })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(world, valid with { CounterpartyId = Guid.NewGuid() })).StatusCode);

        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Create_CollectingUnitOrItsDepartmentNotASealingUnitOfTheProfile_Refused400NamingIt_NothingStored()
    {
        var world = await World("huabei");
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, "huabei", StaffRole.Admin));
        // Units are free text to the bureau's administrator; only the profile's units have a seal and a key.
        var unlisted = await Unit(admin, "综合业务处", "department");
        var officeOfUnlisted = await Unit(admin, OfficeOf("huabei", 1), "office", unlisted);
        var otherBureausOffice = await Unit(admin, "民航甘肃安全监督管理局", "office", world.Department);
        var before = await Counts();

        await AssertSealingUnitUnknown(await Post(world, Request(world, unlisted, ["8-1-1"])), "综合业务处不是民航华北地区管理局的盖章单位");
        // The office seals the collection form, the department it submits to the transfer slip: both must be able to.
        await AssertSealingUnitUnknown(await Post(world, Request(world, officeOfUnlisted, ["8-1-1"])),
            $"{OfficeOf("huabei", 1)}报送的部门综合业务处不是民航华北地区管理局的盖章单位");
        await AssertSealingUnitUnknown(await Post(world, Request(world, otherBureausOffice, ["8-1-1"])), "民航甘肃安全监督管理局不是民航华北地区管理局的盖章单位");
        Assert.Equal(before, await Counts());
        // The profile's own units open the case.
        await Create(world, world.Office);
    }

    [Fact]
    public async Task Isolation_AnotherBureausOfficerGets404_LegalStaffCannotCreate()
    {
        var world = await World("zhongnan");
        var id = await Create(world, world.Department);

        var foreign = await TestUsers.SignIn(factory, TestUsers.Create(factory, "xinan", StaffRole.Officer));
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/cases/{id}", Ct)).StatusCode);
        Assert.Empty((await Mine(foreign)).Keys);

        var legal = await TestUsers.SignIn(factory, TestUsers.Create(factory, "zhongnan", StaffRole.Legal));
        var before = await Counts();
        Assert.Equal(HttpStatusCode.Forbidden, (await legal.PostAsJsonAsync("/api/cases", Request(world, world.Department, ["8-1-1"]), Ct)).StatusCode);
        Assert.Equal(before, await Counts());
    }

    private sealed record CaseWorld(HttpClient Officer, string OfficerName, Guid Counterparty, Guid Department, Guid Office);

    private sealed record CaseBody(Guid CounterpartyId, string Act, string Facts, string ActDate, string[] Clauses, string DecisionNumber,
        string DecisionDate, string DecisionIssuer, Guid CollectingUnitId);

    private async Task<CaseWorld> World(string bureau)
    {
        var admin = await TestUsers.SignIn(factory, TestUsers.Create(factory, bureau, StaffRole.Admin));
        var department = await Unit(admin, "运输管理处", "department");
        var officeId = await Unit(admin, OfficeOf(bureau), "office", department);
        var name = TestUsers.Create(factory, bureau, StaffRole.Officer);
        return new CaseWorld(await TestUsers.SignIn(factory, name), name, TestUsers.CreateAccount(factory, bureau).Counterparty, department, officeId);
    }

    private static CaseBody Request(CaseWorld world, Guid unit, string[] clauses) =>
        new(world.Counterparty, "航班延误未按规定处置", "2026年9月10日航班延误，未按规定向旅客提供服务。", "2026-09-10", clauses, "西北局罚〔2026〕12号",
            "2026-09-28", "民航西北地区管理局", unit);

    private static Task<HttpResponseMessage> Post(CaseWorld world, CaseBody body) => world.Officer.PostAsJsonAsync("/api/cases", body, Ct);

    private static async Task<Guid> Create(CaseWorld world, Guid unit)
    {
        var response = await Post(world, Request(world, unit, ["8-1-2-3"]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<Dictionary<Guid, JsonElement>> Mine(HttpClient officer)
    {
        var response = await officer.GetAsync("/api/cases/mine", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetGuid(), c => c.GetProperty("next"));
    }

    private static void AssertNext(JsonElement next, string due, int left, bool overdue)
    {
        Assert.Equal("填报采集单", next.GetProperty("step").GetString());
        Assert.Equal(due, next.GetProperty("dueDate").GetString());
        Assert.Equal(left, next.GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal(overdue, next.GetProperty("overdue").GetBoolean());
    }

    /// <summary>A supervision office of the bureau's profile (the first by default), one of its sealing units.</summary>
    private string OfficeOf(string bureau, int index = 0) =>
        factory.Services.GetRequiredService<DocumentEngine>().Templates.FindBureau(bureau)!.Offices![index].Name;

    private static async Task<Guid> Unit(HttpClient admin, string name, string kind, Guid? submitsTo = null)
    {
        var response = await admin.PostAsJsonAsync("/api/units", new { name, kind, submitsToUnitId = submitsTo }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private async Task<(int Cases, int Evidence, int Audit)> Counts()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return (await db.CreditCases.CountAsync(Ct), await db.EvidenceEntries.CountAsync(Ct),
            await db.AuditEntries.CountAsync(e => e.Action == "case.created", Ct));
    }

    private static async Task AssertSealingUnitUnknown(HttpResponseMessage response, string named)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray());
        Assert.Equal(("collectingUnitId", ErrorCodes.FieldSealingUnitUnknown),
            (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        Assert.StartsWith($"「采集单位」{named}", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("运输管理处", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertProblem(HttpResponseMessage response, string field, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == field && p.GetProperty("code").GetString() == code
            && p.GetProperty("message").GetString()!.Any(c => c >= '\u4e00'));
    }
}
