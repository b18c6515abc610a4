using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ses.Documents.Signing.Crypto;
using Ses.Documents.Validation;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Issuing;
using Ses.Service.Storage;
using Ses.Service.Tests.Notifications;

namespace Ses.Service.Tests;

/// <summary>Numbered issuing against a real SQLite file: sequential numbers, all-or-nothing, and many issuers at once.</summary>
public sealed class IssuingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-issue-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static JsonElement Notice(string party = "西安某某航空服务有限公司") => JsonSerializer.SerializeToElement(new
    {
        party, actDate = "2025-01-06", actDescription = "在申请许可过程中提交虚假材料",
    });

    private static async Task<(IssuedDocument? Doc, IReadOnlyList<Problem> Problems)> Issue(
        IServiceProvider services, JsonElement data, string form = "notice-org")
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftService>()
            .IssueAsync(new IssueRequest { FormId = form, Data = data, Officer = "officer1", Source = "test" }, CancellationToken.None);
    }

    private static async Task<List<IssuedDocument>> All(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SesDbContext>().IssuedDocuments.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Issue_Twice_GivesNumbersOneAndTwoWithSignedFilesStored()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        _ = factory.Server;
        var (first, _) = await Issue(factory.Services, Notice());
        var (second, _) = await Issue(factory.Services, Notice());
        Assert.Equal("西北局信告字〔2026〕1号", first!.Number);
        Assert.Equal("西北局信告字〔2026〕2号", second!.Number);
        var pdf = await factory.Services.GetRequiredService<IFileStore>().GetAsync(first.PdfSha256, CancellationToken.None);
        var text = Encoding.Latin1.GetString(pdf!);
        Assert.Contains("/SubFilter/ETSI.CAdES.detached", text);
        Assert.Equal(first.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(pdf!)));
        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<SesDbContext>()
            .AuditEntries
            .AsNoTracking()
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, audit.Count(a => a.Action == "document.issued"));
    }

    [Fact]
    public async Task Issue_InvalidData_StoresNothingAndTakesNoNumber()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        _ = factory.Server;
        var (doc, problems) = await Issue(factory.Services, JsonSerializer.SerializeToElement(new { party = "某公司" }));
        Assert.Null(doc);
        Assert.Contains(problems, p => p.Code == "field.required");
        Assert.Empty(await All(factory.Services));
        var (next, _) = await Issue(factory.Services, Notice());
        Assert.Equal(1, next!.Sequence);
    }

    [Fact]
    public async Task Issue_TimestampAuthorityDown_StoresNothingAndTheNumberIsNotConsumed()
    {
        using (var broken = new DevelopmentServiceFactory(_folder, settings: new Dictionary<string, string> { ["Signing:TsaUrl"] = "http://127.0.0.1:9/tsa" }))
        {
            _ = broken.Server;
            await Assert.ThrowsAsync<TimestampException>(() => Issue(broken.Services, Notice()));
            Assert.Empty(await All(broken.Services));
        }
        Assert.False(Directory.Exists(Path.Combine(_folder, "files"))
            && Directory.EnumerateFiles(Path.Combine(_folder, "files"), "*", SearchOption.AllDirectories).Any());
        using var factory = new DevelopmentServiceFactory(_folder);
        _ = factory.Server;
        var (doc, _) = await Issue(factory.Services, Notice());
        Assert.Equal(1, doc!.Sequence);
    }

    [Fact]
    public async Task Issue_JustAfterMidnightBeijingOnNewYear_NumbersInTheNewYear()
    {
        // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in Beijing: the year of the number is 2027.
        var time = new FixedTime(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        using var factory = new DevelopmentServiceFactory(_folder, time: time);
        _ = factory.Server;
        var (doc, _) = await Issue(factory.Services, Notice());
        Assert.Equal("西北局信告字〔2027〕1号", doc!.Number);
    }

    [Fact]
    public async Task Issue_32ParallelIssuersOf20_Give640DistinctNumbers1To640()
    {
        using var factory = new DevelopmentServiceFactory(_folder);
        _ = factory.Server;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            for (var j = 0; j < 20; j++) Assert.NotNull((await Issue(factory.Services, Notice($"相对人{i}-{j}"))).Doc);
        })));
        var numbers = (await All(factory.Services)).Select(d => d.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 640), numbers);
    }

    [Fact]
    public async Task Issue_TwoInstancesSharingOneDatabase_Give640DistinctNumbers1To640EachPrintedInItsPdf()
    {
        var logs = new CapturedLogs();
        using var first = new DevelopmentServiceFactory(_folder);
        using var second = new DevelopmentServiceFactory(_folder);
        // Each instance predicts its numbers from the counters the other is advancing: predictions are lost.
        using var a = first.WithWebHostBuilder(w => w.ConfigureLogging(l => l.AddProvider(logs)));
        using var b = second.WithWebHostBuilder(w => w.ConfigureLogging(l => l.AddProvider(logs)));
        _ = a.Server;
        _ = b.Server;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var services = i % 2 == 0 ? a.Services : b.Services;
            for (var j = 0; j < 20; j++) Assert.NotNull((await Issue(services, Notice($"相对人{i}-{j}"))).Doc);
        })));
        var documents = await All(a.Services);
        Assert.Equal(Enumerable.Range(1, 640), documents.Select(d => d.Sequence).Order());
        // A document whose predicted number went to the other instance was rendered again: its PDF prints the number it took.
        Assert.Contains(logs.Entries, e => IssueQueueTests.RenderedAgain(e) is not null);
        foreach (var document in documents) Assert.Equal([document.Number], await IssuedFiles.NumbersInPdfAsync(a.Services, document));
        // The files rendered for a number another instance took are gone; each document keeps its two.
        Assert.Equal(documents.SelectMany(d => new[] { d.PdfSha256, d.DocxSha256 }).Order(StringComparer.Ordinal), IssuedFiles.Stored(_folder));
        await using var scope = a.Services.CreateAsyncScope();
        var chain = await EvidenceLog.VerifyAsync(scope.ServiceProvider.GetRequiredService<SesDbContext>(), TestContext.Current.CancellationToken);
        Assert.True(chain.Intact, chain.Reason);
        Assert.Equal(640, chain.Entries);
    }

    [Fact]
    public async Task Stop_WhileDocumentsWaitToBeIssued_FinishesOrRefusesEachAndNoneHangsOrLeavesAGap()
    {
        var factory = new DevelopmentServiceFactory(_folder);
        _ = factory.Server;
        Assert.NotNull((await Issue(factory.Services, Notice("停止前相对人"))).Doc); // the queue is running
        var issuing = Enumerable.Range(0, 24).Select(i => Task.Run(() => Issue(factory.Services, Notice($"停止测试相对人{i}")))).ToList();
        await Eventually.DocumentsQueued(factory.Services, 2);
        await factory.DisposeAsync(); // stops the host while documents wait: those queued are finished, later ones refused

        // Every caller gets an answer: a caller left waiting would fail this within the minute.
        await Task.WhenAll(issuing.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)))
            .WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var answered = issuing.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.Doc!.Number).ToList();
        // The others were refused (the service was stopping); none was left waiting.
        Assert.All(issuing.Where(t => !t.IsCompletedSuccessfully), t => Assert.True(t.IsFaulted));

        using var again = new DevelopmentServiceFactory(_folder);
        _ = again.Server;
        var stored = await All(again.Services);
        // What callers were told was issued is exactly what is stored, numbered without a gap.
        Assert.Equal(Enumerable.Range(1, answered.Count + 1), stored.Select(d => d.Sequence).Order());
        Assert.Equal(answered.Order(), stored.Where(d => d.Sequence > 1).Select(d => d.Number).Order());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class ReplyDateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ses-reply-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<(IssuedDocument? Doc, IReadOnlyList<Problem> Problems)> Issue(object data)
    {
        // Friday 2026-02-13 17:00 in Beijing: deemed delivery 02-25, defence ends 03-03, proposal 03-04.
        using var factory = new DevelopmentServiceFactory(_folder, time: new FixedTime(new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.FromHours(8))));
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftService>().IssueAsync(
            new IssueRequest { FormId = "notice-org", Data = JsonSerializer.SerializeToElement(data), Officer = "officer1", Source = "test" },
            CancellationToken.None);
    }

    [Fact]
    public async Task Issue_NoticeWithoutAReplyDate_PrintsTheProposal()
    {
        var (doc, problems) = await Issue(new { party = "某公司", actDate = "2026-02-02", actDescription = "提交虚假材料" });
        Assert.Empty(problems);
        using var factory = new DevelopmentServiceFactory(_folder);
        var pdf = await factory.Services.GetRequiredService<IFileStore>().GetAsync(doc!.PdfSha256, CancellationToken.None);
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf!);
        Assert.Contains("应当于2026年3月4日前向我局提交陈述和申辩意见", string.Concat(read.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)));
    }

    [Fact]
    public async Task Issue_NoticeWithATooEarlyReplyDate_IsRefusedAndTakesNoNumber()
    {
        var (doc, problems) = await Issue(new { party = "某公司", actDate = "2026-02-02", actDescription = "提交虚假材料", replyDeadline = "2026-03-03" });
        Assert.Null(doc);
        var p = Assert.Single(problems);
        Assert.Equal("field.reply-date.too-early", p.Code);
        Assert.Contains("2026年3月4日", p.Message);
        var (later, _) = await Issue(new { party = "某公司", actDate = "2026-02-02", actDescription = "提交虚假材料", replyDeadline = "2026-03-04" });
        Assert.Equal(1, later!.Sequence);
    }
}
