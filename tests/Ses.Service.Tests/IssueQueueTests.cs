using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ses.Documents.Validation;
using Ses.Service.Accounts;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Storage;
using Ses.Service.Tests.Notifications;

namespace Ses.Service.Tests;

/// <summary>
/// Issuing in groups against a real SQLite file: drafts refused inside a group take no number and leave no file, and
/// the documents after them are numbered without a gap and printed with the number they took.
/// </summary>
public sealed class IssueQueueTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-queue-").FullName;
    private string? _connection;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        // This database's pooled connections only: the tests of other classes run alongside.
        if (_connection is not null) SqliteConnection.ClearPool(new SqliteConnection(_connection));
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The service on this test's folder, started, with its log lines in <paramref name="logs"/>.</summary>
    private WebApplicationFactory<Program> Start(DevelopmentServiceFactory factory, CapturedLogs logs)
    {
        var service = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var scope = service.Services.CreateScope();
        _connection = scope.ServiceProvider.GetRequiredService<SesDbContext>().Database.GetConnectionString();
        return service;
    }

    private static JsonElement Notice(string party) => JsonSerializer.SerializeToElement(new
    {
        party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料",
    });

    private static async Task<string> CreateDraftAsync(HttpClient officer, string party)
    {
        var created = await officer.PostAsJsonAsync("/api/drafts", new { formId = "notice-org", data = Notice(party) }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private static async Task<T> InScope<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A document rendered again inside the lock: the sequence it was prepared for and the one it took, from the log's values.</summary>
    internal static (int? Predicted, int Taken)? RenderedAgain(CapturedLogEntry e) =>
        e.Category == typeof(IssueQueue).FullName && e["Taken"] is int taken ? (e["Predicted"] as int?, taken) : null;

    private static Task<List<IssuedDocument>> Documents(IServiceProvider services) =>
        InScope(services, s => s.GetRequiredService<SesDbContext>().IssuedDocuments.AsNoTracking().OrderBy(d => d.Sequence).ToListAsync(Ct));

    /// <summary>Waits until the issue loop has stored the files of its first group, which then waits for the held write lock.</summary>
    private Task FirstGroupPreparedAsync() => FilesStoredAsync(2);

    /// <summary>Waits until the issue loop has stored <paramref name="count"/> files (a PDF and a DOCX per document prepared).</summary>
    private Task FilesStoredAsync(int count) => Eventually.Until(() => IssuedFiles.Stored(_folder).Count >= count, $"{count} files stored");

    [Fact]
    public async Task Issue_SameDraftEightTimesAmongOtherDrafts_IssuesItOnceAndNumbersEveryDocumentWithoutAGap()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        var logs = new CapturedLogs();
        using var service = Start(factory, logs);
        var officer = await TestUsers.SignIn(service, TestUsers.Create(service, "xibei", StaffRole.Officer));
        var twice = await CreateDraftAsync(officer, "重复签发测试公司");
        var others = new List<string>();
        for (var i = 0; i < 8; i++) others.Add(await CreateDraftAsync(officer, $"同组相对人{i}"));

        // While another writer holds the lock, the first group waits for it and every other request queues behind it:
        // the copies of the draft then meet the other drafts in the groups that follow, as they would under load.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(service.Services, release.Task);
        var requests = others.SelectMany(other => new[] { twice, other })
            .Select(id => (Id: id, Response: officer.PostAsync($"/api/drafts/{id}/issue", null, Ct))).ToList();
        await FirstGroupPreparedAsync();
        await Eventually.DocumentsQueued(service.Services, requests.Count);
        release.SetResult();
        await holder;

        var answers = new List<(string Id, HttpStatusCode Status, JsonElement Body)>();
        foreach (var (id, response) in requests)
        {
            var answer = await response.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            answers.Add((id, answer.StatusCode, await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        }
        var copies = answers.Where(a => a.Id == twice).ToList();
        var issuedOnce = Assert.Single(copies, a => a.Status == HttpStatusCode.Created);
        Assert.All(copies.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Equal("draft.issued", a.Body.GetProperty("code").GetString());
        });
        Assert.All(answers.Where(a => a.Id != twice), a => Assert.True(a.Status == HttpStatusCode.Created, a.Body.ToString()));

        var documents = await Documents(service.Services);
        Assert.Equal(Enumerable.Range(1, 9), documents.Select(d => d.Sequence));
        Assert.Equal(issuedOnce.Body.GetProperty("id").GetGuid(), Assert.Single(documents, d => d.DraftId == Guid.Parse(twice)).Id);
        foreach (var document in documents) Assert.Equal([document.Number], await IssuedFiles.NumbersInPdfAsync(service.Services, document));
        // The files of the refused copies and those rendered for a number not taken are gone; each document keeps its two.
        Assert.Equal(documents.SelectMany(d => new[] { d.PdfSha256, d.DocxSha256 }).Order(StringComparer.Ordinal), IssuedFiles.Stored(_folder));
        // Refused copies came before other documents: those were rendered again with the number they took.
        Assert.Contains(logs.Entries, e => RenderedAgain(e) is not null);
        var chain = await InScope(service.Services, s => EvidenceLog.VerifyAsync(s.GetRequiredService<SesDbContext>(), Ct));
        Assert.True(chain.Intact, chain.Reason);
        Assert.Equal(9, chain.Entries);
    }

    [Fact]
    public async Task Issue_DraftEditedAfterItWasRead_IsRefusedAndTakesNoNumberAndLeavesNoFile()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        using var service = Start(factory, new CapturedLogs());
        var draft = await InScope(service.Services, async s =>
            (await s.GetRequiredService<DraftService>()
                .CreateAsync(new DraftRequest("notice-org", Notice("读取时的相对人")), "xibei", "officer1", "test", Ct)).Draft!);
        var read = draft.Version;
        var edited = await InScope(service.Services, async s =>
            (await s.GetRequiredService<DraftService>()
                .UpdateAsync(draft.Id, new DraftUpdate(Notice("修改后的相对人"), read), "xibei", "officer2", "test", Ct)).Draft!);
        Assert.Equal(read + 1, edited.Version);

        // Issued with the values and the version as read before the edit.
        var refused = await Assert.ThrowsAsync<DraftChangedException>(() => InScope(service.Services, s => s.GetRequiredService<DraftService>().IssueAsync(
            new IssueRequest
            {
                FormId = "notice-org", Data = Notice("读取时的相对人"), Bureau = "xibei", Officer = "officer1", Source = "test",
                DraftId = draft.Id, DraftVersion = read,
            }, Ct)));
        Assert.Equal(draft.Id, refused.DraftId);

        Assert.Empty(await Documents(service.Services));
        var unchanged = await InScope(service.Services, s => s.GetRequiredService<SesDbContext>()
            .Drafts
            .AsNoTracking()
            .SingleAsync(d => d.Id == draft.Id, Ct));
        Assert.Null(unchanged.IssuedDocumentId);
        Assert.Equal(edited.Version, unchanged.Version);
        Assert.Equal(0, await InScope(service.Services, s => s.GetRequiredService<SesDbContext>()
            .AuditEntries
            .CountAsync(a => a.Action == "document.issued", Ct)));
        Assert.Equal(0, await InScope(service.Services, s => s.GetRequiredService<SesDbContext>().EvidenceEntries.CountAsync(Ct)));
        Assert.Empty(IssuedFiles.Stored(_folder));

        var (document, refusal) = await InScope(service.Services, s => s.GetRequiredService<DraftService>()
            .IssueAsync(draft.Id, "xibei", "officer1", "test", Ct));
        Assert.Null(refusal);
        Assert.Equal(1, document!.Sequence);
        Assert.Equal("修改后的相对人", document.Party);
        Assert.Equal([document.Number], await IssuedFiles.NumbersInPdfAsync(service.Services, document));
    }

    [Fact]
    public async Task IssueOverHttp_DraftEditedWhileTheIssueWaitsForTheLock_Is409DraftVersionAndTakesNoNumber()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        using var service = Start(factory, new CapturedLogs());
        var officer = await TestUsers.SignIn(service, TestUsers.Create(service, "xibei", StaffRole.Officer));
        var id = await CreateDraftAsync(officer, "签发时的相对人");

        // The edit and then the issue, both having read version 1, wait for the writer holding the lock; the edit is first.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(service.Services, release.Task);
        var edit = officer.PutAsJsonAsync($"/api/drafts/{id}", new { data = Notice("签发前修改的相对人"), version = 1 }, Ct);
        await Eventually.WritersWaiting(service.Services, 1);
        var issue = officer.PostAsync($"/api/drafts/{id}/issue", null, Ct);
        await FirstGroupPreparedAsync();
        await Eventually.WritersWaiting(service.Services, 2);
        release.SetResult();
        await holder;

        var edited = await edit.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await edited.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        var refused = await issue.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("draft.version", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Empty(await Documents(service.Services));
        Assert.Empty(IssuedFiles.Stored(_folder));

        var issued = await officer.PostAsync($"/api/drafts/{id}/issue", null, Ct);
        var document = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, document.ToString());
        Assert.Equal("签发前修改的相对人", document.GetProperty("party").GetString());
        Assert.Equal(1, Assert.Single(await Documents(service.Services)).Sequence);
    }

    [Fact]
    public async Task Issue_StaleThenCurrentVersionOfOneDraftInOneGroup_IssuesTheCurrentWithBothItsFilesKept()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        var logs = new CapturedLogs();
        using var service = Start(factory, logs);
        var values = Notice("保存未改动的相对人");
        var draft = await InScope(service.Services, async s =>
            (await s.GetRequiredService<DraftService>().CreateAsync(new DraftRequest("notice-org", values), "xibei", "officer1", "test", Ct)).Draft!);
        // Saved again with the same values: a new version that prints the same document as the one read before it.
        var saved = await InScope(service.Services, async s =>
            (await s.GetRequiredService<DraftService>().UpdateAsync(draft.Id, new DraftUpdate(values, draft.Version), "xibei", "officer2", "test", Ct)).Draft!);
        Task<(IssuedDocument? Document, IReadOnlyList<Problem> Problems)> Issue(IssueRequest request) =>
            InScope(service.Services, s => s.GetRequiredService<DraftService>().IssueAsync(request, Ct));
        IssueRequest Other(string party) => new() { FormId = "notice-org", Data = Notice(party), Bureau = "xibei", Officer = "officer1", Source = "test" };
        IssueRequest FromDraft(int version) => Other("") with { Data = values, DraftId = draft.Id, DraftVersion = version };

        // Two other documents go first: the first group waits for the held lock, the second waits behind it, and the read
        // before the save and the read after it queue together, in that order, for the group after them.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = await WriteLock.HoldAsync(service.Services, release.Task);
        var first = Issue(Other("先签发的其他相对人"));
        await FirstGroupPreparedAsync();
        var second = Issue(Other("其后签发的其他相对人"));
        await FilesStoredAsync(4);
        var stale = Issue(FromDraft(draft.Version));
        await Eventually.DocumentsQueued(service.Services, 3);
        var current = Issue(FromDraft(saved.Version));
        await Eventually.DocumentsQueued(service.Services, 4);
        release.SetResult();
        await holder;

        Assert.Equal(1, (await first.WaitAsync(TimeSpan.FromSeconds(60), Ct)).Document!.Sequence);
        Assert.Equal(2, (await second.WaitAsync(TimeSpan.FromSeconds(60), Ct)).Document!.Sequence);
        await Assert.ThrowsAsync<DraftChangedException>(() => stale.WaitAsync(TimeSpan.FromSeconds(60), Ct));
        var issued = (await current.WaitAsync(TimeSpan.FromSeconds(60), Ct)).Document!;
        Assert.Equal(3, issued.Sequence);
        // Prepared behind the stale read, the current one took the number the stale one was prepared for.
        Assert.Contains(logs.Entries, e => RenderedAgain(e) is (4, 3));
        Assert.Equal([issued.Number], await IssuedFiles.NumbersInPdfAsync(service.Services, issued));
        var files = service.Services.GetRequiredService<IFileStore>();
        Assert.NotNull(await files.GetAsync(issued.PdfSha256, Ct));
        // The refused read's files, rendered for the number the current one then took, are removed; not the current one's.
        Assert.True(await files.GetAsync(issued.DocxSha256, Ct) is not null, "the DOCX of the document issued was removed with the files of the refused read");
        var documents = await Documents(service.Services);
        Assert.Equal(documents.SelectMany(d => new[] { d.PdfSha256, d.DocxSha256 }).Order(StringComparer.Ordinal), IssuedFiles.Stored(_folder));
    }
}
