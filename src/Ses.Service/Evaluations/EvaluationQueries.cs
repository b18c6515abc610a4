using Microsoft.EntityFrameworkCore;
using Ses.Documents;
using Ses.Service.Calendar;
using Ses.Service.Data;
using Ses.Service.Submissions;

namespace Ses.Service.Evaluations;

/// <summary>What the officers, the enterprises, the public and the inspectors read of the rounds.</summary>
public sealed class EvaluationQueries(SesDbContext db, CalendarStore calendars, DocumentEngine engine, TimeProvider time)
{
    private DateOnly Today => LegalDates.BeijingDate(time.GetUtcNow());

    /// <summary>The bureau's rounds, the latest year first.</summary>
    public async Task<List<RoundView>> RoundsAsync(string bureau, CancellationToken ct)
    {
        var views = new List<RoundView>();
        foreach (var id in await db.EvaluationRounds.AsNoTracking().Where(r => r.Bureau == bureau).OrderByDescending(r => r.Year).Select(r => r.Id)
            .ToListAsync(ct))
        {
            views.Add((await RoundAsync(id, bureau, ct))!);
        }
        return views;
    }

    public async Task<RoundView?> RoundAsync(Guid id, string bureau, CancellationToken ct)
    {
        var r = await db.EvaluationRounds.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (r is null) return null;
        var summaries = new List<EvaluationSummary>();
        foreach (var e in await db.Evaluations.AsNoTracking().Where(e => e.RoundId == r.Id).OrderBy(e => e.AddedAt).ToListAsync(ct))
        {
            var result = await ScoreAsync(e, r.Year, ct);
            summaries.Add(new EvaluationSummary(e.Id, e.CounterpartyId, e.Enterprise, e.Type, result.Score, result.Grade.ToString(), e.PreScore, e.PreGrade,
                await NumberAsync(e.PreDocumentId, ct), (await ApplicationsAsync(e, ct)).Count, ResultLabel(e.ReviewResult), e.FinalScore, e.FinalGrade));
        }
        var calendar = r.PublishedOn is null ? null : await calendars.CurrentAsync(ct);
        return new RoundView(r.Id, r.Year, r.State, RoundState.Label(r.State, Today > r.PublicationEndsOn), r.Notice, r.NoticeOn, r.MaterialsDueOn,
            r.PreEvaluatedOn, r.PublishedOn, r.PublicationEndsOn,
            calendar is null ? null : EvaluationRounds.PublicationEnds(r.PublishedOn!.Value, calendar).Rule,
            r.ReviewDueOn, calendar is null ? null : EvaluationRounds.ReviewDue(r.PublicationEndsOn!.Value, calendar).Rule, r.FinalPublishedOn, summaries);
    }

    public async Task<EvaluationView?> EvaluationAsync(Guid id, string bureau, CancellationToken ct)
    {
        var e = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Bureau == bureau, ct);
        if (e is null) return null;
        var r = await db.EvaluationRounds.AsNoTracking().SingleAsync(x => x.Id == e.RoundId, ct);
        var result = await ScoreAsync(e, r.Year, ct);
        var entries = await db.EvaluationEntries.AsNoTracking().Where(x => x.EvaluationId == e.Id).OrderBy(x => x.Date).ThenBy(x => x.EnteredAt)
            .ToListAsync(ct);
        var applications = await ApplicationsAsync(e, ct);
        var open = r.State is RoundState.Collecting or RoundState.PreEvaluated || (r.State == RoundState.Publication && applications.Count > 0
            && e.ReviewDocumentId is null);
        var ids = applications.Select(a => a.Id).ToList();
        var files = (await db.SubmissionFiles.AsNoTracking().Where(f => ids.Contains(f.SubmissionId)).ToListAsync(ct))
            .OrderBy(f => f.Number).ToLookup(f => f.SubmissionId, f => f.Name);
        var review = new ReviewView(
            [.. applications.Select(a => new ReviewApplicationView(a.Id, a.SubmittedAt, a.AccountName, a.Text, [.. files[a.Id]]))],
            applications.Count == 0 ? null : applications.Min(a => a.SubmittedOn),
            applications.Count == 0 ? null : r.ReviewDueOn, e.ReviewDocumentId is not null, e.ReviewDecidedOn,
            applications.Count > 0 && (e.ReviewDecidedOn ?? Today) > r.ReviewDueOn, e.ReviewResult, ResultLabel(e.ReviewResult), e.ReviewReasons,
            e.ReviewScore, e.ReviewGrade, e.ReviewDocumentId, await NumberAsync(e.ReviewDocumentId, ct));
        return new EvaluationView(e.Id, r.Id, r.Year, r.State, RoundState.Label(r.State, Today > r.PublicationEndsOn), e.CounterpartyId, e.Enterprise,
            e.Type, result.Score, result.Grade.ToString(), result.Deducted,
            [.. result.Causes.Select(c => new CauseView(c.Label, c.Total, c.Highest.Basis, c.RepeatedBasis))],
            [.. result.Skipped.Select(s => new SkippedView(s.Item, s.Reason))],
            [.. entries.Select(x => new EntryView(x.Id, x.Item, EvaluationTable.Title(x.Item), x.Date, x.Cause, x.Corrected, x.Fine, x.Points, x.Excluded,
                x.Casualties, x.Evidence, x.FileName, x.RecordId, x.EnteredBy, x.EnteredAt, x.RemovedAt is not null, x.RemovedReason))],
            await MaterialsAsync(e.Id, ct), e.PreScore, e.PreGrade, e.PreDocumentId, await NumberAsync(e.PreDocumentId, ct), review, e.FinalScore,
            e.FinalGrade, open);
    }

    /// <summary>The enterprise's score now, from its entries not taken back (<see cref="EvaluationScorer"/>).</summary>
    public async Task<EvaluationResult> ScoreAsync(Evaluation e, int year, CancellationToken ct)
    {
        var entries = await db.EvaluationEntries.AsNoTracking().Where(x => x.EvaluationId == e.Id && x.RemovedAt == null)
            .OrderBy(x => x.Date).ThenBy(x => x.EnteredAt).ToListAsync(ct);
        var outcome = EvaluationScorer.Evaluate(new EvaluationInput(e.Enterprise, e.Type, year, [.. entries.Select(x => x.ToEvent())]));
        return outcome.Result ?? throw new InvalidOperationException("stored entries were validated when entered");
    }

    /// <summary>The review applications the enterprise submitted against its pre-evaluation notice (暂行办法第十四条).</summary>
    public async Task<List<Submission>> ApplicationsAsync(Evaluation e, CancellationToken ct) =>
        e.PreDocumentId is not { } doc
            ? []
            : await db.Submissions.AsNoTracking().Where(s => s.DocumentId == doc && s.Kind == SubmissionKinds.EvaluationReview).OrderBy(s => s.SubmittedAt)
                .ToListAsync(ct);

    /// <summary>The enterprise's rounds, the latest year first.</summary>
    public async Task<List<MyEvaluationView>> MineAsync(Guid counterpartyId, CancellationToken ct)
    {
        var views = new List<MyEvaluationView>();
        var mine = await (from e in db.Evaluations.AsNoTracking()
                          join r in db.EvaluationRounds.AsNoTracking() on e.RoundId equals r.Id
                          where e.CounterpartyId == counterpartyId
                          orderby r.Year descending
                          select new { e, r }).ToListAsync(ct);
        foreach (var x in mine) views.Add(await MineAsync(x.e, x.r, ct));
        return views;
    }

    public async Task<MyEvaluationView?> MineAsync(Guid id, Guid counterpartyId, CancellationToken ct)
    {
        var e = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.CounterpartyId == counterpartyId, ct);
        return e is null ? null : await MineAsync(e, await db.EvaluationRounds.AsNoTracking().SingleAsync(r => r.Id == e.RoundId, ct), ct);
    }

    /// <summary>The public list (暂行办法第十三条): pre-evaluation results while published, final results once published; grades only.</summary>
    public async Task<List<PublicEvaluation>> PublicAsync(CancellationToken ct)
    {
        var rows = await (from e in db.Evaluations.AsNoTracking()
                          join r in db.EvaluationRounds.AsNoTracking() on e.RoundId equals r.Id
                          where r.State == RoundState.Publication || r.State == RoundState.Published
                          select new { e, r }).ToListAsync(ct);
        var today = Today;
        return [.. rows
            .Where(x => x.r.State == RoundState.Published || (x.e.PreGrade is not null && today <= x.r.PublicationEndsOn))
            .Select(x => x.r.State == RoundState.Published
                ? new PublicEvaluation(x.r.Year, "评价结果", BureauName(x.r.Bureau), x.e.Enterprise, x.e.Type, x.e.FinalGrade!, x.r.FinalPublishedOn!.Value, null)
                : new PublicEvaluation(x.r.Year, "预评价结果公示", BureauName(x.r.Bureau), x.e.Enterprise, x.e.Type, x.e.PreGrade!, x.r.PublishedOn!.Value,
                    x.r.PublicationEndsOn))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Bureau, StringComparer.Ordinal).ThenBy(p => p.Enterprise, StringComparer.Ordinal)];
    }

    /// <summary>The latest final grade of the bureau's enterprises whose name contains <paramref name="q"/> (暂行办法第十九条).</summary>
    public async Task<List<InspectionGrade>> GradesAsync(string bureau, string? q, CancellationToken ct)
    {
        var rows = await (from e in db.Evaluations.AsNoTracking()
                          join r in db.EvaluationRounds.AsNoTracking() on e.RoundId equals r.Id
                          where r.State == RoundState.Published && e.Bureau == bureau
                          select new { e.CounterpartyId, e.Enterprise, e.Type, r.Year, e.FinalGrade }).ToListAsync(ct);
        return [.. rows.Where(x => string.IsNullOrWhiteSpace(q) || x.Enterprise.Contains(q.Trim(), StringComparison.Ordinal))
            .GroupBy(x => x.CounterpartyId).Select(g => g.MaxBy(x => x.Year)!)
            .Select(x => new InspectionGrade(x.CounterpartyId, x.Enterprise, x.Type, x.Year, x.FinalGrade!, EvaluationRounds.InspectionNote(x.FinalGrade!)))
            .OrderBy(x => x.Enterprise, StringComparer.Ordinal)];
    }

    public async Task<List<MaterialView>> MaterialsAsync(Guid evaluationId, CancellationToken ct) =>
        [.. (await db.EvaluationMaterials.AsNoTracking().Where(m => m.EvaluationId == evaluationId).ToListAsync(ct))
            .OrderBy(m => m.UploadedAt).Select(m => new MaterialView(m.Id, m.FileName, m.Size, m.Note, m.UploadedBy, m.UploadedAt, m.Late))];

    private async Task<MyEvaluationView> MineAsync(Evaluation e, EvaluationRound r, CancellationToken ct)
    {
        var today = Today;
        var published = e.PreDocumentId is not null;
        var applications = await ApplicationsAsync(e, ct);
        var bureau = BureauName(r.Bureau);
        return new MyEvaluationView(e.Id, r.Year, bureau, RoundState.Label(r.State, today > r.PublicationEndsOn), r.Notice, r.NoticeOn, r.MaterialsDueOn,
            MaterialsOpen(r), await MaterialsAsync(e.Id, ct), e.Type, published ? e.PreScore : null, published ? e.PreGrade : null,
            await DeliveryAsync(e.PreDocumentId, e.CounterpartyId, ct), await NumberAsync(e.PreDocumentId, ct), r.PublishedOn, r.PublicationEndsOn,
            ReviewOpen(r, e, today), [.. applications.Select(a => a.Id)], e.ReviewDocumentId is null ? null : ResultLabel(e.ReviewResult),
            await DeliveryAsync(e.ReviewDocumentId, e.CounterpartyId, ct), await NumberAsync(e.ReviewDocumentId, ct),
            r.State == RoundState.Published ? e.FinalScore : null, r.State == RoundState.Published ? e.FinalGrade : null);
    }

    /// <summary>Materials are taken until the pre-evaluation is published (after the day asked for, marked late).</summary>
    public static bool MaterialsOpen(EvaluationRound r) => r.State is RoundState.Collecting or RoundState.PreEvaluated;

    /// <summary>A review is applied for during the publication only (暂行办法第十四条): its day and the next 5 working days.</summary>
    public static bool ReviewOpen(EvaluationRound r, Evaluation e, DateOnly today) =>
        r.State == RoundState.Publication && e.PreDocumentId is not null && today >= r.PublishedOn && today <= r.PublicationEndsOn;

    public static string? ResultLabel(string? result) => result switch
    {
        "changed" => "变更预评价结果",
        "upheld" => "维持预评价结果",
        _ => null,
    };

    private string BureauName(string code) => engine.Templates.FindBureau(code)?.Name ?? code;

    private async Task<string?> NumberAsync(Guid? documentId, CancellationToken ct) =>
        documentId is { } id ? await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == id).Select(d => d.Number).SingleOrDefaultAsync(ct) : null;

    private async Task<Guid?> DeliveryAsync(Guid? documentId, Guid counterpartyId, CancellationToken ct) =>
        documentId is { } id
            ? await db.Deliveries.AsNoTracking().Where(d => d.DocumentId == id && d.CounterpartyId == counterpartyId && d.Electronic)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            : null;
}
