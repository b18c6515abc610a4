using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Documents.Validation;
using Ses.Service.Cases;
using Ses.Service.Data;
using Ses.Service.Evaluations;
using Ses.Service.Http;
using Ses.Service.Issuing;
using Ses.Service.Tests.Cases;

namespace Ses.Service.Tests.Security;

/// <summary>
/// Issuing a draft answers 409 <c>draft.issued</c> only when the draft was issued already (its own record, or the
/// unique index on the issued documents' draft); any other failure of the save is not answered as 「草稿已签发」.
/// </summary>
public sealed class IssueConflictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issue_ADraftIssuedAlready_Is409DraftIssued()
    {
        using var factory = new DevelopmentServiceFactory();
        var world = await DeliveryWorld.CreateAsync(factory);
        var draftId = await DraftAsync(world);

        Assert.Equal(HttpStatusCode.Created, (await world.Officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct)).StatusCode);
        var twice = await world.Officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(ErrorCodes.DraftIssued, (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    /// <summary>Another process issued the draft between the check and the commit: the unique index refuses the second.</summary>
    [Fact]
    public async Task Issue_WhenSavingTheDocumentBreaksTheUniqueIndex_Is409DraftIssued()
    {
        var refuse = new RefuseInsert("issued_documents",
            () => new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: issued_documents.DraftId'.", 19, 2067));
        using var factory = new FailingSaveFactory(refuse);
        var world = await DeliveryWorld.CreateAsync(factory);
        var draftId = await DraftAsync(world);

        refuse.Refusing = true;
        var issued = await world.Officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, issued.StatusCode);
        Assert.Equal(ErrorCodes.DraftIssued, (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    /// <summary>Before, every failed save of issuing (a disk I/O error, a lock timeout) was answered 409 「草稿已签发」.</summary>
    [Fact]
    public async Task Issue_WhenSavingTheDocumentFailsForAnotherReason_IsNotAnsweredAsAlreadyIssued()
    {
        var refuse = new RefuseInsert("issued_documents", () => new SqliteException("SQLite Error 10: 'disk I/O error'.", 10));
        using var factory = new FailingSaveFactory(refuse);
        var world = await DeliveryWorld.CreateAsync(factory);
        var draftId = await DraftAsync(world);

        refuse.Refusing = true;
        var failed = await world.Officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.NotEqual(
            ErrorCodes.DraftIssued,
            (await failed.Content.ReadFromJsonAsync<JsonElement>(Ct)).TryGetProperty("code", out var code) ? code.GetString() : null);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            Assert.Null((await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId, Ct)).IssuedDocumentId);
            Assert.Equal(0, await db.IssuedDocuments.CountAsync(Ct));
        }

        refuse.Refusing = false;
        Assert.Equal(HttpStatusCode.Created, (await world.Officer.PostAsync($"/api/drafts/{draftId}/issue", null, Ct)).StatusCode);
    }

    /// <summary>
    /// Two requests issuing the same step's document of one evaluation at once (its pre-evaluation notice) both find no
    /// draft (each reading is held until both made it); the one that saves the step's first draft second is refused 409
    /// <c>draft.step-taken</c> and stores nothing, so the step never gets two numbers — also when the second saves after
    /// the first's draft exists (a count of the step's drafts at that moment would have made it a second attempt). The
    /// race is played in order: the unique index decides, not the timing.
    /// </summary>
    [Fact]
    public async Task StepIssue_TwoAtOnceOnOneEvaluation_OneIssues_TheOther409StepTaken_NothingExtraStored()
    {
        var barrier = new StepAttemptBarrier();
        using var factory = new FailingSaveFactory(barrier, new TestClock(TestClock.Beijing(2026, 3, 2)));
        var (world, evaluation, data, actor) = await PreEvaluationAsync(factory);
        int Created() => world.Delivery.WithDb(db => db.AuditEntries.Count(a => a.Action == "draft.created"));
        var createdBefore = Created();
        barrier.Arm(2);
        var issued = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => IssuePreEvaluationAsync(factory, evaluation, data, actor), Ct)));

        Assert.False(barrier.TimedOut, "the two requests did not both read the step's drafts before saving");
        var document = Assert.Single(issued, i => i.Document is not null).Document!;
        var refused = Assert.Single(issued, i => i.Document is null).Refused!;
        Assert.Equal((StatusCodes.Status409Conflict, ErrorCodes.DraftStepTaken), (refused.Status, refused.Code));
        // One draft (the first attempt), one document, one delivery, one 「draft.created」: nothing of the loser.
        var drafts = world.Delivery.WithDb(db => db.Drafts.Where(d => d.EvaluationId == evaluation).Select(d => new { d.StepAttempt, d.IssuedDocumentId })
            .ToList());
        Assert.Equal(1, Assert.Single(drafts).StepAttempt);
        Assert.Equal(document.Id, drafts[0].IssuedDocumentId);
        Assert.Equal([document.Id], world.Delivery.WithDb(db => db.IssuedDocuments.Where(d => d.FormId == EvaluationDocuments.PreEvaluationForm)
            .Select(d => d.Id).ToList()));
        Assert.Equal(1, world.Delivery.WithDb(db => db.Deliveries.Count(d => d.DocumentId == document.Id)));
        Assert.Equal(createdBefore + 1, Created());
    }

    /// <summary>
    /// A step's document voided, the step issued again: the new draft is the second attempt (counted up to the voided
    /// draft the request saw), with its own number.
    /// </summary>
    [Fact]
    public async Task StepIssue_AfterTheDocumentWasVoided_IsTheSecondAttemptWithANewNumber()
    {
        using var factory = new FailingSaveFactory(new StepAttemptBarrier(), new TestClock(TestClock.Beijing(2026, 3, 2)));
        var (world, evaluation, data, actor) = await PreEvaluationAsync(factory);
        async Task<IssuedDocument> IssueAsync() => (await IssuePreEvaluationAsync(factory, evaluation, data, actor)).Document!;

        var first = await IssueAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var (voided, refused) = await scope.ServiceProvider.GetRequiredService<DocumentRegister>()
                .VoidAsync(first.Id, "通知书内容有误，重新制发", "huadong", actor.UserName, "test", Ct);
            Assert.Null(refused);
            Assert.NotNull(voided!.VoidedAt);
        }
        var second = await IssueAsync();

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Number, second.Number);
        var drafts = world.Delivery.WithDb(db => db.Drafts.Where(d => d.EvaluationId == evaluation).OrderBy(d => d.StepAttempt)
            .Select(d => new { d.StepAttempt, d.IssuedDocumentId }).ToList());
        Assert.Equal([(1, (Guid?)first.Id), (2, second.Id)], drafts.Select(d => (d.StepAttempt!.Value, d.IssuedDocumentId)));
    }

    /// <summary>
    /// A round with one enterprise in pre-evaluation: the world, the enterprise's evaluation, its pre-evaluation notice's
    /// data as publication fills it, and the officer.
    /// </summary>
    private static async Task<(CaseWorld World, Guid Evaluation, string Data, CaseActor Actor)> PreEvaluationAsync(FailingSaveFactory factory)
    {
        var world = await CaseWorld.CreateAsync(factory, "huadong");
        var created = await world.Officer.PostAsJsonAsync("/api/evaluation-rounds",
            new { year = 2025, notice = "请上传材料。", materialsDueOn = "2026-03-20" }, Ct);
        var path = $"/api/evaluation-rounds/{(await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()}";
        await CaseWorld.Step(world.Officer, $"{path}/enterprises", new { counterpartyId = world.Counterparty, type = "载客类" });
        await CaseWorld.Step(world.Officer, $"{path}/pre-evaluation");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var e = await db.Evaluations.AsNoTracking().SingleAsync(x => x.CounterpartyId == Guid.Parse(world.Counterparty), Ct);
        var round = await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == e.RoundId, Ct);
        (round.PublishedOn, round.PublicationEndsOn) = (new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6));
        var result = await scope.ServiceProvider.GetRequiredService<EvaluationQueries>().ScoreAsync(e, round.Year, Ct);
        var data = EvaluationDocuments.PreEvaluation(round, e, result, new NoticeOptions(null, null, null)).ToJsonString();
        var officer = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.UserName == world.OfficerName, Ct);
        return (world, e.Id, data, new CaseActor("huadong", officer.Id, officer.UserName, "test"));
    }

    /// <summary>The evaluation's pre-evaluation notice issued and served, as publication does, in a request scope of its own.</summary>
    private static async Task<(IssuedDocument? Document, Refusal? Refused)> IssuePreEvaluationAsync(FailingSaveFactory factory, Guid evaluation, string data,
        CaseActor actor)
    {
        using var scope = factory.Services.CreateScope();
        var e = await scope.ServiceProvider.GetRequiredService<SesDbContext>().Evaluations.AsNoTracking().SingleAsync(x => x.Id == evaluation, Ct);
        return await scope.ServiceProvider.GetRequiredService<EvaluationDocuments>().IssueAndServeAsync(e, EvaluationDocuments.PreEvaluationForm,
            EvaluationDocuments.PreEvaluationForm, JsonNode.Parse(data)!.AsObject(), null, actor, Ct);
    }

    private static async Task<Guid> DraftAsync(DeliveryWorld world)
    {
        var created = await world.Officer.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org", data = new { party = "签发冲突测试公司", actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }
}
