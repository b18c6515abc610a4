using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Http;
using Ses.Service.Issuing;

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
    /// Two requests racing to issue a step's document (a case's or an evaluation's notice) both find no draft; the one
    /// that saves the step's first draft second is refused 409 <c>draft.step-taken</c> and stores nothing, so the step
    /// never gets two numbers. The race is played in order: the unique index decides, not the timing.
    /// </summary>
    [Fact]
    public async Task StepDraft_CreatedByAConcurrentRequestFirst_Is409StepTaken_AndStoresNothing()
    {
        using var factory = new DevelopmentServiceFactory();
        var world = await DeliveryWorld.CreateAsync(factory);
        var evaluation = Guid.CreateVersion7();
        var data = JsonSerializer.SerializeToElement(new { party = "签发冲突测试公司", actDate = "2026-03-02", actDescription = "在申请许可过程中提交虚假材料" });
        async Task<(Draft? Draft, Refusal? Refused)> CreateAsync(int attempt)
        {
            using var scope = factory.Services.CreateScope();
            var drafts = scope.ServiceProvider.GetRequiredService<DraftService>();
            return await drafts.CreateAsync(new DraftRequest("notice-org", data), "xibei", world.OfficerName, "test", Ct,
                new StepLink(null, evaluation, "ga-pre-evaluation", attempt));
        }

        int Created() => world.WithDb(db => db.AuditEntries.Count(a => a.Action == "draft.created"));
        var first = await CreateAsync(1);
        Assert.NotNull(first.Draft);
        var createdBefore = Created();
        var second = await CreateAsync(1);
        Assert.Null(second.Draft);
        Assert.Equal(ErrorCodes.DraftStepTaken, second.Refused!.Code);
        Assert.Equal([first.Draft.Id], world.WithDb(db => db.Drafts.Where(d => d.EvaluationId == evaluation).Select(d => d.Id).ToList()));
        Assert.Equal(createdBefore, Created());
        // The next attempt (after a voided document) is a draft of its own.
        Assert.NotNull((await CreateAsync(2)).Draft);
    }

    private static async Task<Guid> DraftAsync(DeliveryWorld world)
    {
        var created = await world.Officer.PostAsJsonAsync("/api/drafts", new
        {
            formId = "notice-org", data = new { party = "签发冲突测试公司", actDate = "2026-03-02", actDescription = "在申请许可过程中提交虚假材料" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }
}
