using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Numbering;
using Ses.Service.Audit;
using Ses.Service.Data;
using Ses.Service.Delivery;
using Ses.Service.Signing;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>
/// Issues validated documents in groups, one loop per process. It takes every document waiting (up to
/// <see cref="MaxGroup"/>), predicts from the counters the number each will take, and renders, signs and stores them
/// in parallel outside the write lock. Then it takes the lock once: checks each draft, takes each number in the
/// database (so several processes stay correct), renders again inside the lock the rare document whose prediction
/// was lost to another process, records them, and commits them together. A synchronous commit costs one disk
/// write; the group shares it, and the write lock is no longer held while documents are signed and stored.
/// </summary>
/// <remarks>
/// All or nothing still holds per document: a document that cannot be rendered, signed or stored fails alone before
/// any number is taken; a draft already issued or changed fails alone inside the transaction before taking one; if the
/// transaction itself fails, each document of the group is issued again on its own, so one bad document never fails
/// the others. Files stored for a document that is not issued are removed.
/// </remarks>
public sealed partial class IssueQueue(IServiceScopeFactory scopes, DocumentEngine engine, SigningContext signing, IFileStore files, ILogger<IssueQueue> logger)
    : IAsyncDisposable
{
    /// <summary>The most documents committed together.</summary>
    public const int MaxGroup = 32;

    private readonly Channel<IssueJob> _jobs = Channel.CreateUnbounded<IssueJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _loop;

    internal Task<IssuedDocument> IssueAsync(IssueJob job)
    {
        lock (_startGate) _loop ??= Task.Run(RunAsync);
        if (!_jobs.Writer.TryWrite(job)) throw new ObjectDisposedException(nameof(IssueQueue), "the service is stopping; nothing was issued");
        return job.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        Task? loop;
        lock (_startGate) loop = _loop;
        if (loop is not null) await loop;
    }

    private async Task RunAsync()
    {
        var group = new List<IssueJob>(MaxGroup);
        while (await _jobs.Reader.WaitToReadAsync())
        {
            while (group.Count < MaxGroup && _jobs.Reader.TryRead(out var job)) group.Add(job);
            await IssueGroupAsync(group);
            group.Clear();
        }
    }

    private async Task IssueGroupAsync(List<IssueJob> group)
    {
        try
        {
            await IssueTogetherAsync(group);
        }
        catch (Exception e) when (group.Count > 1)
        {
            LogGroupFailed(logger, group.Count, e);
            foreach (var job in group.Where(j => !j.Completion.IsCompleted))
            {
                try
                {
                    await IssueTogetherAsync([job]);
                }
                catch (Exception alone)
                {
                    job.Fail(alone, files);
                }
            }
        }
        catch (Exception e)
        {
            group[0].Fail(e, files);
        }
    }

    private async Task IssueTogetherAsync(IReadOnlyList<IssueJob> group)
    {
        // Once taken, a group is finished: a caller who stops waiting does not undo a number others may follow.
        var ct = CancellationToken.None;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var pending = group.Where(j => !j.Completion.IsCompleted).ToList();
        // A document that cannot be prepared fails alone; those after it in its series then expect a number less.
        while (pending.Count > 0 && await PrepareAsync(pending, await PredictAsync(db, pending, ct), ct) > 0)
        {
            pending.RemoveAll(j => j.Completion.IsCompleted);
        }
        if (pending.Count == 0) return;
        var outcomes = new List<(IssueJob Job, IssuedDocument? Document, Exception? Refused)>(pending.Count);
        try
        {
            await EvidenceLog.WriteAsync(db, async chain =>
            {
                foreach (var job in pending) outcomes.Add(await RecordAsync(db, chain, job, ct));
                return outcomes.Count;
            }, ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        // Committed: only now does anybody learn a number.
        foreach (var (job, document, refused) in outcomes)
        {
            if (document is not null) job.Succeed(document);
            else job.Fail(refused!, files);
        }
    }

    /// <summary>The sequence each job expects: the counters' next numbers, handed out in queue order.</summary>
    private static async Task<int[]> PredictAsync(SesDbContext db, List<IssueJob> pending, CancellationToken ct)
    {
        var next = new Dictionary<(string Bureau, string Series, int Year), int>();
        foreach (var (bureau, series, year) in pending.Select(j => j.Counter).Distinct())
        {
            next[(bureau, series, year)] = await db.NumberCounters.AsNoTracking()
                .Where(c => c.Bureau == bureau && c.Series == series && c.Year == year)
                .Select(c => (int?)c.Next).SingleOrDefaultAsync(ct) ?? 1;
        }
        return pending.Select(j => next[j.Counter]++).ToArray();
    }

    /// <summary>Prepares, in parallel, every job not yet prepared for its predicted number; returns how many failed.</summary>
    private async Task<int> PrepareAsync(List<IssueJob> pending, int[] predicted, CancellationToken ct)
    {
        var failed = 0;
        var todo = pending.Select((job, i) => (Job: job, Sequence: predicted[i])).Where(x => x.Job.PreparedFor != x.Sequence).ToList();
        // Twice the cores: half of a job's time is waiting for its files to reach the disk.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(todo, parallel, async (x, token) =>
        {
            try
            {
                await PrepareOneAsync(x.Job, x.Sequence, token);
            }
            catch (Exception e)
            {
                x.Job.Fail(e, files);
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }

    /// <summary>Renders the job with <paramref name="sequence"/>, signs the PDF with a timestamp, and stores both files.</summary>
    private async Task PrepareOneAsync(IssueJob job, int sequence, CancellationToken ct)
    {
        job.Discard(files);
        var numbered = job.Input with { Number = new DocumentNumber(job.Input.Bureau.NumberPrefix, job.Form.Series!, job.Year, sequence) };
        var pdf = engine.Sign(engine.Render(numbered, OutputFormat.Pdf), signing.Settings, job.Now);
        var docx = engine.Render(numbered, OutputFormat.Docx).Content;
        var stored = new[] { files.PutAsync(pdf, ct), files.PutAsync(docx, ct) };
        try
        {
            await Task.WhenAll(stored);
        }
        catch
        {
            foreach (var put in stored.Where(p => p.IsCompletedSuccessfully && p.Result.Created)) files.Forget(put.Result.Sha256);
            throw;
        }
        job.Prepared(sequence, stored[0].Result, stored[1].Result);
    }

    /// <summary>Inside the write transaction: checks the draft, takes the number, and records the document.</summary>
    private async Task<(IssueJob, IssuedDocument?, Exception?)> RecordAsync(SesDbContext db, EvidenceChain chain, IssueJob job, CancellationToken ct)
    {
        var request = job.Request;
        Draft? draft = null;
        if (request.DraftId is { } draftId)
        {
            // Checked before the number is taken, so a refused draft takes none.
            draft = await db.Drafts.SingleAsync(d => d.Id == draftId, ct);
            if (draft.IssuedDocumentId is not null) return (job, null, new DraftAlreadyIssuedException(draftId));
            if (request.DraftVersion is { } version && draft.Version != version) return (job, null, new DraftChangedException(draftId));
        }
        var (bureau, series, year) = job.Counter;
        var sequence = await NumberAllocator.NextAsync(db, bureau, series, year, ct);
        if (job.PreparedFor != sequence)
        {
            // Another process took the predicted number, or a document before this one was refused.
            LogPredictionLost(logger, job.PreparedFor, sequence);
            await PrepareOneAsync(job, sequence, ct);
        }
        var number = new DocumentNumber(job.Input.Bureau.NumberPrefix, series, year, sequence);
        var issued = new IssuedDocument
        {
            Id = Guid.CreateVersion7(job.Now),
            Bureau = bureau,
            Series = series,
            Year = year,
            Sequence = sequence,
            Number = number.Format(),
            FormId = job.Form.Id,
            Officer = request.Officer,
            IssuedAt = job.Now,
            PdfSha256 = job.PdfSha256,
            DocxSha256 = job.DocxSha256,
            Replaces = request.Replaces,
            Party = request.CounterpartyName ?? PartyOf(job.Input),
            CounterpartyId = request.CounterpartyId,
            DraftId = request.DraftId,
            DataJson = job.DataJson,
        };
        if (draft is not null)
        {
            // Frozen in the same transaction; its concurrency token refuses a racing edit on PostgreSQL.
            draft.IssuedDocumentId = issued.Id;
            draft.Version++;
        }
        db.IssuedDocuments.Add(issued);
        db.AuditEntries.Add(new AuditEntry
        {
            At = job.Now, Actor = request.Officer, Action = "document.issued", Subject = issued.Number, Source = request.Source,
            Detail = $"form={job.Form.Id} id={issued.Id} pdf={job.PdfSha256}",
        });
        await chain.AppendAsync(new EvidenceFacts(EvidenceEvents.SubmissionAcceptance, "issued", issued.Number, job.PdfSha256,
            request.Officer, job.Now, issued.Id, Detail: new Dictionary<string, string?> { ["form"] = job.Form.Id, ["docxSha256"] = job.DocxSha256 }), ct);
        return (job, issued, null);
    }

    private static string PartyOf(Ses.Documents.Templates.FormInput input) =>
        new[] { "party", "orgName", "name", "applicantName" }
            .Select(k => input.Values.GetValueOrDefault(k)?.Display).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuing {Count} documents together failed; each is issued on its own")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prepared for sequence {Predicted} but took {Taken}; rendered again inside the lock")]
    private static partial void LogPredictionLost(ILogger logger, int? predicted, int taken);
}
