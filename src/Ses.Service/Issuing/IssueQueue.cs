using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Documents.Numbering;
using Ses.Documents.Templates;
using Ses.Service.Data;
using Ses.Service.Evidence;
using Ses.Service.Observability;
using Ses.Service.Signing;
using Ses.Service.Storage;

namespace Ses.Service.Issuing;

/// <summary>
/// Issues validated documents in groups, one loop per process. It takes every document waiting (up to
/// <see cref="MaxGroup"/>), predicts from the counters the number each will take, and renders, signs and stores them
/// in parallel outside the write lock. Then it takes the lock once: checks each draft, takes each number in the
/// database (so several processes stay correct), renders again inside the lock a document whose prediction was lost
/// (another process issued in the series meanwhile, or a document before it was refused), records them, and commits
/// them together. A synchronous commit costs one disk write; the group shares it, and the write lock is no longer held
/// while documents are signed and stored. While one group is written, the next is prepared with the numbers the first
/// leaves.
/// </summary>
/// <remarks>
/// All or nothing still holds per document: a document that cannot be rendered, signed or stored fails alone before
/// any number is taken; a draft already issued or changed fails alone inside the transaction before taking one; if the
/// transaction itself fails, each document of the group is issued again on its own, so one bad document never fails
/// the others. Files stored for a document that is not issued are removed.
/// </remarks>
public sealed partial class IssueQueue(
    IServiceScopeFactory scopes, DocumentEngine engine, SigningContext signing, IFileStore store, SesMetrics metrics, ILogger<IssueQueue> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>The most documents committed together.</summary>
    public const int MaxGroup = 32;

    // A group whose preparation keeps failing is prepared at most this often before its failures are left to the lock.
    private const int PrepareRounds = 3;

    private readonly PreparedFiles files = new(store, logger);
    private readonly Channel<IssueJob> _jobs = Channel.CreateUnbounded<IssueJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _loop;
    private int _received;

    // Documents written to the channel and not yet taken into a group (the single-reader channel cannot count them).
    private int _waiting;

    // The loop's turn to number documents among instances on PostgreSQL (set when the loop starts).
    private IssuingTurn? _turn;
    private bool _stopping;
    private int _renderedAgain;

    /// <summary>How many documents have been queued since the start (tests wait for it instead of sleeping).</summary>
    internal int Received => Volatile.Read(ref _received);

    /// <summary>How many documents were rendered again inside the write lock because their predicted number was lost.</summary>
    internal int RenderedAgain => Volatile.Read(ref _renderedAgain);

    /// <summary>How many turns to number documents this process has taken (PostgreSQL; 0 on SQLite).</summary>
    internal long TurnsTaken => _turn?.Taken ?? 0;

    internal Task<IssuedDocument> IssueAsync(IssueJob job)
    {
        Start();
        if (!_jobs.Writer.TryWrite(job)) throw new ObjectDisposedException(nameof(IssueQueue), "the service is stopping; nothing was issued");
        Interlocked.Increment(ref _received);
        Interlocked.Increment(ref _waiting);
        return metrics.TimeIssue(job.Completion);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Start();
        return Task.CompletedTask;
    }

    /// <summary>Takes no more documents and finishes those waiting, while the database can still be reached.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopping: what is still queued is issued without waiting for another instance's turn.
        Volatile.Write(ref _stopping, true);
        _jobs.Writer.TryComplete();
        Task? loop;
        lock (_startGate) loop = _loop;
        if (loop is not null) await loop.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogStopFailed(logger, e);
        }
    }

    private void Start()
    {
        lock (_startGate)
        {
            if (_loop is not null) return;
            metrics.ObserveQueue(() => Volatile.Read(ref _waiting));
            // The loop outlives the request that may start it: it must not carry that request's context (trace, log scope).
            using (ExecutionContext.SuppressFlow()) _loop = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        // Two stages: while one group is written and committed, the next is prepared with the numbers that group leaves.
        Task writing = Task.CompletedTask;
        var taken = new Dictionary<NumberSeries, int>();
        await using var turn = new IssuingTurn(scopes, logger);
        _turn = turn;
        while (await _jobs.Reader.WaitToReadAsync())
        {
            var group = new List<IssueJob>(MaxGroup);
            while (group.Count < MaxGroup && _jobs.Reader.TryRead(out var job)) group.Add(job);
            Interlocked.Add(ref _waiting, -group.Count);
            try
            {
                await turn.TakeAsync(waitForIt: !Volatile.Read(ref _stopping));
                var (prepared, next) = await PrepareGroupAsync(group, taken);
                await writing;
                taken = next;
                writing = WriteGroupAsync(prepared);
                if (turn.Held && (Volatile.Read(ref _waiting) <= 0 || await turn.OthersWaitingAsync()))
                {
                    // Handed on once this group is committed; numbers predicted from now on are read again from the counters.
                    await writing;
                    await turn.ReleaseAsync();
                    taken = [];
                }
            }
            catch (Exception e)
            {
                // Not expected (each stage finishes its own jobs); the loop must go on, or issuing stops for the process.
                LogGroupFailed(logger, group.Count, e);
                foreach (var job in group) job.Fail(e, files);
                taken = [];
                await writing;
                await turn.ReleaseAsync();
            }
        }
        await writing;
    }

    /// <summary>
    /// Prepares a group with the numbers it should take: each counter's next number in the database, or, while an
    /// earlier group is being written, the one after that group's. Returns the jobs still pending and the next numbers
    /// after them. A job that cannot be prepared fails alone; those after it in its series then expect a number less.
    /// If the counters cannot be read, the group fails: nothing was taken.
    /// </summary>
    private async Task<(List<IssueJob> Pending, Dictionary<NumberSeries, int> Next)> PrepareGroupAsync(
        List<IssueJob> group, IReadOnlyDictionary<NumberSeries, int> inFlight)
    {
        var pending = group.Where(j => !j.Completion.IsCompleted).ToList();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
            for (var round = 1; ; round++)
            {
                var (predicted, next) = await PredictAsync(db, pending, inFlight, CancellationToken.None);
                var failed = await PrepareAsync(pending, predicted, CancellationToken.None);
                pending.RemoveAll(j => j.Completion.IsCompleted);
                // After a failure the jobs behind it expect a number less; past the last round the lock renders them again.
                if (failed == 0 || round == PrepareRounds) return (pending, next);
            }
        }
        catch (Exception e)
        {
            LogGroupFailed(logger, pending.Count, e);
            foreach (var job in pending) job.Fail(e, files);
            return ([], []);
        }
    }

    /// <summary>
    /// Writes a prepared group. If that fails, each of its jobs is tried on its own, so one bad job never fails the
    /// others — after checking whether it was issued after all (the commit went through but its answer was lost).
    /// </summary>
    private async Task WriteGroupAsync(List<IssueJob> group)
    {
        if (group.Count == 0) return;
        try
        {
            await WriteTogetherAsync(group);
            return;
        }
        catch (Exception e)
        {
            LogGroupFailed(logger, group.Count, e);
        }
        foreach (var job in group.Where(j => !j.Completion.IsCompleted))
        {
            try
            {
                if (await FindIssuedAsync(job) is { } issued)
                {
                    job.Succeed(issued, files);
                    continue;
                }
                var (alone, _) = await PrepareGroupAsync([job], new Dictionary<NumberSeries, int>());
                await WriteTogetherAsync(alone);
            }
            catch (Exception e)
            {
                job.Fail(e, files);
            }
        }
    }

    private async Task<IssuedDocument?> FindIssuedAsync(IssueJob job)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        return await db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == job.DocumentId);
    }

    private async Task WriteTogetherAsync(List<IssueJob> pending)
    {
        pending = pending.Where(j => !j.Completion.IsCompleted).ToList();
        if (pending.Count == 0) return;
        // Once taken, a group is finished: a caller who stops waiting does not undo a number others may follow.
        var ct = CancellationToken.None;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesDbContext>();
        var outcomes = new List<(IssueJob Job, IssuedDocument? Document, Exception? Refused)>(pending.Count);
        await EvidenceLog.WriteAsync(db, async chain =>
        {
            var numbered = new List<(IssueJob Job, int Sequence)>(pending.Count);
            foreach (var job in pending)
            {
                if (await TakeDraftAsync(db, job, ct) is { } refused) outcomes.Add((job, null, refused));
                else numbered.Add((job, await NumberAllocator.NextAsync(db, job.Series.Bureau, job.Series.Series, job.Series.Year, ct)));
            }
            // Another process took the predicted numbers, or a document before these was refused: rendered again, in
            // parallel, inside the lock, so each PDF prints the number recorded.
            var lost = numbered.Where(n => n.Job.PreparedFor != n.Sequence).ToList();
            foreach (var (job, sequence) in lost) LogPredictionLost(logger, job.PreparedFor, sequence);
            Interlocked.Add(ref _renderedAgain, lost.Count);
            await Parallel.ForEachAsync(lost, Spread(ct), async (n, token) => await PrepareOneAsync(n.Job, n.Sequence, token));
            foreach (var (job, sequence) in numbered) outcomes.Add((job, await RecordAsync(db, chain, job, sequence, ct), null));
            return outcomes.Count;
        }, ct);
        // Committed: only now does anybody learn a number. Completing a job does not throw.
        foreach (var (job, document, refused) in outcomes)
        {
            if (document is not null) job.Succeed(document, files);
            else job.Fail(refused!, files);
        }
    }

    /// <summary>
    /// The sequence each job expects, handed out in queue order from each counter's next number (or the number after
    /// the group in flight, if higher); and each counter's next number after these jobs.
    /// </summary>
    private static async Task<(int[] Predicted, Dictionary<NumberSeries, int> Next)> PredictAsync(SesDbContext db, List<IssueJob> pending,
        IReadOnlyDictionary<NumberSeries, int> inFlight, CancellationToken ct)
    {
        var next = new Dictionary<NumberSeries, int>();
        foreach (var series in pending.Select(j => j.Series).Distinct())
        {
            var stored = await db.NumberCounters.AsNoTracking()
                .Where(c => c.Bureau == series.Bureau && c.Series == series.Series && c.Year == series.Year)
                .Select(c => (int?)c.Next).SingleOrDefaultAsync(ct) ?? 1;
            next[series] = Math.Max(stored, inFlight.GetValueOrDefault(series));
        }
        return (pending.Select(j => next[j.Series]++).ToArray(), next);
    }

    /// <summary>Prepares, in parallel, every job not yet prepared for its predicted number; returns how many failed.</summary>
    private async Task<int> PrepareAsync(List<IssueJob> pending, int[] predicted, CancellationToken ct)
    {
        var failed = 0;
        var todo = pending.Select((job, i) => (Job: job, Sequence: predicted[i])).Where(x => x.Job.PreparedFor != x.Sequence).ToList();
        await Parallel.ForEachAsync(todo, Spread(ct), async (x, token) =>
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

    // Twice the cores: half of a job's time is waiting for its files to reach the disk.
    private static ParallelOptions Spread(CancellationToken ct) => new() { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = ct };

    /// <summary>Renders the job with <paramref name="sequence"/>, signs the PDF with a timestamp, and stores both files.</summary>
    private async Task PrepareOneAsync(IssueJob job, int sequence, CancellationToken ct)
    {
        job.Discard(files);
        var numbered = job.Input with { Number = new DocumentNumber(job.Input.Bureau.NumberPrefix, job.Form.Series!, job.Year, sequence) };
        // Sealed and signed with the key of the unit that seals it (else its bureau's): seal text, signer certificate and bureau agree.
        var rendered = engine.Render(numbered, OutputFormat.Pdf);
        var pdf = engine.Sign(rendered, signing.Require(job.Input), job.Now);
        var docx = engine.DocxOf(rendered).Content;
        var stored = new[] { files.PutAsync(pdf, ct), files.PutAsync(docx, ct) };
        try
        {
            await Task.WhenAll(stored);
        }
        catch
        {
            foreach (var put in stored.Where(p => p.IsCompletedSuccessfully)) files.GiveUp(put.Result.Sha256, put.Result.Created);
            throw;
        }
        job.Prepared(sequence, stored[0].Result, stored[1].Result);
    }

    /// <summary>
    /// Inside the write transaction, before the number is taken (so a refused draft takes none): the draft must be
    /// unissued and as it was read; it is then marked issued with the document's id, so a second job for the same draft
    /// in the group is refused. Returns the refusal, or null.
    /// </summary>
    private static async Task<Exception?> TakeDraftAsync(SesDbContext db, IssueJob job, CancellationToken ct)
    {
        if (job.Request.DraftId is not { } draftId) return null;
        var draft = await db.Drafts.SingleAsync(d => d.Id == draftId, ct);
        if (draft.IssuedDocumentId is not null) return new DraftAlreadyIssuedException(draftId);
        if (job.Request.DraftVersion is { } version && draft.Version != version) return new DraftChangedException(draftId);
        // Frozen in the same transaction; its concurrency token refuses a racing edit on PostgreSQL.
        draft.IssuedDocumentId = job.DocumentId;
        draft.Version++;
        return null;
    }

    /// <summary>Inside the write transaction: records the document prepared with <paramref name="sequence"/>, its audit and evidence entries.</summary>
    private static async Task<IssuedDocument> RecordAsync(SesDbContext db, EvidenceChain chain, IssueJob job, int sequence, CancellationToken ct)
    {
        var request = job.Request;
        var (bureau, series, year) = job.Series;
        var number = new DocumentNumber(job.Input.Bureau.NumberPrefix, series, year, sequence);
        var issued = new IssuedDocument
        {
            Id = job.DocumentId,
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
            Party = request.CounterpartyName ?? PartyOf(job.Form, job.Input),
            CounterpartyId = request.CounterpartyId,
            DraftId = request.DraftId,
            DataJson = job.DataJson,
        };
        db.IssuedDocuments.Add(issued);
        db.AuditEntries.Add(EvidenceEntries.Audit(job.Now, request.Officer, "document.issued", issued.Number, request.Source,
            $"form={job.Form.Id} id={issued.Id} pdf={job.PdfSha256}"));
        await chain.AppendAsync(EvidenceEntries.ForDocument(issued.Number, job.PdfSha256, issued.Id, null, EvidenceEvents.SubmissionAcceptance, "issued",
            request.Officer, job.Now, new() { ["form"] = job.Form.Id, ["docxSha256"] = job.DocxSha256 }), ct);
        return issued;
    }

    /// <summary>The party as the form's declared name field (<c>"party": { "name": … }</c>) prints it, or empty.</summary>
    private static string PartyOf(FormTemplate form, FormInput input) =>
        form.Party is { } party ? input.Values.GetValueOrDefault(party.Name)?.Display ?? "" : "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuing a group of {Count} documents failed")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping the issue queue failed")]
    private static partial void LogStopFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prepared for sequence {Predicted} but took {Taken}; rendered again inside the lock")]
    private static partial void LogPredictionLost(ILogger logger, int? predicted, int taken);
}
